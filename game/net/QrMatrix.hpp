#pragma once

#include "core/util/Outcome.hpp"

#include <string_view>
#include <vector>

namespace quiz::net
{

/// A QR code symbol as a square grid of modules, quiet zone included: `size` modules a side,
/// of which the outer `quietZone` on every side are light. Plain values, so the projector draws
/// it with its own primitives and a test can look at every module.
struct QrMatrix
{
    int size = 0;
    int quietZone = 0;
    std::vector<bool> dark; ///< row by row, size * size entries

    /// True for a dark module; coordinates outside the grid are light.
    [[nodiscard]] bool isDark(int x, int y) const
    {
        if (x < 0 || y < 0 || x >= size || y >= size)
            return false;
        return dark[static_cast<std::size_t>(y * size + x)];
    }
    /// Modules a side of the symbol itself (21 for version 1, 4 more per version).
    [[nodiscard]] int getSymbolSize() const { return size - 2 * quietZone; }
};

/// The modules a side of the quiet zone the standard asks for.
inline constexpr int kQrQuietZone = 4;

/// Encodes `text` (bytes, e.g. a URL) at error-correction level M in the smallest version that
/// holds it, with the standard 4-module quiet zone around it. Fails with a message when the text
/// is empty, holds a NUL byte, or is too long for any version.
[[nodiscard]] core::Outcome<QrMatrix> encodeQr(std::string_view text);

} // namespace quiz::net

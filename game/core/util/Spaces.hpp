#pragma once

#include <string>
#include <string_view>

namespace quiz::core
{

/// The spaces that are not ASCII: U+00A0 (no-break, which Moodle's editor writes everywhere),
/// U+1680, U+2000..U+200A, U+202F, U+205F and U+3000. Imports turn them into plain spaces and
/// the game draws them as spaces: a font without the glyph draws a box or a dot, and in
/// "1.5 x control" a dot reads as a decimal point.
[[nodiscard]] constexpr bool isUnicodeSpace(char32_t c)
{
    return c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F ||
           c == 0x3000;
}

/// A control byte no pack may hold: C0 other than tab, line feed and carriage return, and DEL.
/// The pack writer drops them; importers read them as spaces, so a text made only of them is
/// seen as empty before it is written.
[[nodiscard]] constexpr bool isForbiddenControl(unsigned char c)
{
    return (c < 0x20U && c != '\t' && c != '\n' && c != '\r') || c == 0x7FU;
}

/// `text` (UTF-8) with every isUnicodeSpace() character replaced by one ASCII space; all other
/// bytes, malformed ones included, are kept as they are.
[[nodiscard]] std::string normaliseSpaces(std::string_view text);

} // namespace quiz::core

#pragma once

#include <cstddef>
#include <string>

namespace quiz::testsupport
{

/// A pack built to make the loader or the checker work as hard as a file under the size cap
/// can make them: floods of attributes, nesting, references, style runs and errors.
struct HostilePack
{
    std::string name;
    std::string xml;
};

/// How many kinds makeHostilePack knows.
inline constexpr std::size_t kHostilePackCount = 9;

/// Hostile pack number `index` (below kHostilePackCount), at most `maxBytes` long (the loader's
/// size cap), so the worst a file the game accepts for reading can cost is measured and tested
/// rather than guessed. Made one at a time, so a benchmark can measure each one's peak memory.
[[nodiscard]] HostilePack makeHostilePack(std::size_t index, std::size_t maxBytes);

} // namespace quiz::testsupport

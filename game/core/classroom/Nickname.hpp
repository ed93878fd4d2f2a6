#pragma once

#include <cstddef>
#include <string>

namespace quiz::core
{

/// A nickname as the class keeps it: NFC-normalised and trimmed of spaces, 1..maxCharacters
/// code points of well-formed UTF-8, with no control, format (bidi overrides, zero-width),
/// separator other than the plain space, private-use, unassigned or default-ignorable
/// characters, and no mix of scripts that only a look-alike would use (Latin with Cyrillic,
/// say). "" when the nickname is refused.
[[nodiscard]] std::string cleanNickname(const std::string& nickname, std::size_t maxCharacters);

/// What a clean nickname looks like: case-folded, then reduced to its Unicode confusable
/// skeleton (UTS #39) without accents, so "Ana", "ANA", "Ána" and "Аna" (Cyrillic А) share one
/// key. Two players may not share a key.
[[nodiscard]] std::string nicknameKey(const std::string& cleanNickname);

} // namespace quiz::core

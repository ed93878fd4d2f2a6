#pragma once

#include "core/util/Text.hpp"
#include "core/util/Utf8.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace quiz::core::import
{

/// Windows-1252 bytes to UTF-8. Bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D, undefined in 1252,
/// become U+FFFD.
[[nodiscard]] std::string windows1252ToUtf8(const std::string& bytes);

/// Lower-case ASCII slug: letters and digits kept, every other run becomes one '-', at most
/// `maxLength` characters, no leading or trailing '-'. May be empty.
[[nodiscard]] std::string slugify(const std::string& text, std::size_t maxLength = 40);

/// `%XX` sequences decoded (invalid ones kept as written). Used for @@PLUGINFILE@@ names.
[[nodiscard]] std::string percentDecode(const std::string& text);

/// SHA-256 of `bytes` (nettle's) as 64 lower-case hex digits (content-hash names for images).
[[nodiscard]] std::string sha256Hex(const std::string& bytes);

/// Shortest decimal text for a percentage ("100", "50", "33.33333", "-12.5"): at most seven
/// decimals, trailing zeros dropped. Stable across runs, so written files are deterministic.
[[nodiscard]] std::string formatNumber(double value);

/// The last path component without its extension ("a/b/Quiz 1.xml" -> "Quiz 1").
[[nodiscard]] std::string fileStem(const std::string& path);

/// The last path component ("a/b/Quiz 1.xml" -> "Quiz 1.xml").
[[nodiscard]] std::string fileName(const std::string& path);

/// Splits `text` on `separator`.
[[nodiscard]] std::vector<std::string> split(const std::string& text, char separator);

} // namespace quiz::core::import

namespace quiz::core::import
{

/// At most `maxCodePoints` characters of `text`, never cutting a UTF-8 sequence.
[[nodiscard]] std::string truncateUtf8(const std::string& text, std::size_t maxCodePoints);

} // namespace quiz::core::import

#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace quiz::core
{

/// Length (1-4) of the well-formed UTF-8 sequence starting at `s[i]`, or 0 when the bytes there
/// are not one: overlong forms, surrogates and code points above U+10FFFF are rejected.
[[nodiscard]] std::size_t validUtf8Length(std::string_view s, std::size_t i);

/// The code point of the well-formed sequence of `length` bytes (from validUtf8Length) at `s[i]`.
[[nodiscard]] unsigned long decodeUtf8(std::string_view s, std::size_t i, std::size_t length);

/// Whether all of `bytes` is well-formed UTF-8; on failure `badOffset` is the first bad byte.
[[nodiscard]] bool isValidUtf8(std::string_view bytes, std::size_t& badOffset);
[[nodiscard]] bool isValidUtf8(std::string_view bytes);

/// Appends the UTF-8 encoding of `codePoint`; invalid code points become U+FFFD.
void appendUtf8(std::string& out, unsigned long codePoint);

} // namespace quiz::core

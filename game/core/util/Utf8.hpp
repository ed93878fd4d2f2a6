#pragma once

#include <cstddef>
#include <string>

namespace quiz::core
{

/// Length (1-4) of the well-formed UTF-8 sequence starting at `s[i]`, or 0 when the bytes there
/// are not one: overlong forms, surrogates and code points above U+10FFFF are rejected.
[[nodiscard]] std::size_t validUtf8Length(const std::string& s, std::size_t i);

/// Appends the UTF-8 encoding of `codePoint`; invalid code points become U+FFFD.
void appendUtf8(std::string& out, unsigned long codePoint);

} // namespace quiz::core

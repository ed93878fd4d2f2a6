#pragma once

#include <cstddef>
#include <string>

namespace quiz::core::import
{

/// Decodes base64 strictly: only the standard alphabet, white space between characters, and
/// correct '=' padding at the end. The encoded size is checked against `maxDecodedBytes`
/// before any work, so a huge payload costs nothing. On failure returns false, leaves `out`
/// empty and sets `error` to a short reason.
[[nodiscard]] bool decodeBase64(const std::string& encoded, std::size_t maxDecodedBytes,
                                std::string& out, std::string& error);

/// Standard base64 with padding, wrapped at `lineLength` characters (0: no wrapping).
[[nodiscard]] std::string encodeBase64(const std::string& bytes, std::size_t lineLength = 0);

} // namespace quiz::core::import

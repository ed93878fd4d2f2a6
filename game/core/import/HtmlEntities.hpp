#pragma once

#include <string>

namespace quiz::core::import
{

/// The code point of an HTML 4 named entity (without '&' and ';'), or 0 when unknown.
[[nodiscard]] unsigned long lookupHtmlEntity(const std::string& name);

/// Decodes every named (HTML 4) and numeric character reference in `text`. Unknown names are
/// kept as written; references to NUL, surrogates or beyond U+10FFFF become U+FFFD.
[[nodiscard]] std::string decodeHtmlEntities(const std::string& text);

} // namespace quiz::core::import

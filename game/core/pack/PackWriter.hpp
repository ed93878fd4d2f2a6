#pragma once

#include "Pack.hpp"

#include <string>

namespace quiz::core
{

/// Writes a Pack as format-v1 XML text (see questions/README.md), in the documented element
/// order with two-space indentation. The output depends only on the value, so writing the
/// same pack twice gives the same bytes, and PackLoader reads it back to an equal Pack
/// (source lines aside). Text is escaped; control characters, which no pack may hold, are
/// dropped. Defaults (shuffle on, numbering ABC, points 1, rev 1, published) are written
/// only where the format requires them.
[[nodiscard]] std::string writePack(const Pack& pack);

/// Rich text as pack markup (`<b>`, `<i>`, `<sub>`, `<sup>`, `<br/>`), escaped.
[[nodiscard]] std::string writeRichText(const RichText& text);

/// `text` escaped for use between tags (`&amp;`, `&lt;`, `&gt;`).
[[nodiscard]] std::string escapeXmlText(const std::string& text);

/// `text` escaped for use in a double-quoted attribute (also `&quot;` and white space
/// references, so tabs and newlines survive attribute normalisation).
[[nodiscard]] std::string escapeXmlAttribute(const std::string& text);

} // namespace quiz::core

#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

/// Tokenizer pieces of HtmlReader: tag-name tables and a tolerant tag parser. Internal to the
/// importers.
namespace quiz::core::import::html
{

[[nodiscard]] bool isSpace(char c);
[[nodiscard]] bool isVoid(const std::string& name);
[[nodiscard]] bool isBlock(const std::string& name);
/// script, style, iframe, form controls...: dropped together with their content.
[[nodiscard]] bool isDroppedWithContent(const std::string& name);
/// audio, video, svg: replaced by a placeholder.
[[nodiscard]] bool isMedia(const std::string& name);
/// Inline tags whose text is kept without a warning (u, span, a, code...).
[[nodiscard]] bool isQuietInline(const std::string& name);

struct Tag
{
    std::string name; ///< lower case, namespace prefix removed
    bool closing = false;
    bool selfClosing = false;
    std::vector<std::pair<std::string, std::string>> attributes; ///< values entity-decoded

    [[nodiscard]] std::string get(const std::string& key) const;
};

/// Parses a tag starting at `at` (which holds '<'). Returns the offset after '>' or npos when
/// the text there is not a tag (then '<' is literal text).
[[nodiscard]] std::size_t parseTag(const std::string& in, std::size_t at, Tag& tag);

} // namespace quiz::core::import::html

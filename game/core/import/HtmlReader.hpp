#pragma once

#include "core/pack/RichText.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace quiz::core::import
{

/// How a foreign text field is written (Moodle's `format` attribute, GIFT's `[html]` prefix).
enum class TextFormat
{
    Html,       ///< HTML subset; white space folds
    MoodleAuto, ///< HTML, but a newline in the text is a line break
    Plain,      ///< literal text: nothing is markup, newlines are line breaks
    Markdown    ///< shown as plain text (with a warning when it seems to use markup)
};

/// An `<img>` found in the text, in document order.
struct HtmlImage
{
    std::string src; ///< as written, entities decoded
    std::string alt;
    std::size_t offset = 0; ///< byte offset of the tag in the input
};

/// Something lost or changed on the way to rich text.
struct HtmlNote
{
    std::size_t offset = 0; ///< byte offset in the input, for a line number
    std::string code;
    std::string message;
};

struct HtmlResult
{
    RichText text;
    std::vector<HtmlImage> images;
    std::vector<HtmlNote> warnings;
};

struct HtmlOptions
{
    /// Write "[image: ALT]" where an image was; off when the caller shows images elsewhere.
    bool imagePlaceholders = false;
};

/// A small tolerant reader for the HTML that LMS exports carry (unclosed tags, stray closing
/// tags, attributes without quotes). Keeps bold, italic, sub, sup and line breaks; turns
/// paragraphs, headings, list items and table rows into line breaks; drops script, style and
/// form elements with their content; decodes HTML 4 entities. Never fetches anything and never
/// fails: what it cannot keep it reports as a warning, once per kind.
[[nodiscard]] HtmlResult readHtml(const std::string& input, TextFormat format,
                                  const HtmlOptions& options = {});

/// Rich text as the HTML subset above (`<b>`, `<i>`, `<sub>`, `<sup>`, `<br>`), escaped, for
/// writing back to an LMS. readHtml() of the result gives the same rich text.
[[nodiscard]] std::string toHtml(const RichText& text);

} // namespace quiz::core::import

#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace quiz::core
{

/// Vertical placement of a run of text.
enum class Script
{
    Normal,
    Sub,
    Super
};

/// A stretch of text with one style. A run with `lineBreak` set stands for `<br/>` and has
/// no text. Text is UTF-8 with white space already folded the way XML authors expect.
struct TextRun
{
    std::string text;
    bool bold = false;
    bool italic = false;
    Script script = Script::Normal;
    bool lineBreak = false;
    /// The address when the run is (part of) the text of a `<link href>`, else "". The game
    /// shows it beside the text (withLinkAddresses) and never opens it.
    std::string link{};

    bool operator==(const TextRun& other) const;
};

/// The pack format's rich text: plain text plus bold, italic, sub, sup and line breaks.
/// The UI lays it out; the core only stores it and compares it.
struct RichText
{
    std::vector<TextRun> runs;

    [[nodiscard]] bool isEmpty() const;
    /// All text with breaks as '\n' and no styling; what length caps and duplicate checks see.
    [[nodiscard]] std::string toPlain() const;
    /// Number of Unicode code points in toPlain(); length caps are in characters, not bytes.
    [[nodiscard]] std::size_t countCharacters() const;
    /// Appends text with the given style (and link address), merging with the last run when
    /// both match.
    void append(std::string_view text, bool bold = false, bool italic = false,
                Script script = Script::Normal, std::string_view link = {});
    void appendBreak();

    bool operator==(const RichText& other) const { return runs == other.runs; }
    bool operator!=(const RichText& other) const { return !(*this == other); }

    /// Plain text as rich text (no markup interpreted).
    [[nodiscard]] static RichText fromPlain(const std::string& text);
};

/// The text as markup: styled runs wrapped in <b> <i> <sub> <sup> (nested in that order),
/// adjacent runs of one link inside `<LINKTAG href="...">` (`link` in a pack, `a` in HTML),
/// `lineBreak` written for each break, and `escape` applied to the characters (XML and HTML
/// escape differently; a `"` in an address is written `&quot;`).
[[nodiscard]] std::string writeMarkup(const RichText& text, const std::string& lineBreak,
                                      std::string (*escape)(const std::string&),
                                      const std::string& linkTag = "link");

/// The text as the game shows it: each link's text followed by its address in parentheses,
/// "ISMP list (https://www.ismp.org/...)", as plain runs with no link left (the address alone
/// when the text is the address). Nothing is ever opened: the reader copies the address.
[[nodiscard]] RichText withLinkAddresses(const RichText& text);

/// Number of code points in a UTF-8 string (continuation bytes are not counted).
[[nodiscard]] std::size_t countCodePoints(const std::string& utf8);

} // namespace quiz::core

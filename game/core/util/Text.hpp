#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace quiz::core
{

/// XML white space: space, tab, carriage return, line feed.
[[nodiscard]] constexpr bool isXmlSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/// True when `text` is empty or only XML white space.
[[nodiscard]] bool isBlank(std::string_view text);

/// `text` without leading and trailing ASCII white space (XML's plus form feed and vertical tab).
[[nodiscard]] std::string trim(std::string_view text);

/// XML white space folded: every run becomes one space, none at the start or the end.
[[nodiscard]] std::string foldWhiteSpace(std::string_view raw);

/// True when `text` is already folded: no XML white space at either end, and only single
/// spaces inside (foldWhiteSpace would return it unchanged).
[[nodiscard]] bool isFolded(std::string_view text);

/// Appends `raw` to `out` with XML white space folded: a run becomes one space, none at the
/// start of `out`. A run at the end is left in `pendingSpace` and written before the next text.
void appendFolded(std::string& out, std::string_view raw, bool& pendingSpace);

/// ASCII letters lower-cased, every other byte kept: the one case folding for names and
/// answers (UTF-8 text is compared as written beyond ASCII).
[[nodiscard]] std::string foldAsciiCase(std::string_view text);

/// 1-based line number of byte `offset` in `text` (offsets past the end count every line).
[[nodiscard]] int lineOfOffset(std::string_view text, std::size_t offset);

/// The text of 1-based line `line`, without its line feed; empty when there is no such line.
[[nodiscard]] std::string_view lineText(std::string_view text, int line);

} // namespace quiz::core

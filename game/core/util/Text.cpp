#include "Text.hpp"

#include <algorithm>

namespace quiz::core
{

bool isBlank(std::string_view text)
{
    return std::all_of(text.begin(), text.end(), isXmlSpace);
}

std::string trim(std::string_view text)
{
    constexpr std::string_view kSpace = " \t\r\n\f\v";
    const std::size_t first = text.find_first_not_of(kSpace);
    if (first == std::string_view::npos)
        return {};
    const std::size_t last = text.find_last_not_of(kSpace);
    return std::string(text.substr(first, last - first + 1));
}

void appendFolded(std::string& out, std::string_view raw, bool& pendingSpace)
{
    out.reserve(out.size() + raw.size());
    for (const char c : raw)
    {
        if (isXmlSpace(c))
        {
            pendingSpace = !out.empty();
            continue;
        }
        if (pendingSpace)
            out += ' ';
        pendingSpace = false;
        out += c;
    }
}

std::string foldWhiteSpace(std::string_view raw)
{
    std::string out;
    bool pendingSpace = false;
    appendFolded(out, raw, pendingSpace);
    return out;
}

bool isFolded(std::string_view text)
{
    if (!text.empty() && (text.front() == ' ' || text.back() == ' '))
        return false;
    char previous = 'x';
    for (const char c : text)
    {
        if (c == '\t' || c == '\n' || c == '\r' || (c == ' ' && previous == ' '))
            return false;
        previous = c;
    }
    return true;
}

std::string foldAsciiCase(std::string_view text)
{
    std::string folded(text);
    for (char& c : folded)
    {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return folded;
}

int lineOfOffset(std::string_view text, std::size_t offset)
{
    const std::string_view before = text.substr(0, std::min(offset, text.size()));
    return 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
}

std::string_view lineText(std::string_view text, int line)
{
    std::size_t start = 0;
    for (int current = 1; current < line; ++current)
    {
        start = text.find('\n', start);
        if (start == std::string_view::npos)
            return {};
        ++start;
    }
    const std::size_t end = text.find('\n', start);
    return text.substr(start, end == std::string_view::npos ? end : end - start);
}

} // namespace quiz::core

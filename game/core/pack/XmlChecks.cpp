#include "XmlChecks.hpp"

#include "XmlDocument.hpp"
#include "core/util/Text.hpp"
#include "core/util/Utf8.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>

namespace quiz::core
{
namespace
{

constexpr int kMaxReportsPerCode = 20;

bool startsWith(std::string_view bytes, std::string_view prefix)
{
    return bytes.substr(0, prefix.size()) == prefix;
}

/// How many of the 8 bytes, from the first in memory, are printable ASCII (0x20 to 0x7E)
/// before one that is not: 8 when all are.
unsigned printableAsciiPrefix(std::uint64_t word)
{
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
    constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
    // A byte is flagged when it is >= 0x7F (adding 1 reaches the high bit) or < 0x20
    // (subtracting 0x20 borrows into the high bit). A borrow can only flag bytes above a
    // byte that is itself flagged, so the lowest flag is always a true one.
    const std::uint64_t high = word & kHighs;
    const std::uint64_t low = word & ~kHighs;
    const std::uint64_t flags = (high | ((low + kOnes) & kHighs) | ((low - 0x20 * kOnes) & kHighs));
    if (flags == 0)
        return 8;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    return static_cast<unsigned>(__builtin_ctzll(flags)) / 8;
#else
    return 0;
#endif
}

/// Every byte is valid UTF-8 and no control character appears. It sees every byte of every
/// file, so plain ASCII goes eight bytes at a time, and after a line break or a non-ASCII
/// character the scan picks up at once.
void checkEncoding(const std::string& bytes, std::size_t start, DiagnosticList& diagnostics)
{
    int reports[2] = {};
    const std::size_t size = bytes.size();
    for (std::size_t i = start; i < size;)
    {
        if (i + 8 <= size)
        {
            std::uint64_t word = 0;
            std::memcpy(&word, bytes.data() + i, sizeof word);
            const unsigned printable = printableAsciiPrefix(word);
            i += printable;
            if (printable > 0)
                continue;
        }
        const unsigned char c = static_cast<unsigned char>(bytes[i]);
        if ((c >= 0x20 && c < 0x7F) || c == '\n' || c == '\t' || c == '\r')
        {
            ++i;
            continue;
        }
        if (c >= 0x80)
        {
            const std::size_t length = validUtf8Length(bytes, i);
            if (length == 0 && ++reports[0] <= kMaxReportsPerCode)
                diagnostics.error(lineOfOffset(bytes, i), "invalid-utf8",
                                  "bytes that are not UTF-8; save the file as UTF-8");
            i += length == 0 ? 1 : length;
            continue;
        }
        if (++reports[1] <= kMaxReportsPerCode)
            diagnostics.error(lineOfOffset(bytes, i), "control-character",
                              "control character " + std::to_string(c) + " is not allowed");
        ++i;
    }
}

/// Counts the '=' outside quotes from a '<' to its '>': an upper bound on the attributes of
/// that tag; and the start tags: an upper bound on the elements TinyXML2 would build. Only
/// runs on bytes the encoding check passed, so they hold no NUL and the string's terminator
/// ends every search.
void checkTagCounts(const std::string& bytes, std::size_t maxElements, DiagnosticList& diagnostics)
{
    const char* const data = bytes.c_str();
    std::size_t elements = 0;
    for (const char* p = std::strchr(data, '<'); p != nullptr; p = std::strchr(p, '<'))
    {
        const char* const tag = p++;
        if (*p != '/' && *p != '!' && *p != '?' && ++elements > maxElements)
        {
            diagnostics.error(lineOfOffset(bytes, static_cast<std::size_t>(tag - data)),
                              "too-many-elements",
                              "more than " + std::to_string(maxElements) + " elements in one file");
            return;
        }
        std::size_t equals = 0;
        for (p += std::strcspn(p, "\"'=<>"); *p == '"' || *p == '\'' || *p == '=';
             p += std::strcspn(p, "\"'=<>"))
        {
            if (*p == '=')
            {
                ++equals;
                ++p;
                continue;
            }
            const char* close = std::strchr(p + 1, *p);
            p = close == nullptr ? data + bytes.size() : close + 1;
        }
        if (equals > XmlDocument::kMaxAttributes)
        {
            diagnostics.error(lineOfOffset(bytes, static_cast<std::size_t>(tag - data)),
                              "too-many-attributes",
                              "more than " + std::to_string(XmlDocument::kMaxAttributes) +
                                  " attributes on one element");
            return;
        }
        if (*p == '\0')
            return;
    }
}

/// The value of a numeric reference body ("#65", "#x41"), or -1 when it is not one.
long numericReference(std::string_view body)
{
    const bool hex = body.size() > 1 && body[1] == 'x';
    const std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 8)
        return -1;
    unsigned long value = 0;
    const auto [end, error] =
        std::from_chars(digits.data(), digits.data() + digits.size(), value, hex ? 16 : 10);
    if (error != std::errc() || end != digits.data() + digits.size())
        return -1;
    const bool control = value < 0x20 && value != 0x9 && value != 0xA && value != 0xD;
    if (control || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
        return -1;
    return static_cast<long>(value);
}

constexpr struct
{
    std::string_view name;
    char value;
} kXmlEntities[] = {{"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};

/// The name between '&' and ';' at the start of `text`, or nothing when no ';' ends it soon.
bool referenceBody(std::string_view text, std::string_view& body)
{
    std::size_t end = 1;
    while (end < text.size() && end <= 32 && text[end] != ';' && text[end] != '&' &&
           text[end] != '<' && !isXmlSpace(text[end]))
        ++end;
    if (end >= text.size() || text[end] != ';' || end == 1)
        return false;
    body = text.substr(1, end - 1);
    return true;
}

} // namespace

bool checkBytes(const std::string& bytes, std::size_t maxBytes, std::size_t maxElements,
                DiagnosticList& diagnostics)
{
    if (bytes.size() > maxBytes)
    {
        diagnostics.error(0, "file-too-large",
                          "file is " + std::to_string(bytes.size()) + " bytes; the limit is " +
                              std::to_string(maxBytes));
        return false;
    }
    if (startsWith(bytes, "\xFE\xFF") || startsWith(bytes, "\xFF\xFE"))
    {
        diagnostics.error(1, "bad-encoding", "the file is UTF-16 or UTF-32; save it as UTF-8");
        return false;
    }
    const std::size_t errorsBefore = diagnostics.getErrorCount();
    checkEncoding(bytes, startsWith(bytes, "\xEF\xBB\xBF") ? 3 : 0, diagnostics);
    if (diagnostics.getErrorCount() == errorsBefore)
        checkTagCounts(bytes, maxElements, diagnostics);
    return diagnostics.getErrorCount() == errorsBefore;
}

std::size_t decodeReference(std::string_view text, std::string& out)
{
    std::string_view body;
    if (!referenceBody(text, body))
        return 0;
    if (body[0] == '#')
    {
        const long value = numericReference(body);
        if (value <= 0)
            return 0;
        appendUtf8(out, static_cast<unsigned long>(value));
        return body.size() + 2;
    }
    for (const auto& entity : kXmlEntities)
    {
        if (body == entity.name)
        {
            out += entity.value;
            return body.size() + 2;
        }
    }
    return 0;
}

void ReferenceChecker::report(int line, const char* code, std::string message)
{
    if (++m_counts[code] <= kMaxReportsPerCode)
        m_diagnostics.error(line, code, std::move(message));
}

void ReferenceChecker::check(std::string_view raw, int line, bool strictEntities)
{
    std::size_t lineStart = 0;
    for (std::size_t at = raw.find('&'); at != std::string_view::npos; at = raw.find('&', at + 1))
    {
        line += static_cast<int>(std::count(raw.begin() + static_cast<long>(lineStart),
                                            raw.begin() + static_cast<long>(at), '\n'));
        lineStart = at;
        std::string_view body;
        if (!referenceBody(raw.substr(at), body))
        {
            report(line, "bare-ampersand",
                   "a bare '&' is not allowed in XML: write '&amp;' (or the word 'and')");
            continue;
        }
        const std::string written = "&" + std::string(body) + ";";
        if (body[0] == '#')
        {
            if (numericReference(body) < 0)
                report(line, "bad-entity",
                       "'" + written + "' is not a character that may appear in a pack");
            continue;
        }
        bool known = false;
        for (const auto& entity : kXmlEntities)
            known = known || body == entity.name;
        if (!known && strictEntities)
            report(line, "bad-entity",
                   "unknown entity '" + written +
                       "': only &amp; &lt; &gt; &quot; &apos; and numeric references such as "
                       "&#8805; exist in XML; write the character itself");
    }
}

void ReferenceChecker::checkText(std::string_view raw, int line, bool strictEntities)
{
    std::size_t firstInk = 0;
    while (firstInk < raw.size() && isXmlSpace(raw[firstInk]))
        ++firstInk;
    check(raw.substr(firstInk), line, strictEntities);
}

} // namespace quiz::core

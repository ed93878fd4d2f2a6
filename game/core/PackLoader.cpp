// The only translation unit that sees tinyxml2: the byte scan, the parse, and the conversion
// into our own XmlNode tree. Everything after that (PackReader.cpp) walks our tree.
#include "PackLoader.hpp"

#include "PackReader.hpp"
#include "Xml.hpp"

#include <tinyxml2.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>

namespace quiz::core
{
namespace
{

constexpr std::size_t kMaxReportsPerCode = 20;

/// Reports a code at most kMaxReportsPerCode times so one broken file cannot flood the list.
class ScanReporter
{
public:
    explicit ScanReporter(DiagnosticList& diagnostics) : m_diagnostics(diagnostics) {}

    void error(int line, const std::string& code, const std::string& message)
    {
        std::size_t& count = m_counts[code];
        if (++count <= kMaxReportsPerCode)
            m_diagnostics.error(line, code, message);
    }

private:
    DiagnosticList& m_diagnostics;
    std::map<std::string, std::size_t> m_counts;
};

bool startsWith(const std::string& bytes, std::size_t at, const char* prefix)
{
    return bytes.compare(at, std::char_traits<char>::length(prefix), prefix) == 0;
}

/// Length of a valid UTF-8 sequence at `i` (1-4), or 0 for an invalid one.
std::size_t validUtf8Length(const std::string& s, std::size_t i)
{
    const auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = at(i);
    if (c < 0x80)
        return 1;
    std::size_t length = 0;
    unsigned int codePoint = 0;
    unsigned int minimum = 0;
    if (c >= 0xC2 && c <= 0xDF)
    {
        length = 2;
        codePoint = c & 0x1FU;
        minimum = 0x80;
    }
    else if ((c & 0xF0U) == 0xE0U)
    {
        length = 3;
        codePoint = c & 0x0FU;
        minimum = 0x800;
    }
    else if (c >= 0xF0 && c <= 0xF4)
    {
        length = 4;
        codePoint = c & 0x07U;
        minimum = 0x10000;
    }
    else
    {
        return 0;
    }
    if (i + length > s.size())
        return 0;
    for (std::size_t k = 1; k < length; ++k)
    {
        if ((at(i + k) & 0xC0U) != 0x80U)
            return 0;
        codePoint = (codePoint << 6U) | (at(i + k) & 0x3FU);
    }
    if (codePoint < minimum || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
        return 0;
    return length;
}

/// Checks one entity or character reference starting at bytes[i] == '&'. Returns how many
/// bytes it spans (at least 1).
std::size_t scanEntity(const std::string& bytes, std::size_t i, int line, bool strictEntities,
                       ScanReporter& report)
{
    std::size_t end = i + 1;
    while (end < bytes.size() && end - i <= 32 && bytes[end] != ';' && bytes[end] != '&' &&
           bytes[end] != '<' && !std::isspace(static_cast<unsigned char>(bytes[end])))
        ++end;
    if (end >= bytes.size() || bytes[end] != ';' || end == i + 1)
    {
        report.error(line, "bare-ampersand",
                     "a bare '&' is not allowed in XML: write '&amp;' (or the word 'and')");
        return 1;
    }
    const std::string name = bytes.substr(i + 1, end - i - 1);
    if (name[0] == '#')
    {
        const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
        const std::string digits = name.substr(hex ? 2 : 1);
        unsigned long value = 0;
        bool ok = !digits.empty() && digits.size() <= 8;
        for (const char c : digits)
        {
            const int d = std::isdigit(static_cast<unsigned char>(c))
                              ? c - '0'
                              : (hex && std::isxdigit(static_cast<unsigned char>(c))
                                     ? std::tolower(static_cast<unsigned char>(c)) - 'a' + 10
                                     : -1);
            if (d < 0)
            {
                ok = false;
                break;
            }
            value = value * (hex ? 16U : 10U) + static_cast<unsigned long>(d);
        }
        const bool control = value < 0x20 && value != 0x9 && value != 0xA && value != 0xD;
        if (!ok || control || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
            report.error(line, "bad-entity",
                         "'&" + name + ";' is not a character that may appear in a pack");
        return end - i + 1;
    }
    static const char* const kXmlEntities[] = {"amp", "lt", "gt", "quot", "apos"};
    for (const char* known : kXmlEntities)
    {
        if (name == known)
            return end - i + 1;
    }
    if (strictEntities)
        report.error(line, "bad-entity",
                     "unknown entity '&" + name +
                         ";': only &amp; &lt; &gt; &quot; &apos; and numeric references such as "
                         "&#8805; exist in XML; write the character itself");
    return end - i + 1;
}

/// Stage 0a: every byte is valid UTF-8 and no control character appears. A tight loop with an
/// ASCII fast path, since it sees every byte of every pack.
void scanEncoding(const std::string& bytes, std::size_t start, ScanReporter& report)
{
    int line = 1;
    const std::size_t size = bytes.size();
    for (std::size_t i = start; i < size;)
    {
        const unsigned char c = static_cast<unsigned char>(bytes[i]);
        if (c >= 0x20 && c < 0x7F)
        {
            ++i;
            continue;
        }
        if (c == '\n')
        {
            ++line;
            ++i;
            continue;
        }
        if (c >= 0x80)
        {
            const std::size_t length = validUtf8Length(bytes, i);
            if (length == 0)
                report.error(line, "invalid-utf8",
                             "bytes that are not UTF-8; save the file as UTF-8");
            i += length == 0 ? 1 : length;
            continue;
        }
        if (c != '\t' && c != '\r')
            report.error(line, "control-character",
                         "control character " + std::to_string(c) + " is not allowed");
        ++i;
    }
}

/// Counts lines incrementally as the markup scan moves forward through the buffer.
class LineCounter
{
public:
    explicit LineCounter(const std::string& bytes) : m_bytes(bytes) {}

    int at(std::size_t position)
    {
        m_line += static_cast<int>(std::count(m_bytes.begin() + static_cast<long>(m_position),
                                              m_bytes.begin() + static_cast<long>(position), '\n'));
        m_position = position;
        return m_line;
    }

private:
    const std::string& m_bytes;
    std::size_t m_position = 0;
    int m_line = 1;
};

/// Stage 0b: DOCTYPE and entity references outside comments, CDATA and processing
/// instructions. Jumps from one '<' or '&' to the next instead of testing every byte.
void scanMarkup(const std::string& bytes, std::size_t start, bool strictEntities,
                ScanReporter& report)
{
    LineCounter lines(bytes);
    const std::size_t size = bytes.size();
    std::size_t i = start;
    for (;;)
    {
        // A plain loop: std::string::find_first_of calls memchr once per byte here.
        while (i < size && bytes[i] != '<' && bytes[i] != '&')
            ++i;
        if (i >= size)
            break;
        if (bytes[i] == '&')
        {
            i += scanEntity(bytes, i, lines.at(i), strictEntities, report);
            continue;
        }
        const char* terminator = nullptr;
        std::size_t skip = 1;
        if (startsWith(bytes, i, "<!--"))
        {
            terminator = "-->";
            skip = 4;
        }
        else if (startsWith(bytes, i, "<![CDATA["))
        {
            terminator = "]]>";
            skip = 9;
        }
        else if (startsWith(bytes, i, "<?"))
        {
            terminator = "?>";
            skip = 2;
        }
        else if (startsWith(bytes, i, "<!DOCTYPE") || startsWith(bytes, i, "<!ENTITY"))
        {
            report.error(lines.at(i), "doctype",
                         "DOCTYPE and entity declarations are not allowed in a pack");
        }
        if (terminator == nullptr)
        {
            i += skip;
            continue;
        }
        const std::size_t end = bytes.find(terminator, i + skip);
        if (end == std::string::npos)
            return; // unterminated: TinyXML2 reports it with a line
        i = end + std::char_traits<char>::length(terminator);
    }
}

/// Stage 0: what TinyXML2 would let through silently.
void scanBytes(const std::string& bytes, bool strictEntities, DiagnosticList& diagnostics)
{
    ScanReporter report(diagnostics);
    const std::size_t start = startsWith(bytes, 0, "\xEF\xBB\xBF") ? 3 : 0;
    scanEncoding(bytes, start, report);
    scanMarkup(bytes, start, strictEntities, report);
}

/// True when the line looks like it has a '<' that was meant as "less than".
bool hasLessThanInText(const std::string& bytes, int line)
{
    std::size_t start = 0;
    for (int current = 1; current < line && start != std::string::npos; ++current)
    {
        start = bytes.find('\n', start);
        if (start != std::string::npos)
            ++start;
    }
    if (start == std::string::npos)
        return false;
    const std::size_t end = bytes.find('\n', start);
    const std::string text = bytes.substr(start, end == std::string::npos ? end : end - start);
    for (std::size_t i = 0; i + 1 < text.size(); ++i)
    {
        const unsigned char next = static_cast<unsigned char>(text[i + 1]);
        if (text[i] == '<' && (next == ' ' || next == '=' || std::isdigit(next)))
            return true;
    }
    return false;
}

std::string describeXmlError(const tinyxml2::XMLDocument& document, const std::string& bytes)
{
    std::string message = "XML is not well formed (";
    message += document.ErrorName();
    message += ")";
    if (hasLessThanInText(bytes, document.ErrorLineNum()))
        return message + ": a '<' in text must be written '&lt;' (or use '≤' or words)";
    switch (document.ErrorID())
    {
    case tinyxml2::XML_ERROR_PARSING_ELEMENT:
        message += ": a '<' must start an element; in text write '&lt;'";
        break;
    case tinyxml2::XML_ERROR_MISMATCHED_ELEMENT:
        message += ": an element is closed with a different name than it was opened with, or "
                   "is not closed";
        break;
    case tinyxml2::XML_ERROR_PARSING_ATTRIBUTE:
        message += ": attribute values need quotes, and each attribute may appear only once";
        break;
    case tinyxml2::XML_ERROR_EMPTY_DOCUMENT:
        message += ": the file has no root element";
        break;
    case tinyxml2::XML_ERROR_PARSING_TEXT:
        message += ": text after the root element, or an element left open";
        break;
    case tinyxml2::XML_ELEMENT_DEPTH_EXCEEDED:
        message += ": elements are nested too deeply";
        break;
    default:
        break;
    }
    return message;
}

bool isBlank(const char* text)
{
    for (; *text != '\0'; ++text)
    {
        if (*text != ' ' && *text != '\t' && *text != '\n' && *text != '\r')
            return false;
    }
    return true;
}

XmlNode convert(const tinyxml2::XMLElement& element)
{
    XmlNode node;
    node.kind = XmlNode::Kind::Element;
    node.name = element.Name();
    node.line = element.GetLineNum();
    for (const tinyxml2::XMLAttribute* a = element.FirstAttribute(); a != nullptr; a = a->Next())
        node.attributes.push_back({a->Name(), a->Value(), a->GetLineNum()});
    std::size_t childCount = 0;
    for (const tinyxml2::XMLNode* child = element.FirstChild(); child != nullptr;
         child = child->NextSibling())
        ++childCount;
    node.children.reserve(childCount);
    for (const tinyxml2::XMLNode* child = element.FirstChild(); child != nullptr;
         child = child->NextSibling())
    {
        if (const tinyxml2::XMLElement* childElement = child->ToElement())
        {
            node.children.push_back(convert(*childElement));
        }
        else if (const tinyxml2::XMLText* text = child->ToText())
        {
            // Merge text and CDATA pieces: they are one run of character data to a reader.
            if (!node.children.empty() && !node.children.back().isElement())
            {
                node.children.back().text += text->Value();
                continue;
            }
            XmlNode textNode;
            textNode.kind = XmlNode::Kind::Text;
            // Indentation between elements is most of a pack's text nodes; every reader folds
            // white space anyway, so a blank run is stored as one space (no allocation).
            const char* value = text->Value();
            textNode.text = isBlank(value) ? " " : value;
            textNode.line = text->GetLineNum();
            node.children.push_back(std::move(textNode));
        }
    }
    return node;
}

} // namespace

XmlParseResult parseXml(const std::string& bytes, const std::string& displayPath,
                        const XmlParseOptions& options)
{
    XmlParseResult result;
    result.diagnostics = DiagnosticList(displayPath);
    DiagnosticList& diagnostics = result.diagnostics;
    if (bytes.size() > options.maxBytes)
    {
        diagnostics.error(0, "file-too-large",
                          "file is " + std::to_string(bytes.size()) + " bytes; the limit is " +
                              std::to_string(options.maxBytes));
        return result;
    }
    if (startsWith(bytes, 0, "\xFE\xFF") || startsWith(bytes, 0, "\xFF\xFE"))
    {
        diagnostics.error(1, "bad-encoding", "the file is UTF-16 or UTF-32; save it as UTF-8");
        return result;
    }
    scanBytes(bytes, options.strictEntities, diagnostics);
    if (diagnostics.hasErrors())
        return result;

    tinyxml2::XMLDocument document(true, tinyxml2::PRESERVE_WHITESPACE);
    if (document.Parse(bytes.data(), bytes.size()) != tinyxml2::XML_SUCCESS)
    {
        const int line = document.ErrorLineNum() > 0 ? document.ErrorLineNum() : 1;
        diagnostics.error(line, "xml-syntax", describeXmlError(document, bytes));
        return result;
    }
    const tinyxml2::XMLElement* root = nullptr;
    for (const tinyxml2::XMLNode* node = document.FirstChild(); node != nullptr;
         node = node->NextSibling())
    {
        if (const tinyxml2::XMLElement* element = node->ToElement())
        {
            if (root != nullptr)
            {
                diagnostics.error(element->GetLineNum(), "multiple-roots",
                                  "a second root element <" + std::string(element->Name()) +
                                      ">: a file holds exactly one");
                return result;
            }
            root = element;
        }
        else if (const tinyxml2::XMLText* text = node->ToText())
        {
            diagnostics.error(text->GetLineNum(), "xml-syntax", "text outside the root element");
            return result;
        }
    }
    if (root == nullptr)
    {
        diagnostics.error(1, "xml-syntax", "the file has no root element");
        return result;
    }
    result.root = convert(*root);
    return result;
}

LoadResult PackLoader::loadString(const std::string& xml, const std::string& displayPath,
                                  const std::string& baseDir) const
{
    LoadResult result;
    result.diagnostics = DiagnosticList(displayPath);
    XmlParseOptions options;
    options.maxBytes = m_limits.maxFileBytes;
    XmlParseResult parsed = parseXml(xml, displayPath, options);
    result.diagnostics.append(parsed.diagnostics);
    if (!parsed.root)
        return result;
    result.pack = readPack(*parsed.root, m_limits, result.diagnostics);
    if (result.pack)
    {
        result.pack->path = displayPath;
        result.pack->baseDir = baseDir;
    }
    return result;
}

LoadResult PackLoader::loadFile(const std::string& path) const
{
    LoadResult result;
    result.diagnostics = DiagnosticList(path);
    std::string bytes;
    if (!readFileCapped(path, m_limits.maxFileBytes, bytes, result.diagnostics))
        return result;
    std::string baseDir = std::filesystem::path(path).parent_path().string();
    if (baseDir.empty())
        baseDir = ".";
    return loadString(bytes, path, baseDir);
}

} // namespace quiz::core

// The only translation unit that sees tinyxml2: the byte scan, the TinyXML2 parse (with its
// conversion into our XmlNode tree, for imported formats, and its error messages for packs),
// and the pack path: byte scan, our one-pass XmlTree, then PackReader.cpp walks that tree.
#include "PackLoader.hpp"

#include "PackReader.hpp"
#include "Xml.hpp"
#include "XmlTree.hpp"
#include "core/util/Utf8.hpp"

#include <tinyxml2.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <map>

namespace quiz::core
{
namespace
{

constexpr std::size_t kMaxReportsPerCode = 20;

/// Reports a code at most kMaxReportsPerCode times so one broken file cannot flood the list.
/// Problems are found by byte offset; the line is counted only when one is reported.
class ScanReporter
{
public:
    ScanReporter(const std::string& bytes, DiagnosticList& diagnostics)
        : m_bytes(bytes), m_diagnostics(diagnostics)
    {
    }

    void error(std::size_t offset, const std::string& code, const std::string& message)
    {
        std::size_t& count = m_counts[code];
        if (++count <= kMaxReportsPerCode)
            m_diagnostics.error(lineOf(offset), code, message);
    }

private:
    int lineOf(std::size_t offset) const
    {
        const auto end = m_bytes.begin() + static_cast<long>(std::min(offset, m_bytes.size()));
        return 1 + static_cast<int>(std::count(m_bytes.begin(), end, '\n'));
    }

    const std::string& m_bytes;
    DiagnosticList& m_diagnostics;
    std::map<std::string, std::size_t> m_counts;
};

bool startsWith(const std::string& bytes, std::size_t at, std::string_view prefix)
{
    return bytes.size() >= at + prefix.size() &&
           std::memcmp(bytes.data() + at, prefix.data(), prefix.size()) == 0;
}

/// Checks one entity or character reference starting at bytes[i] == '&'. Returns how many
/// bytes it spans (at least 1).
std::size_t scanEntity(const std::string& bytes, std::size_t i, bool strictEntities,
                       ScanReporter& report)
{
    std::size_t end = i + 1;
    while (end < bytes.size() && end - i <= 32 && bytes[end] != ';' && bytes[end] != '&' &&
           bytes[end] != '<' && !std::isspace(static_cast<unsigned char>(bytes[end])))
        ++end;
    if (end >= bytes.size() || bytes[end] != ';' || end == i + 1)
    {
        report.error(i, "bare-ampersand",
                     "a bare '&' is not allowed in XML: write '&amp;' (or the word 'and')");
        return 1;
    }
    const std::string name = bytes.substr(i + 1, end - i - 1);
    if (name[0] == '#')
    {
        const bool hex = name.size() > 1 && name[1] == 'x';
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
            report.error(i, "bad-entity",
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
        report.error(i, "bad-entity",
                     "unknown entity '&" + name +
                         ";': only &amp; &lt; &gt; &quot; &apos; and numeric references such as "
                         "&#8805; exist in XML; write the character itself");
    return end - i + 1;
}

/// True when none of the 8 bytes is below 0x20 or above 0x7E: plain printable ASCII.
bool isPrintableAscii(std::uint64_t word)
{
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
    constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
    // A byte is flagged when it is >= 0x7F (adding 1 reaches the high bit) or < 0x20
    // (subtracting 0x20 borrows into the high bit); neither trick crosses bytes for ASCII input.
    const std::uint64_t high = word & kHighs;
    const std::uint64_t low = word & ~kHighs;
    const std::uint64_t tooHigh = (low + kOnes) & kHighs;
    const std::uint64_t tooLow = (low - 0x20 * kOnes) & kHighs;
    return (high | tooHigh | tooLow) == 0;
}

/// Stage 0a: every byte is valid UTF-8 and no control character appears. It sees every byte
/// of every pack, so plain ASCII goes eight bytes at a time.
void scanEncoding(const std::string& bytes, std::size_t start, ScanReporter& report)
{
    const std::size_t size = bytes.size();
    for (std::size_t i = start; i < size;)
    {
        if (i + 8 <= size)
        {
            std::uint64_t word = 0;
            std::memcpy(&word, bytes.data() + i, sizeof word);
            if (isPrintableAscii(word))
            {
                i += 8;
                continue;
            }
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
            if (length == 0)
                report.error(i, "invalid-utf8", "bytes that are not UTF-8; save the file as UTF-8");
            i += length == 0 ? 1 : length;
            continue;
        }
        report.error(i, "control-character",
                     "control character " + std::to_string(c) + " is not allowed");
        ++i;
    }
}

/// Walks a tag from just after its '<' to just past its '>', honouring quoted attribute values
/// and checking the references inside them. Returns the end of the bytes when the tag is not
/// closed (the parser reports that).
std::size_t skipTag(const std::string& bytes, std::size_t from, bool strictEntities,
                    ScanReporter& report)
{
    char quote = 0;
    std::size_t j = from;
    while (j < bytes.size())
    {
        const char c = bytes[j];
        if (quote != 0)
        {
            if (c == quote)
                quote = 0;
            else if (c == '&')
            {
                j += scanEntity(bytes, j, strictEntities, report);
                continue;
            }
        }
        else if (c == '"' || c == '\'')
            quote = c;
        else if (c == '>')
            return j + 1;
        ++j;
    }
    return bytes.size();
}

/// Stage 0b: DOCTYPE and entity references outside comments, CDATA and processing
/// instructions. Jumps from one '<' or '&' to the next with memchr.
void scanMarkup(const std::string& bytes, std::size_t start, bool strictEntities,
                ScanReporter& report)
{
    const std::size_t size = bytes.size();
    const char* const data = bytes.data();
    const auto next = [&](char wanted, std::size_t from)
    {
        const void* hit = from < size ? std::memchr(data + from, wanted, size - from) : nullptr;
        return hit == nullptr ? size
                              : static_cast<std::size_t>(static_cast<const char*>(hit) - data);
    };
    std::size_t nextTag = next('<', start);
    std::size_t nextReference = next('&', start);
    for (;;)
    {
        if (nextReference < nextTag)
        {
            const std::size_t after =
                nextReference + scanEntity(bytes, nextReference, strictEntities, report);
            nextReference = next('&', after);
            continue;
        }
        if (nextTag >= size)
            break;
        const std::size_t i = nextTag;
        const char kind = i + 1 < size ? bytes[i + 1] : '\0';
        std::string_view terminator;
        std::size_t skip = 1;
        if (kind == '!' && startsWith(bytes, i, "<!--"))
        {
            terminator = "-->";
            skip = 4;
        }
        else if (kind == '!' && startsWith(bytes, i, "<![CDATA["))
        {
            terminator = "]]>";
            skip = 9;
        }
        else if (kind == '?')
        {
            terminator = "?>";
            skip = 2;
        }
        else if (kind == '!' &&
                 (startsWith(bytes, i, "<!DOCTYPE") || startsWith(bytes, i, "<!ENTITY")))
        {
            report.error(i, "doctype", "DOCTYPE and entity declarations are not allowed in a pack");
        }
        if (terminator.empty() && kind != '!')
        {
            // A start or end tag: walk it to its '>' so that what an attribute value holds
            // ('<!--', '<![CDATA[', '>') is not taken for markup; references inside values are
            // checked here.
            const std::size_t resume = skipTag(bytes, i + 1, strictEntities, report);
            nextTag = next('<', resume);
            if (nextReference < resume)
                nextReference = next('&', resume);
            continue;
        }
        if (terminator.empty())
        {
            nextTag = next('<', i + skip);
            continue;
        }
        const std::size_t end = bytes.find(terminator, i + skip);
        if (end == std::string::npos)
            return; // unterminated: the parser reports it with a line
        const std::size_t resume = end + terminator.size();
        nextTag = next('<', resume);
        if (nextReference < resume)
            nextReference = next('&', resume);
    }
}

/// Stage 0: what TinyXML2 would let through silently.
void scanBytes(const std::string& bytes, bool strictEntities, DiagnosticList& diagnostics)
{
    ScanReporter report(bytes, diagnostics);
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

namespace
{

/// What must hold before any parser sees the bytes: the size cap, no UTF-16/32, and the byte
/// scan. Returns false (with diagnostics) when the bytes are not to be parsed.
bool preflight(const std::string& bytes, std::size_t maxBytes, bool strictEntities,
               DiagnosticList& diagnostics)
{
    if (bytes.size() > maxBytes)
    {
        diagnostics.error(0, "file-too-large",
                          "file is " + std::to_string(bytes.size()) + " bytes; the limit is " +
                              std::to_string(maxBytes));
        return false;
    }
    if (startsWith(bytes, 0, "\xFE\xFF") || startsWith(bytes, 0, "\xFF\xFE"))
    {
        diagnostics.error(1, "bad-encoding", "the file is UTF-16 or UTF-32; save it as UTF-8");
        return false;
    }
    scanBytes(bytes, strictEntities, diagnostics);
    return !diagnostics.hasErrors();
}

/// Parses with TinyXML2 and returns the root element, or nullptr after reporting TinyXML2's
/// error with its line, a second root element or text outside the root.
const tinyxml2::XMLElement* parseWithTinyXml(tinyxml2::XMLDocument& document,
                                             const std::string& bytes, DiagnosticList& diagnostics)
{
    if (document.Parse(bytes.data(), bytes.size()) != tinyxml2::XML_SUCCESS)
    {
        const int line = document.ErrorLineNum() > 0 ? document.ErrorLineNum() : 1;
        diagnostics.error(line, "xml-syntax", describeXmlError(document, bytes));
        return nullptr;
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
                return nullptr;
            }
            root = element;
        }
        else if (const tinyxml2::XMLText* text = node->ToText())
        {
            diagnostics.error(text->GetLineNum(), "xml-syntax", "text outside the root element");
            return nullptr;
        }
    }
    if (root == nullptr)
        diagnostics.error(1, "xml-syntax", "the file has no root element");
    return root;
}

} // namespace

XmlParseResult parseXml(const std::string& bytes, const std::string& displayPath,
                        const XmlParseOptions& options)
{
    XmlParseResult result;
    result.diagnostics = DiagnosticList(displayPath);
    if (!preflight(bytes, options.maxBytes, options.strictEntities, result.diagnostics))
        return result;
    tinyxml2::XMLDocument document(true, tinyxml2::PRESERVE_WHITESPACE);
    if (const tinyxml2::XMLElement* root = parseWithTinyXml(document, bytes, result.diagnostics))
        result.root = convert(*root);
    return result;
}

LoadResult PackLoader::loadString(const std::string& xml, const std::string& displayPath,
                                  const std::string& baseDir) const
{
    LoadResult result;
    result.diagnostics = DiagnosticList(displayPath);
    if (!preflight(xml, m_limits.maxFileBytes, true, result.diagnostics))
        return result;
    // Packs are read by our own one-pass reader. When it finds the document not well formed,
    // TinyXML2 parses it too and explains, so syntax errors read the same as for every other
    // XML file the game opens; our own words are used only if TinyXML2 accepted the file.
    XmlTree tree;
    XmlTreeError error;
    if (!tree.read(xml, error, TINYXML2_MAX_ELEMENT_DEPTH))
    {
        tinyxml2::XMLDocument document(true, tinyxml2::PRESERVE_WHITESPACE);
        if (parseWithTinyXml(document, xml, result.diagnostics) != nullptr)
            result.diagnostics.error(error.line, "xml-syntax",
                                     "XML is not well formed: " + error.message);
        return result;
    }
    result.pack = readPack(*tree.getRoot(), m_limits, result.diagnostics);
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

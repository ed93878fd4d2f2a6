// Every XML file the game opens is parsed here by TinyXML2. What TinyXML2 lets through is
// checked around it: over the bytes before parsing (XmlChecks.cpp) and over the DOM after.
#include "XmlDocument.hpp"

#include "XmlChecks.hpp"
#include "core/util/Text.hpp"
#include "core/util/Utf8.hpp"

#include <cstring>

namespace quiz::core
{
namespace
{

/// True when the line looks like it has a '<' that was meant as "less than".
bool hasLessThanInText(const std::string& bytes, int line)
{
    const std::string_view text = lineText(bytes, line);
    for (std::size_t i = 0; i + 1 < text.size(); ++i)
    {
        const unsigned char next = static_cast<unsigned char>(text[i + 1]);
        if (text[i] == '<' && (next == ' ' || next == '=' || (next >= '0' && next <= '9')))
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
        return message + ": a '<' must start an element; in text write '&lt;'";
    case tinyxml2::XML_ERROR_MISMATCHED_ELEMENT:
        return message + ": an element is closed with a different name than it was opened "
                         "with, or is not closed";
    case tinyxml2::XML_ERROR_PARSING_ATTRIBUTE:
        return message + ": attribute values need quotes, and each attribute may appear only once";
    case tinyxml2::XML_ERROR_EMPTY_DOCUMENT:
        return message + ": the file has no root element";
    case tinyxml2::XML_ERROR_PARSING_TEXT:
        return message + ": text after the root element, or an element left open";
    case tinyxml2::XML_ERROR_PARSING_DECLARATION:
        return message + ": <?...?> is allowed only at the very start of the file";
    case tinyxml2::XML_ELEMENT_DEPTH_EXCEEDED:
        return message + ": elements are nested too deeply";
    default:
        return message;
    }
}

bool isDeclaration(const tinyxml2::XMLUnknown& unknown)
{
    const char* value = unknown.Value();
    return std::strncmp(value, "DOCTYPE", 7) == 0 || std::strncmp(value, "ENTITY", 6) == 0;
}

void reportDoctype(int line, DiagnosticList& diagnostics)
{
    diagnostics.error(line, "doctype", "DOCTYPE and entity declarations are not allowed");
}

/// The document level: no DOCTYPE, exactly one root element, no text outside it.
const tinyxml2::XMLElement* findRoot(const tinyxml2::XMLDocument& document,
                                     DiagnosticList& diagnostics)
{
    const tinyxml2::XMLElement* root = nullptr;
    for (const tinyxml2::XMLNode* node = document.FirstChild(); node != nullptr;
         node = node->NextSibling())
    {
        if (const tinyxml2::XMLUnknown* unknown = node->ToUnknown();
            unknown != nullptr && isDeclaration(*unknown))
        {
            reportDoctype(unknown->GetLineNum(), diagnostics);
            return nullptr;
        }
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
        else if (node->ToText() != nullptr)
        {
            diagnostics.error(node->GetLineNum(), "xml-syntax", "text outside the root element");
            return nullptr;
        }
    }
    if (root == nullptr)
        diagnostics.error(1, "xml-syntax", "the file has no root element");
    return root;
}

/// What TinyXML2 accepts inside the root and we do not: a DOCTYPE, '<' then a space, and
/// references that do not exist. Walks the tree without recursion.
void checkTree(const tinyxml2::XMLElement& root, const XmlReadOptions& options,
               ReferenceChecker& references, DiagnosticList& diagnostics)
{
    const tinyxml2::XMLNode* node = &root;
    while (node != nullptr)
    {
        if (const tinyxml2::XMLElement* element = node->ToElement())
        {
            // In-place parse: the name follows its '<' unless TinyXML2 skipped white space.
            if (isXmlSpace(element->Name()[-1]))
                diagnostics.error(element->GetLineNum(), "xml-syntax",
                                  "XML is not well formed: a '<' must be followed by the element "
                                  "name; in text write '&lt;'");
            for (const tinyxml2::XMLAttribute* a = element->FirstAttribute(); a != nullptr;
                 a = a->Next())
                references.check(a->Value(), a->GetLineNum(), options.strictEntities);
        }
        else if (const tinyxml2::XMLText* text = node->ToText())
        {
            if (!text->CData())
                references.checkText(text->Value(), text->GetLineNum(), options.strictEntities);
        }
        else if (const tinyxml2::XMLUnknown* unknown = node->ToUnknown();
                 unknown != nullptr && isDeclaration(*unknown))
        {
            reportDoctype(unknown->GetLineNum(), diagnostics);
        }
        if (node->FirstChild() != nullptr)
        {
            node = node->FirstChild();
            continue;
        }
        while (node != &root && node->NextSibling() == nullptr)
            node = node->Parent();
        node = node == &root ? nullptr : node->NextSibling();
    }
}

} // namespace

// Entities are left as written (processEntities = false) so that the checks see every '&';
// xmlText() and xmlAttribute() decode them. White space is kept as written.
XmlDocument::XmlDocument() : m_document(false, tinyxml2::PRESERVE_WHITESPACE)
{
}

const tinyxml2::XMLElement* XmlDocument::read(const std::string& bytes,
                                              const XmlReadOptions& options,
                                              DiagnosticList& diagnostics)
{
    const std::size_t errorsBefore = diagnostics.getErrorCount();
    if (!checkBytes(bytes, options.maxBytes, options.maxElements, diagnostics))
        return nullptr;
    if (m_document.Parse(bytes.data(), bytes.size()) != tinyxml2::XML_SUCCESS)
    {
        // A declaration TinyXML2 could not even parse is still reported as what it is.
        const std::size_t doctype = bytes.find("<!DOCTYPE");
        if (doctype != std::string::npos)
            reportDoctype(lineOfOffset(bytes, doctype), diagnostics);
        else
            diagnostics.error(std::max(m_document.ErrorLineNum(), 1), "xml-syntax",
                              describeXmlError(m_document, bytes));
        return nullptr;
    }
    const tinyxml2::XMLElement* root = findRoot(m_document, diagnostics);
    if (root == nullptr)
        return nullptr;
    ReferenceChecker references(diagnostics);
    checkTree(*root, options, references, diagnostics);
    return diagnostics.getErrorCount() == errorsBefore ? root : nullptr;
}

std::string_view decodeXmlReferences(std::string_view raw, std::string& scratch)
{
    std::size_t at = raw.find('&');
    if (at == std::string_view::npos)
        return raw;
    scratch.assign(raw.data(), at);
    while (at < raw.size())
    {
        if (raw[at] != '&')
        {
            const std::size_t next = std::min(raw.find('&', at), raw.size());
            scratch.append(raw.data() + at, next - at);
            at = next;
            continue;
        }
        const std::size_t consumed = decodeReference(raw.substr(at), scratch);
        if (consumed == 0)
            scratch += raw[at++];
        else
            at += consumed;
    }
    return scratch;
}

std::string_view xmlText(const tinyxml2::XMLText& text, std::string& scratch)
{
    const std::string_view raw = text.Value();
    return text.CData() ? raw : decodeXmlReferences(raw, scratch);
}

std::string xmlAttribute(const tinyxml2::XMLElement& element, const char* name,
                         std::string_view fallback)
{
    const char* value = element.Attribute(name);
    if (value == nullptr)
        return std::string(fallback);
    std::string scratch;
    return std::string(decodeXmlReferences(value, scratch));
}

// TinyXML2 9 drops a run of only white space between two elements (`<b>x</b> <i>y</i>` reads
// "xy"). It parses in place, in its own copy of the bytes, so an element's name points just
// past its '<' in that copy, and the byte before the '<' is what preceded the element. When the
// previous sibling is text (not CDATA), that text already holds any white space; otherwise a
// white-space byte there is a dropped run. TinyXML2 only ever writes '\0' over the byte after a
// name, an attribute value, a comment or a text, so white space it leaves is what was written.
bool xmlSpaceBefore(const tinyxml2::XMLElement& element)
{
    const tinyxml2::XMLNode* parent = element.Parent();
    if (parent == nullptr || parent->ToElement() == nullptr)
        return false; // the root: what precedes it is outside the tree
    if (const tinyxml2::XMLNode* previous = element.PreviousSibling())
    {
        const tinyxml2::XMLText* text = previous->ToText();
        if (text != nullptr && !text->CData())
            return false;
    }
    const char* lessThan = element.Name() - 1;
    return isXmlSpace(lessThan[-1]);
}

std::string xmlAllText(const tinyxml2::XMLElement& element)
{
    std::string out;
    std::string scratch;
    for (const tinyxml2::XMLNode* child = element.FirstChild(); child != nullptr;
         child = child->NextSibling())
    {
        if (const tinyxml2::XMLText* text = child->ToText())
            out += xmlText(*text, scratch);
        else if (const tinyxml2::XMLElement* inner = child->ToElement())
        {
            if (xmlSpaceBefore(*inner))
                out += ' ';
            out += xmlAllText(*inner);
        }
    }
    return out;
}

} // namespace quiz::core

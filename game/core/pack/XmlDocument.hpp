#pragma once

#include "Diagnostic.hpp"

#include <tinyxml2.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace quiz::core
{

/// How strictly an XML file is read.
struct XmlReadOptions
{
    std::size_t maxBytes = 5U * 1024U * 1024U;
    /// Packs allow only the five XML entities and numeric references. Foreign formats (Moodle,
    /// QTI) set this false: an unknown named entity such as `&nbsp;` is then kept as written,
    /// for their HTML reader to decode.
    bool strictEntities = true;
    /// Each element costs TinyXML2 about 150 bytes with its text, so 5 MB of `<b/>` would take
    /// 160 MB before any check of ours could run; the start tags are counted first. A
    /// 10,000-question pack of four options and some markup has about 180,000.
    std::size_t maxElements = 250000;
};

/// One XML file read by TinyXML2, the project's only XML parser, plus the checks TinyXML2 does
/// not make. Before parsing: the size cap, no UTF-16/32, valid UTF-8, no control characters,
/// at most kMaxAttributes attributes on an element and maxElements elements in the file (both
/// counted over the bytes, before TinyXML2 builds anything). After parsing, over the DOM: no
/// DOCTYPE or entity declaration, no '<' followed by a space, one root and no text outside it, and
/// every
/// '&' in text and attribute values starting a reference that exists (bare-ampersand,
/// bad-entity: unknown names when strict, numeric references to NUL, controls, surrogates,
/// beyond U+10FFFF, or written with a capital X). Each problem is a diagnostic with its line;
/// nothing throws.
///
/// The document is parsed with entities left as written, so the checks above can see them;
/// read text and attribute values through xmlText() and xmlAttribute(), which decode them.
class XmlDocument
{
public:
    /// No element of a pack, Moodle or QTI file needs a dozen; TinyXML2 compares each new
    /// attribute with every earlier one of its element, so the cap bounds that square.
    static constexpr std::size_t kMaxAttributes = 32;

    XmlDocument();
    XmlDocument(const XmlDocument&) = delete;
    XmlDocument& operator=(const XmlDocument&) = delete;

    /// Parses `bytes` and returns the root element, or nullptr after reporting why not.
    /// The elements live as long as this document.
    [[nodiscard]] const tinyxml2::XMLElement*
    read(const std::string& bytes, const XmlReadOptions& options, DiagnosticList& diagnostics);

private:
    tinyxml2::XMLDocument m_document;
};

/// Forward range over the child elements of one element named `name` (all when nullptr).
class XmlChildren
{
public:
    class Iterator
    {
    public:
        Iterator(const tinyxml2::XMLElement* element, const char* name)
            : m_element(element), m_name(name)
        {
        }
        const tinyxml2::XMLElement* operator*() const { return m_element; }
        Iterator& operator++()
        {
            m_element = m_element->NextSiblingElement(m_name);
            return *this;
        }
        bool operator!=(const Iterator& other) const { return m_element != other.m_element; }

    private:
        const tinyxml2::XMLElement* m_element;
        const char* m_name;
    };

    XmlChildren(const tinyxml2::XMLElement& parent, const char* name)
        : m_first(parent.FirstChildElement(name)), m_name(name)
    {
    }
    /// From `first` (nullptr: none) on, through its siblings named `name`.
    XmlChildren(const tinyxml2::XMLElement* first, const char* name) : m_first(first), m_name(name)
    {
    }
    [[nodiscard]] Iterator begin() const { return {m_first, m_name}; }
    [[nodiscard]] Iterator end() const { return {nullptr, m_name}; }

private:
    const tinyxml2::XMLElement* m_first;
    const char* m_name;
};

/// The child elements of `parent` named `name` (every child element when nullptr).
[[nodiscard]] inline XmlChildren xmlChildren(const tinyxml2::XMLElement& parent,
                                             const char* name = nullptr)
{
    return {parent, name};
}

/// Decodes the five XML entities and numeric character references in `raw`; anything else
/// after a '&' is kept as written. Returns `raw` itself when it holds no '&'.
[[nodiscard]] std::string_view decodeXmlReferences(std::string_view raw, std::string& scratch);

/// Character data of a text or CDATA node, references decoded (CDATA is kept as written).
/// The view is into the document or into `scratch`.
[[nodiscard]] std::string_view xmlText(const tinyxml2::XMLText& text, std::string& scratch);

/// The value of attribute `name`, decoded, or `fallback` when the element has none.
[[nodiscard]] std::string xmlAttribute(const tinyxml2::XMLElement& element, const char* name,
                                       std::string_view fallback = {});

/// True when only white space stood between this element and what came before it inside its
/// parent (the start tag, a sibling element or a comment): TinyXML2 drops such runs, but in
/// rich text `<b>heparin</b> <i>sc</i>` they separate two words. Only for elements of a
/// document read by XmlDocument (see the .cpp for how it is told).
[[nodiscard]] bool xmlSpaceBefore(const tinyxml2::XMLElement& element);

/// Concatenated character data of all descendants in document order, references decoded and
/// each dropped white-space run (xmlSpaceBefore) read as one space.
[[nodiscard]] std::string xmlAllText(const tinyxml2::XMLElement& element);

} // namespace quiz::core

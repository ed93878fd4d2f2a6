#pragma once

#include "Diagnostic.hpp"

#include <optional>
#include <string>
#include <vector>

namespace quiz::core
{

struct XmlAttribute
{
    std::string name;
    std::string value;
    int line = 0;
};

/// Our own read-only XML tree. Only elements and text exist: comments, processing
/// instructions and the declaration are dropped; adjacent text and CDATA are merged into one
/// text node (TinyXML2's GetText() would return only the first piece).
struct XmlNode
{
    enum class Kind
    {
        Element,
        Text
    };
    Kind kind = Kind::Element;
    std::string name; ///< element name as written (prefixes kept); empty for text
    std::string text; ///< text content for Kind::Text, entities decoded, white space kept
    std::vector<XmlAttribute> attributes;
    std::vector<XmlNode> children;
    int line = 0;

    [[nodiscard]] bool isElement() const { return kind == Kind::Element; }
    [[nodiscard]] const XmlAttribute* findAttribute(const std::string& attributeName) const;
    /// The attribute's value or `fallback` when absent.
    [[nodiscard]] std::string getAttribute(const std::string& attributeName,
                                           const std::string& fallback = {}) const;
    /// First child element with this name, or nullptr.
    [[nodiscard]] const XmlNode* findChild(const std::string& elementName) const;
    /// All child elements with this name, in document order.
    [[nodiscard]] std::vector<const XmlNode*> findChildren(const std::string& elementName) const;
    /// Concatenated text of all descendants (CDATA included), in document order.
    [[nodiscard]] std::string getAllText() const;
};

struct XmlParseOptions
{
    std::size_t maxBytes = 5U * 1024U * 1024U;
    /// Native packs allow only the five XML entities and numeric references; foreign formats
    /// (Moodle, QTI) may set this false and decode HTML entities themselves.
    bool strictEntities = true;
};

struct XmlParseResult
{
    std::optional<XmlNode> root; ///< set when the document is well formed and passed the scan
    DiagnosticList diagnostics;
};

/// Parses untrusted bytes into an XmlNode tree. Before TinyXML2 sees anything it checks what
/// TinyXML2 lets through: size cap, UTF-16/32 byte-order marks, invalid UTF-8, control
/// characters, any DOCTYPE (refused: no DTDs, no entity expansion), bare '&' and unknown
/// entities (when strict), references to NUL or surrogates. Then it reports TinyXML2's error
/// with its line, and refuses documents with more than one root element. Every problem is a
/// diagnostic for `displayPath`; nothing throws. Codes: file-too-large, bad-encoding,
/// invalid-utf8, control-character, doctype, bad-entity, xml-syntax, multiple-roots,
/// too-deep.
[[nodiscard]] XmlParseResult parseXml(const std::string& bytes, const std::string& displayPath,
                                      const XmlParseOptions& options = {});

/// Reads a file with the size cap checked before reading. On failure returns false and adds
/// a diagnostic (`file-too-large`, `unreadable`).
[[nodiscard]] bool readFileCapped(const std::string& path, std::size_t maxBytes, std::string& bytes,
                                  DiagnosticList& diagnostics);

} // namespace quiz::core

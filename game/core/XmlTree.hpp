#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace quiz::core
{

struct XmlTreeAttribute
{
    std::string_view name;
    std::string_view value; ///< entities decoded, line ends normalised
    int line = 0;
};

/// An element or a run of character data in an XmlTree. All strings are views into the bytes
/// the tree was read from or into the tree's own decoded copies; a node is valid as long as
/// both the tree and those bytes are.
struct XmlTreeNode
{
    /// Forward range over the direct children, text included.
    class Children
    {
    public:
        class Iterator
        {
        public:
            explicit Iterator(const XmlTreeNode* node) : m_node(node) {}
            const XmlTreeNode& operator*() const { return *m_node; }
            Iterator& operator++()
            {
                m_node = m_node->nextSibling;
                return *this;
            }
            bool operator!=(const Iterator& other) const { return m_node != other.m_node; }

        private:
            const XmlTreeNode* m_node;
        };

        explicit Children(const XmlTreeNode* first) : m_first(first) {}
        [[nodiscard]] Iterator begin() const { return Iterator(m_first); }
        [[nodiscard]] Iterator end() const { return Iterator(nullptr); }

    private:
        const XmlTreeNode* m_first;
    };

    /// Forward range over the child elements with one name, yielding pointers.
    class NamedChildren
    {
    public:
        class Iterator
        {
        public:
            Iterator(const XmlTreeNode* node, std::string_view name)
                : m_node(skip(node, name)), m_name(name)
            {
            }
            const XmlTreeNode* operator*() const { return m_node; }
            Iterator& operator++()
            {
                m_node = skip(m_node->nextSibling, m_name);
                return *this;
            }
            bool operator!=(const Iterator& other) const { return m_node != other.m_node; }

        private:
            static const XmlTreeNode* skip(const XmlTreeNode* node, std::string_view name)
            {
                while (node != nullptr && !(node->element && node->name == name))
                    node = node->nextSibling;
                return node;
            }
            const XmlTreeNode* m_node;
            std::string_view m_name;
        };

        NamedChildren(const XmlTreeNode* first, std::string_view name)
            : m_first(first), m_name(name)
        {
        }
        [[nodiscard]] Iterator begin() const { return Iterator(m_first, m_name); }
        [[nodiscard]] Iterator end() const { return Iterator(nullptr, m_name); }

    private:
        const XmlTreeNode* m_first;
        std::string_view m_name;
    };

    bool element = true;
    std::string_view name; ///< element name as written (prefixes kept); empty for text
    std::string_view text; ///< character data of a text node (CDATA merged in); empty for elements
    int line = 0;          ///< an element's '<'; a text node's first non-blank character
    const XmlTreeNode* firstChild = nullptr;
    const XmlTreeNode* nextSibling = nullptr;
    const XmlTreeAttribute* attributes = nullptr;
    std::uint32_t attributeCount = 0;

    [[nodiscard]] bool isElement() const { return element; }
    [[nodiscard]] Children getChildren() const { return Children(firstChild); }
    /// All child elements named `elementName`, in document order.
    [[nodiscard]] NamedChildren findChildren(std::string_view elementName) const
    {
        return NamedChildren(firstChild, elementName);
    }
    /// First child element named `elementName`, or nullptr.
    [[nodiscard]] const XmlTreeNode* findChild(std::string_view elementName) const;
    [[nodiscard]] const XmlTreeAttribute* beginAttributes() const { return attributes; }
    [[nodiscard]] const XmlTreeAttribute* endAttributes() const
    {
        return attributes + attributeCount;
    }
    [[nodiscard]] const XmlTreeAttribute* findAttribute(std::string_view attributeName) const;
    /// The attribute's value, or `fallback` when it is absent.
    [[nodiscard]] std::string getAttribute(std::string_view attributeName,
                                           std::string_view fallback = {}) const;
    /// Concatenated character data of all descendants, in document order.
    [[nodiscard]] std::string getAllText() const;
};

/// Where and why a document is not well formed.
struct XmlTreeError
{
    int line = 0;
    std::string message;
};

/// A read-only XML tree built in one pass straight from the bytes, for documents that the byte
/// scan has already cleared (valid UTF-8, no control characters, no DOCTYPE, only the five XML
/// entities and valid character references). It keeps what a pack reader needs: elements,
/// attributes and character data (CDATA merged into its text; comments, processing
/// instructions and declarations dropped). White space is kept as written, including runs
/// between two elements, where it separates words of rich text.
///
/// The tree borrows the bytes it was read from: they must outlive it. Reading is
/// allocation-light (nodes and attributes live in two arrays; only text with an entity
/// reference or a carriage return is copied), which is what makes loading a large pack cheap.
class XmlTree
{
public:
    XmlTree() = default;
    XmlTree(const XmlTree&) = delete;
    XmlTree& operator=(const XmlTree&) = delete;
    XmlTree(XmlTree&&) = default;
    XmlTree& operator=(XmlTree&&) = default;

    /// Reads `bytes` (a leading UTF-8 byte-order mark is skipped). Returns false and fills
    /// `error` when the document is not well formed: a mismatched or unclosed element, a
    /// malformed tag or attribute, a duplicate attribute, text or a second element outside the
    /// root, elements nested deeper than `maxDepth`, or no root at all.
    [[nodiscard]] bool read(std::string_view bytes, XmlTreeError& error, int maxDepth = 100);

    /// The root element after a successful read(), else nullptr.
    [[nodiscard]] const XmlTreeNode* getRoot() const
    {
        return m_nodes.empty() ? nullptr : &m_nodes.front();
    }

private:
    friend class XmlTreeBuilder;

    std::vector<XmlTreeNode> m_nodes;
    std::vector<XmlTreeAttribute> m_attributes;
    std::deque<std::string> m_decoded; ///< text that had to be rewritten; addresses are stable
};

} // namespace quiz::core

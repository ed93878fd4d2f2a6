#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace quiz::core
{

/// An element, an attribute or a run of character data in an XmlTree. Nodes live in one array
/// in document order, an element's attributes right after it, and link to their first child and
/// next sibling by distance in that array. All strings are views into the bytes the tree was
/// read from or into the tree's own decoded copies: a node is valid as long as both are.
struct XmlTreeNode
{
    enum class Kind : std::uint8_t
    {
        Element,
        Text,
        Attribute
    };

    /// Forward range over the direct children (elements and text).
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
                m_node = m_node->getNextSibling();
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
                m_node = skip(m_node->getNextSibling(), m_name);
                return *this;
            }
            bool operator!=(const Iterator& other) const { return m_node != other.m_node; }

        private:
            static const XmlTreeNode* skip(const XmlTreeNode* node, std::string_view name)
            {
                while (node != nullptr && !(node->isElement() && node->name == name))
                    node = node->getNextSibling();
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

    std::string_view name;  ///< element or attribute name as written; empty for text
    std::string_view value; ///< character data of text (CDATA merged in), or an attribute's value
    int line = 0;           ///< an element's '<', an attribute's name, text's first non-blank
    std::uint32_t childOffset = 0;   ///< distance to the first child; 0 when there is none
    std::uint32_t siblingOffset = 0; ///< distance to the next sibling; 0 when there is none
    std::uint16_t attributeCount = 0;
    Kind kind = Kind::Element;
    /// Only white space stood between this element and what came before it inside the parent
    /// (the start tag or a sibling). Such runs are kept as this flag rather than as text:
    /// they are most of a pack's text nodes, and matter only as one space in rich text.
    bool spaceBefore = false;

    [[nodiscard]] bool isElement() const { return kind == Kind::Element; }
    [[nodiscard]] const XmlTreeNode* getFirstChild() const
    {
        return childOffset == 0 ? nullptr : this + childOffset;
    }
    [[nodiscard]] const XmlTreeNode* getNextSibling() const
    {
        return siblingOffset == 0 ? nullptr : this + siblingOffset;
    }
    [[nodiscard]] Children getChildren() const { return Children(getFirstChild()); }
    /// All child elements named `elementName`, in document order.
    [[nodiscard]] NamedChildren findChildren(std::string_view elementName) const
    {
        return NamedChildren(getFirstChild(), elementName);
    }
    /// First child element named `elementName`, or nullptr.
    [[nodiscard]] const XmlTreeNode* findChild(std::string_view elementName) const;
    [[nodiscard]] const XmlTreeNode* beginAttributes() const { return this + 1; }
    [[nodiscard]] const XmlTreeNode* endAttributes() const { return this + 1 + attributeCount; }
    [[nodiscard]] const XmlTreeNode* findAttribute(std::string_view attributeName) const;
    /// The attribute's value, or `fallback` when it is absent.
    [[nodiscard]] std::string getAttribute(std::string_view attributeName,
                                           std::string_view fallback = {}) const;
    /// Concatenated character data of all descendants, in document order (a kept white-space
    /// run reads as one space).
    [[nodiscard]] std::string getAllText() const;
};

using XmlTreeAttribute = XmlTreeNode;

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
/// instructions and declarations dropped). Text is kept as written; a run of only white space
/// between two elements becomes the second one's `spaceBefore` (in rich text it separates
/// words), and one right before an end tag is dropped.
///
/// The tree borrows the bytes it was read from: they must outlive it. Reading is
/// allocation-light (one array of nodes; only text with an entity reference or a carriage
/// return is copied), which is what makes loading a large pack cheap.
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
    /// root, elements nested deeper than `maxDepth`, more than 65535 attributes on one element,
    /// or no root at all.
    [[nodiscard]] bool read(std::string_view bytes, XmlTreeError& error, int maxDepth = 100);

    /// The root element after a successful read(), else nullptr.
    [[nodiscard]] const XmlTreeNode* getRoot() const
    {
        return m_nodes.empty() ? nullptr : &m_nodes.front();
    }

private:
    friend class XmlTreeBuilder;

    std::vector<XmlTreeNode> m_nodes;
    std::deque<std::string> m_decoded; ///< text that had to be rewritten; addresses are stable
};

} // namespace quiz::core

#include "XmlTree.hpp"

#include "core/util/Utf8.hpp"

#include <cstring>

namespace quiz::core
{

const XmlTreeNode* XmlTreeNode::findChild(std::string_view elementName) const
{
    for (const XmlTreeNode* child = getFirstChild(); child != nullptr;
         child = child->getNextSibling())
    {
        if (child->isElement() && child->name == elementName)
            return child;
    }
    return nullptr;
}

const XmlTreeNode* XmlTreeNode::findAttribute(std::string_view attributeName) const
{
    for (const XmlTreeNode* a = beginAttributes(); a != endAttributes(); ++a)
    {
        if (a->name == attributeName)
            return a;
    }
    return nullptr;
}

std::string XmlTreeNode::getAttribute(std::string_view attributeName,
                                      std::string_view fallback) const
{
    const XmlTreeNode* attribute = findAttribute(attributeName);
    return std::string(attribute != nullptr ? attribute->value : fallback);
}

std::string XmlTreeNode::getAllText() const
{
    if (!isElement())
        return std::string(value);
    std::string out;
    for (const XmlTreeNode& child : getChildren())
    {
        if (child.spaceBefore)
            out += ' ';
        out += child.getAllText();
    }
    return out;
}

namespace
{

constexpr std::uint32_t kNone = 0xFFFFFFFFU;

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Name characters as TinyXML2 reads them, so both readers agree on what a name is: any byte of
// a multi-byte UTF-8 sequence, ASCII letters, '_' and ':' to start; digits, '.' and '-' after.
bool isNameStart(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x80 || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || c == '_' || c == ':';
}

bool isNameChar(char c)
{
    return isNameStart(c) || (c >= '0' && c <= '9') || c == '.' || c == '-';
}

/// Decodes the reference starting at `p` ('&') into `out`. Returns the bytes consumed, or 0
/// when it is not a reference this reader knows (the '&' is then kept as written).
std::size_t decodeReference(const char* p, const char* end, std::string& out)
{
    const char* semicolon = p + 1;
    while (semicolon < end && semicolon - p <= 12 && *semicolon != ';')
        ++semicolon;
    if (semicolon >= end || *semicolon != ';')
        return 0;
    const std::string_view body(p + 1, static_cast<std::size_t>(semicolon - p - 1));
    const std::size_t consumed = body.size() + 2;
    if (body.size() >= 2 && body[0] == '#')
    {
        const bool hex = body[1] == 'x';
        unsigned long code = 0;
        const std::string_view digits = body.substr(hex ? 2 : 1);
        if (digits.empty() || digits.size() > 8)
            return 0;
        for (const char c : digits)
        {
            int digit = -1;
            if (c >= '0' && c <= '9')
                digit = c - '0';
            else if (hex && c >= 'a' && c <= 'f')
                digit = c - 'a' + 10;
            else if (hex && c >= 'A' && c <= 'F')
                digit = c - 'A' + 10;
            if (digit < 0)
                return 0;
            code = code * (hex ? 16U : 10U) + static_cast<unsigned long>(digit);
        }
        if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return 0;
        appendUtf8(out, code);
        return consumed;
    }
    static const struct
    {
        std::string_view name;
        char value;
    } kEntities[] = {{"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
    for (const auto& entity : kEntities)
    {
        if (body == entity.name)
        {
            out += entity.value;
            return consumed;
        }
    }
    return 0;
}

} // namespace

/// Builds an XmlTree in one forward pass.
class XmlTreeBuilder
{
public:
    XmlTreeBuilder(XmlTree& tree, std::string_view bytes, XmlTreeError& error, int maxDepth)
        : m_tree(tree), m_p(bytes.data()), m_end(bytes.data() + bytes.size()),
          m_lineAt(bytes.data()), m_error(error), m_maxDepth(maxDepth)
    {
    }

    bool build()
    {
        if (m_end - m_p >= 3 && std::memcmp(m_p, "\xEF\xBB\xBF", 3) == 0)
            m_p += 3;
        // A pack has about one node per 20 bytes; the guess saves most regrowth.
        m_tree.m_nodes.reserve(static_cast<std::size_t>(m_end - m_p) / 16U + 8U);
        if (!parseDocument())
        {
            m_tree.m_nodes.clear();
            m_tree.m_decoded.clear();
            return false;
        }
        return true;
    }

private:
    /// An element whose content is being read.
    struct OpenElement
    {
        std::uint32_t index;
        std::uint32_t lastChild;
    };

    bool fail(const char* at, const std::string& message)
    {
        m_error.line = lineAt(at < m_lineAt ? m_lineAt : at);
        m_error.message = message;
        return false;
    }

    /// Line of `position`; positions must be asked for in increasing order.
    int lineAt(const char* position)
    {
        while (m_lineAt < position)
        {
            const void* newline =
                std::memchr(m_lineAt, '\n', static_cast<std::size_t>(position - m_lineAt));
            if (newline == nullptr)
                break;
            ++m_line;
            m_lineAt = static_cast<const char*>(newline) + 1;
        }
        if (m_lineAt < position)
            m_lineAt = position;
        return m_line;
    }

    const char* find(const char* from, std::string_view terminator) const
    {
        const char* at = from;
        while (at < m_end)
        {
            const void* hit = std::memchr(at, terminator[0], static_cast<std::size_t>(m_end - at));
            if (hit == nullptr)
                return nullptr;
            at = static_cast<const char*>(hit);
            if (static_cast<std::size_t>(m_end - at) < terminator.size())
                return nullptr;
            if (std::memcmp(at, terminator.data(), terminator.size()) == 0)
                return at;
            ++at;
        }
        return nullptr;
    }

    bool startsWith(std::string_view prefix) const
    {
        return static_cast<std::size_t>(m_end - m_p) >= prefix.size() &&
               std::memcmp(m_p, prefix.data(), prefix.size()) == 0;
    }

    void skipSpace()
    {
        while (m_p < m_end && isSpace(*m_p))
            ++m_p;
    }

    /// Skips a comment, processing instruction or other `<!...>` markup at m_p. Returns false
    /// (with the error set) when it is not terminated. CDATA is not handled here.
    bool skipMarkup()
    {
        std::string_view terminator = ">";
        std::size_t skip = 2;
        const char* what = "a '<!' declaration";
        if (startsWith("<!--"))
        {
            terminator = "-->";
            skip = 4;
            what = "a comment";
        }
        else if (startsWith("<?"))
        {
            terminator = "?>";
            what = "a processing instruction";
        }
        const char* close = find(m_p + skip, terminator);
        if (close == nullptr)
            return fail(m_p, std::string(what) + " is not closed");
        m_p = close + terminator.size();
        return true;
    }

    /// The text of [from, to), rewritten only when it holds a reference or a carriage return.
    std::string_view textOf(const char* from, const char* to, bool references)
    {
        const auto length = static_cast<std::size_t>(to - from);
        const bool hasAmpersand = references && std::memchr(from, '&', length) != nullptr;
        if (!hasAmpersand && std::memchr(from, '\r', length) == nullptr)
            return {from, length};
        std::string& out = m_tree.m_decoded.emplace_back();
        out.reserve(length);
        for (const char* p = from; p < to;)
        {
            if (*p == '\r')
            {
                out += '\n';
                p += p + 1 < to && p[1] == '\n' ? 2 : 1;
                continue;
            }
            if (*p == '&' && references)
            {
                const std::size_t consumed = decodeReference(p, to, out);
                if (consumed > 0)
                {
                    p += consumed;
                    continue;
                }
            }
            out += *p++;
        }
        return out;
    }

    std::uint32_t addNode(XmlTreeNode::Kind kind)
    {
        const auto index = static_cast<std::uint32_t>(m_tree.m_nodes.size());
        m_tree.m_nodes.emplace_back().kind = kind;
        return index;
    }

    /// Links the node at `index` as the last child of the innermost open element.
    void adopt(std::uint32_t index)
    {
        if (m_open.empty())
            return;
        OpenElement& parent = m_open.back();
        if (parent.lastChild == kNone)
            m_tree.m_nodes[parent.index].childOffset = index - parent.index;
        else
            m_tree.m_nodes[parent.lastChild].siblingOffset = index - parent.lastChild;
        parent.lastChild = index;
    }

    /// Adds character data to the open element. Text right after other text (only comments or
    /// processing instructions between) joins it; a run of white space waits to see what
    /// follows: more text joins it, an element gets `spaceBefore`, an end tag drops it.
    void addText(const char* from, const char* to, bool references)
    {
        const char* firstInk = from;
        while (firstInk < to && isSpace(*firstInk))
            ++firstInk;
        const bool blank = firstInk == to;
        const std::uint32_t last = m_open.back().lastChild;
        const bool afterText =
            last != kNone && m_tree.m_nodes[last].kind == XmlTreeNode::Kind::Text;
        if (blank && !afterText)
        {
            m_pendingSpace = true;
            return;
        }
        const std::string_view text = textOf(from, to, references);
        if (afterText)
        {
            XmlTreeNode& previous = m_tree.m_nodes[last];
            std::string& joined = m_tree.m_decoded.emplace_back(previous.value);
            joined += text;
            previous.value = joined;
            return;
        }
        const int line = lineAt(firstInk);
        const std::uint32_t index = addNode(XmlTreeNode::Kind::Text);
        XmlTreeNode& node = m_tree.m_nodes[index];
        node.line = line;
        if (m_pendingSpace)
        {
            // The white space before belongs to this text; " " stands for it (text is folded).
            std::string& joined = m_tree.m_decoded.emplace_back(" ");
            joined += text;
            node.value = joined;
        }
        else
        {
            node.value = text;
        }
        m_pendingSpace = false;
        adopt(index);
    }

    bool parseName(std::string_view& name)
    {
        const char* start = m_p;
        if (m_p >= m_end || !isNameStart(*m_p))
            return false;
        ++m_p;
        while (m_p < m_end && isNameChar(*m_p))
            ++m_p;
        name = std::string_view(start, static_cast<std::size_t>(m_p - start));
        return true;
    }

    /// Reads a start tag at m_p ('<' then a name), adds the element and its attributes to the
    /// open element, and opens it unless it was written `<name/>`.
    bool parseStartTag()
    {
        const char* tagStart = m_p;
        ++m_p;
        std::string_view name;
        if (!parseName(name))
            return fail(tagStart, "a '<' must start an element; in text write '&lt;'");
        if (static_cast<int>(m_open.size()) >= m_maxDepth)
            return fail(tagStart, "elements are nested too deeply");
        const std::uint32_t index = addNode(XmlTreeNode::Kind::Element);
        {
            XmlTreeNode& node = m_tree.m_nodes[index];
            node.name = name;
            node.line = lineAt(tagStart);
            node.spaceBefore = m_pendingSpace;
        }
        m_pendingSpace = false;
        adopt(index);
        for (;;)
        {
            skipSpace();
            if (m_p >= m_end)
                return fail(tagStart, "the tag <" + std::string(name) + "> is not closed");
            if (*m_p == '>')
            {
                ++m_p;
                m_open.push_back({index, kNone});
                return true;
            }
            if (*m_p == '/')
            {
                if (m_p + 1 < m_end && m_p[1] == '>')
                {
                    m_p += 2;
                    return true;
                }
                return fail(m_p,
                            "a '/' in the tag <" + std::string(name) + "> must be followed by '>'");
            }
            if (!parseAttribute(index, name))
                return false;
        }
    }

    /// Reads `name="value"` at m_p into a node right after the element at `index`.
    bool parseAttribute(std::uint32_t index, std::string_view elementName)
    {
        const char* attributeStart = m_p;
        std::string_view attributeName;
        if (!parseName(attributeName))
            return fail(m_p, "unexpected character in the tag <" + std::string(elementName) + ">");
        skipSpace();
        if (m_p >= m_end || *m_p != '=')
            return fail(attributeStart,
                        "attribute " + std::string(attributeName) + " needs =\"value\"");
        ++m_p;
        skipSpace();
        if (m_p >= m_end || (*m_p != '"' && *m_p != '\''))
            return fail(attributeStart,
                        "the value of " + std::string(attributeName) + " needs quotes");
        const char quote = *m_p++;
        const void* close = std::memchr(m_p, quote, static_cast<std::size_t>(m_end - m_p));
        if (close == nullptr)
            return fail(attributeStart,
                        "the value of " + std::string(attributeName) + " is not closed");
        const auto* valueEnd = static_cast<const char*>(close);
        const XmlTreeNode& element = m_tree.m_nodes[index];
        if (element.findAttribute(attributeName) != nullptr)
            return fail(attributeStart,
                        "attribute " + std::string(attributeName) + " appears twice");
        if (element.attributeCount == 0xFFFF)
            return fail(attributeStart,
                        "too many attributes on <" + std::string(elementName) + ">");
        const int line = lineAt(attributeStart);
        const std::string_view value = textOf(m_p, valueEnd, true);
        const std::uint32_t attributeIndex = addNode(XmlTreeNode::Kind::Attribute);
        XmlTreeNode& attribute = m_tree.m_nodes[attributeIndex];
        attribute.name = attributeName;
        attribute.value = value;
        attribute.line = line;
        ++m_tree.m_nodes[index].attributeCount;
        m_p = valueEnd + 1;
        return true;
    }

    /// Reads `</name>` at m_p, which must close the innermost open element.
    bool parseEndTag()
    {
        const char* tagStart = m_p;
        m_p += 2;
        std::string_view name;
        const std::string_view expected = m_tree.m_nodes[m_open.back().index].name;
        if (!parseName(name) || name != expected)
            return fail(tagStart, "<" + std::string(expected) + "> is closed by a different name");
        skipSpace();
        if (m_p >= m_end || *m_p != '>')
            return fail(tagStart, "the end tag </" + std::string(expected) + "> is not closed");
        ++m_p;
        m_open.pop_back();
        m_pendingSpace = false;
        return true;
    }

    bool parseDocument()
    {
        bool haveRoot = false;
        bool nodesBefore = false; // a comment, <!...> or element has been read
        while (true)
        {
            skipSpace();
            if (m_p >= m_end)
                break;
            if (*m_p != '<' || startsWith("<![CDATA["))
                return fail(m_p, "text outside the root element");
            // Like TinyXML2, a declaration or processing instruction may only open the file.
            if (startsWith("<?") && nodesBefore)
                return fail(m_p, "<?...?> is allowed only at the very start of the file");
            if (startsWith("<?") || startsWith("<!"))
            {
                nodesBefore = nodesBefore || startsWith("<!");
                if (!skipMarkup())
                    return false;
                continue;
            }
            nodesBefore = true;
            if (haveRoot)
                return fail(m_p, "a second root element: a file holds exactly one");
            haveRoot = true;
            if (!parseStartTag() || !parseContent())
                return false;
        }
        if (!haveRoot)
            return fail(m_p, "the file has no root element");
        return true;
    }

    /// Reads the content of the open elements until all are closed, without recursion.
    bool parseContent()
    {
        while (!m_open.empty())
        {
            const void* hit = std::memchr(m_p, '<', static_cast<std::size_t>(m_end - m_p));
            if (hit == nullptr)
                return fail(m_end, "<" + std::string(m_tree.m_nodes[m_open.back().index].name) +
                                       "> is not closed before the end of the file");
            const auto* lessThan = static_cast<const char*>(hit);
            if (lessThan > m_p)
                addText(m_p, lessThan, true);
            m_p = lessThan;
            const char kind = m_p + 1 < m_end ? m_p[1] : '\0';
            if (kind == '/')
            {
                if (!parseEndTag())
                    return false;
            }
            else if (kind != '!' && kind != '?')
            {
                if (!parseStartTag())
                    return false;
            }
            else if (kind == '?')
            {
                return fail(m_p, "<?...?> is allowed only at the very start of the file");
            }
            else if (startsWith("<![CDATA["))
            {
                const char* close = find(m_p + 9, "]]>");
                if (close == nullptr)
                    return fail(m_p, "a CDATA section is not closed");
                addText(m_p + 9, close, false);
                m_p = close + 3;
            }
            else if (!skipMarkup())
            {
                return false;
            }
        }
        return true;
    }

    XmlTree& m_tree;
    const char* m_p;
    const char* m_end;
    const char* m_lineAt;
    int m_line = 1;
    XmlTreeError& m_error;
    int m_maxDepth;
    std::vector<OpenElement> m_open;
    bool m_pendingSpace = false;
};

bool XmlTree::read(std::string_view bytes, XmlTreeError& error, int maxDepth)
{
    m_nodes.clear();
    m_decoded.clear();
    return XmlTreeBuilder(*this, bytes, error, maxDepth).build();
}

} // namespace quiz::core

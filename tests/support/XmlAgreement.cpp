#include "XmlAgreement.hpp"

#include "core/pack/Xml.hpp"
#include "core/pack/XmlSchema.hpp"
#include "core/pack/XmlTree.hpp"

#include <vector>

namespace quiz::test
{
namespace
{

using core::XmlNode;
using core::XmlTreeNode;

std::string where(const XmlNode& element)
{
    return "<" + element.name + "> at line " + std::to_string(element.line);
}

/// The children that carry meaning once white space is folded: elements and non-blank text.
std::vector<const XmlNode*> meaningful(const XmlNode& element)
{
    std::vector<const XmlNode*> children;
    for (const XmlNode& child : element.children)
    {
        if (child.isElement() || !core::foldWhiteSpace(child.text).empty())
            children.push_back(&child);
    }
    return children;
}

std::vector<const XmlTreeNode*> meaningful(const XmlTreeNode& element)
{
    std::vector<const XmlTreeNode*> children;
    for (const XmlTreeNode& child : element.getChildren())
    {
        if (child.isElement() || !core::foldWhiteSpace(child.value).empty())
            children.push_back(&child);
    }
    return children;
}

std::string compare(const XmlTreeNode& ours, const XmlNode& theirs)
{
    if (ours.name != theirs.name || ours.line != theirs.line)
        return "element <" + std::string(ours.name) + "> at line " + std::to_string(ours.line) +
               " is " + where(theirs) + " to TinyXML2";
    if (ours.attributeCount != theirs.attributes.size())
        return where(theirs) + ": " + std::to_string(ours.attributeCount) + " attributes, " +
               std::to_string(theirs.attributes.size()) + " to TinyXML2";
    const XmlTreeNode* attribute = ours.beginAttributes();
    for (const core::XmlAttribute& expected : theirs.attributes)
    {
        if (attribute->name != expected.name || attribute->line != expected.line ||
            core::foldWhiteSpace(attribute->value) != core::foldWhiteSpace(expected.value))
            return where(theirs) + ": attribute " + std::string(attribute->name) + "=\"" +
                   std::string(attribute->value) + "\" is " + expected.name + "=\"" +
                   expected.value + "\" to TinyXML2";
        ++attribute;
    }
    const std::vector<const XmlTreeNode*> ourChildren = meaningful(ours);
    const std::vector<const XmlNode*> theirChildren = meaningful(theirs);
    if (ourChildren.size() != theirChildren.size())
        return where(theirs) + ": " + std::to_string(ourChildren.size()) + " children, " +
               std::to_string(theirChildren.size()) + " to TinyXML2";
    for (std::size_t i = 0; i < ourChildren.size(); ++i)
    {
        const XmlTreeNode& mine = *ourChildren[i];
        const XmlNode& other = *theirChildren[i];
        if (mine.isElement() != other.isElement())
            return where(theirs) + ": child " + std::to_string(i + 1) +
                   " is an element to one reader and text to the other";
        if (mine.isElement())
        {
            std::string difference = compare(mine, other);
            if (!difference.empty())
                return difference;
        }
        else if (core::foldWhiteSpace(mine.value) != core::foldWhiteSpace(other.text))
        {
            return where(theirs) + ": text \"" + std::string(mine.value) + "\" is \"" + other.text +
                   "\" to TinyXML2";
        }
    }
    return {};
}

} // namespace

XmlAgreement compareXmlReaders(const std::string& bytes)
{
    XmlAgreement agreement;
    core::XmlParseOptions options;
    options.maxBytes = bytes.size() + 1;
    const core::XmlParseResult theirs = core::parseXml(bytes, "agreement.xml", options);
    for (const core::Diagnostic& diagnostic : theirs.diagnostics.getAll())
    {
        // Refused by the byte scan: neither parser would see these bytes.
        if (diagnostic.code != "xml-syntax" && diagnostic.code != "multiple-roots")
            return agreement;
    }
    agreement.compared = true;
    agreement.tinyAccepted = theirs.root.has_value();
    core::XmlTree tree;
    core::XmlTreeError error;
    agreement.oursAccepted = tree.read(bytes, error);
    if (!agreement.oursAccepted)
        return agreement;
    if (!agreement.tinyAccepted)
    {
        agreement.difference = "our reader accepts what TinyXML2 refuses: " +
                               theirs.diagnostics.getAll().front().format();
        return agreement;
    }
    agreement.difference = compare(*tree.getRoot(), *theirs.root);
    return agreement;
}

} // namespace quiz::test

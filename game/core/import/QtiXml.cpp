#include "QtiXml.hpp"

namespace quiz::core::import
{

using tinyxml2::XMLElement;

/// "qti-choice-interaction" -> "choiceInteraction"; "m:math" -> "math"; others unchanged.
std::string normaliseName(const std::string& name)
{
    std::string local = name.substr(name.rfind(':') == std::string::npos ? 0 : name.rfind(':') + 1);
    if (local.rfind("qti-", 0) == 0)
        local = local.substr(4);
    else if (local.find('-') == std::string::npos)
        return local;
    std::string out;
    bool upper = false;
    for (const char c : local)
    {
        if (c == '-')
        {
            upper = true;
            continue;
        }
        out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
        upper = false;
    }
    return out;
}

/// QTI 2.1 and 3.0 name the same things differently ("choiceInteraction",
/// "qti-choice-interaction"): elements and attributes are compared by their normalised names.
bool isNamed(const char* written, std::string_view name)
{
    return normaliseName(written) == name;
}

const XMLElement* qtiChild(const XMLElement& parent, std::string_view name)
{
    for (const XMLElement* child : xmlChildren(parent))
    {
        if (isNamed(child->Name(), name))
            return child;
    }
    return nullptr;
}

std::vector<const XMLElement*> qtiChildren(const XMLElement& parent, std::string_view name)
{
    std::vector<const XMLElement*> found;
    for (const XMLElement* child : xmlChildren(parent))
    {
        if (isNamed(child->Name(), name))
            found.push_back(child);
    }
    return found;
}

/// Namespace declarations and xml: attributes keep their names; others are normalised.
std::string attributeName(const tinyxml2::XMLAttribute& attribute)
{
    const std::string name = attribute.Name();
    if (name.rfind("xmlns", 0) == 0 || name.rfind("xml:", 0) == 0)
        return name;
    return normaliseName(name);
}

std::string qtiAttribute(const XMLElement& element, std::string_view name,
                         std::string_view fallback)
{
    for (const tinyxml2::XMLAttribute* a = element.FirstAttribute(); a != nullptr; a = a->Next())
    {
        if (attributeName(*a) == name)
        {
            std::string scratch;
            return std::string(decodeXmlReferences(a->Value(), scratch));
        }
    }
    return std::string(fallback);
}

} // namespace quiz::core::import

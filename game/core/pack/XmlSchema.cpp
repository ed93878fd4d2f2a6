#include "XmlSchema.hpp"

#include "FoldingWriter.hpp"
#include "ValueRules.hpp"
#include "XmlDocument.hpp"
#include "core/util/Numbers.hpp"
#include "core/util/Text.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace quiz::core
{
namespace
{

std::vector<std::string> namesOf(const std::vector<AttrSpec>& specs)
{
    std::vector<std::string> names;
    for (const AttrSpec& spec : specs)
        names.emplace_back(spec.name);
    return names;
}

std::string didYouMean(std::string_view word, const std::vector<std::string>& candidates,
                       const std::string& open, const std::string& close)
{
    const std::string guess = closestMatch(std::string(word), candidates);
    return guess.empty() ? std::string() : " (did you mean " + open + guess + close + "?)";
}

std::string joinEnum(const std::vector<std::string>& values)
{
    std::string out;
    for (std::size_t i = 0; i < values.size(); ++i)
    {
        if (i > 0)
            out += i + 1 == values.size() ? " or " : ", ";
        out += "\"" + values[i] + "\"";
    }
    return out;
}

} // namespace

bool isVariableName(std::string_view text)
{
    if (text.empty() || text.size() > 64)
        return false;
    for (std::size_t i = 0; i < text.size(); ++i)
    {
        const char c = text[i];
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        if (!letter && (i == 0 || c < '0' || c > '9'))
            return false;
    }
    return true;
}

namespace
{

std::string tagOf(const tinyxml2::XMLElement& element)
{
    return "<" + std::string(element.Name()) + ">";
}

std::string describe(const tinyxml2::XMLElement& element, Owner owner)
{
    if (owner.kind.empty())
        return tagOf(element);
    return std::string(owner.kind) + " '" + std::string(owner.id) + "'";
}

} // namespace

const std::vector<std::string>& richMarkupNames()
{
    static const std::vector<std::string> kNames = {"b", "i", "sub", "sup", "br", "link"};
    return kNames;
}

void Schema::checkValue(const tinyxml2::XMLElement& element, const Attributes::Entry& attribute,
                        const AttrSpec& spec)
{
    const std::string_view value = decodeXmlReferences(attribute.value, m_scratch);
    const auto where = [&]
    {
        return "<" + std::string(element.Name()) + " " + std::string(attribute.name()) + "=\"" +
               std::string(value) + "\">";
    };
    const int lineNum = attribute.attribute->GetLineNum();
    const int line = lineNum > 0 ? lineNum : element.GetLineNum();
    switch (spec.type)
    {
    case AttrType::Text:
        if (spec.required && isBlank(value))
            m_out.error(line, "bad-value",
                        where() + ": " + std::string(attribute.name()) + " must not be empty");
        break;
    case AttrType::Id:
        if (!isValidId(value))
            m_out.error(line, "bad-id",
                        where() + ": ids use letters, digits, '.', '_' and '-', 1 to 64 of them");
        break;
    case AttrType::PackId:
        if (!isValidPackId(value))
            m_out.error(line, "bad-id",
                        where() + ": a pack id is 3 to 64 of a-z, 0-9, '.', '_', '-', starting "
                                  "with a letter or digit (e.g. org.example.heparin)");
        break;
    case AttrType::Version:
        if (!isValidVersion(value))
            m_out.error(line, "bad-value",
                        where() + ": write the version as MAJOR.MINOR.PATCH, e.g. 1.0.0");
        break;
    case AttrType::Date:
        if (!isValidDate(value))
            m_out.error(line, "bad-date", where() + ": write a real date as YYYY-MM-DD");
        break;
    case AttrType::Lang:
        if (!isValidLang(value))
            m_out.error(line, "bad-value", where() + ": write a language tag such as en or en-GB");
        break;
    case AttrType::Enum:
    {
        bool known = false;
        for (const std::string& allowed : *spec.values)
            known = known || allowed == value;
        if (!known)
            m_out.error(line, "bad-value",
                        where() + ": must be " + joinEnum(*spec.values) +
                            didYouMean(value, *spec.values, "\"", "\""));
        break;
    }
    case AttrType::Integer:
    {
        long long number = 0;
        if (!parseWholeNumber(value, number) || number < static_cast<long long>(spec.min) ||
            number > static_cast<long long>(spec.max))
            m_out.error(line, "bad-value",
                        where() + ": must be a whole number from " +
                            std::to_string(static_cast<long long>(spec.min)) + " to " +
                            std::to_string(static_cast<long long>(spec.max)));
        break;
    }
    case AttrType::Number:
    case AttrType::PositiveNumber:
    {
        double number = 0;
        const bool parsed = parseDecimal(value, number);
        if (spec.type == AttrType::PositiveNumber &&
            (!parsed || number <= 0 || number > kMaxPositiveNumber))
            m_out.error(line, "bad-value",
                        where() + ": must be a number above 0 (at most " +
                            std::to_string(static_cast<int>(kMaxPositiveNumber)) + ")");
        else if (spec.type == AttrType::Number &&
                 (!parsed || number < spec.min || number > spec.max))
            m_out.error(line, "bad-value",
                        where() + ": must be a number from " +
                            std::to_string(static_cast<int>(spec.min)) + " to " +
                            std::to_string(static_cast<int>(spec.max)));
        break;
    }
    case AttrType::AnyText:
        break;
    case AttrType::Name:
        if (!isVariableName(value))
            m_out.error(line, "bad-value",
                        where() + ": a variable name is a letter or '_' then letters, digits "
                                  "or '_', at most 64 (e.g. weight, conc_2)");
        break;
    case AttrType::Tolerance:
    {
        std::string_view number = value;
        if (!number.empty() && number.back() == '%')
            number.remove_suffix(1);
        double parsed = 0;
        if (!parseDecimal(number, parsed) || parsed < 0 || number.find('+') == 0)
            m_out.error(line, "bad-value",
                        where() + ": write the tolerance as a number (\"0.05\") or a percent "
                                  "(\"2%\"), 0 or more");
        break;
    }
    case AttrType::NumberList:
    {
        bool good = false;
        for (std::size_t at = 0; at <= value.size();)
        {
            const std::size_t space = std::min(value.find(' ', at), value.size());
            const std::string_view item = value.substr(at, space - at);
            double parsed = 0;
            if (!item.empty())
            {
                good = parseDecimal(item, parsed) && std::fabs(parsed) <= kMaxQuantity;
                if (!good)
                    break;
            }
            at = space + 1;
        }
        if (!good)
            m_out.error(line, "bad-value",
                        where() + ": list the values as decimals separated by spaces, e.g. "
                                  "values=\"100 50\"");
        break;
    }
    case AttrType::Difficulty:
    {
        long long number = 0;
        if (!parseWholeNumber(value, number) || number < 1 || number > 5)
            m_out.error(line, "bad-difficulty",
                        where() + ": difficulty is a whole number from 1 (easiest) to 5");
        break;
    }
    }
}

Attributes::Attributes(const tinyxml2::XMLElement& element)
{
    for (const tinyxml2::XMLAttribute* attribute = element.FirstAttribute();
         attribute != nullptr && m_count < XmlDocument::kMaxAttributes;
         attribute = attribute->Next())
    {
        const char* name = attribute->Name();
        m_entries[m_count++] = {name, std::strlen(name), attribute->Value(), attribute};
    }
}

const char* Attributes::find(std::string_view name) const
{
    for (const Entry& entry : *this)
    {
        if (entry.name() == name)
            return entry.value;
    }
    return nullptr;
}

std::string Attributes::text(std::string_view name, std::string_view fallback) const
{
    const char* value = find(name);
    if (value == nullptr)
        return std::string(fallback);
    std::string scratch;
    return std::string(decodeXmlReferences(value, scratch));
}

long long Attributes::integer(std::string_view name, long long fallback) const
{
    long long value = 0;
    const char* text = find(name);
    std::string scratch;
    return text != nullptr && parseWholeNumber(decodeXmlReferences(text, scratch), value)
               ? value
               : fallback;
}

double Attributes::number(std::string_view name, double fallback) const
{
    double value = 0;
    const char* text = find(name);
    std::string scratch;
    return text != nullptr && parseDecimal(decodeXmlReferences(text, scratch), value) ? value
                                                                                      : fallback;
}

Children::Children(const tinyxml2::XMLElement& parent, const std::vector<ChildSpec>& specs)
    : m_parent(parent), m_specs(specs)
{
}

const tinyxml2::XMLElement* Children::first(std::string_view name) const
{
    const std::size_t count = std::min(m_specs.size(), kCapacity);
    for (std::size_t i = 0; i < count; ++i)
    {
        if (m_specs[i].name == name)
            return m_first[i];
    }
    return m_parent.FirstChildElement(std::string(name).c_str());
}

std::size_t Children::count(std::string_view name) const
{
    const std::size_t specCount = std::min(m_specs.size(), kCapacity);
    for (std::size_t i = 0; i < specCount; ++i)
    {
        if (m_specs[i].name == name)
            return static_cast<std::size_t>(m_counts[i]);
    }
    return 0;
}

Attributes Schema::checkAttributes(const tinyxml2::XMLElement& element,
                                   const std::vector<AttrSpec>& specs)
{
    Attributes attributes(element);
    // An element that takes none is reported once, however many it has.
    if (specs.empty() && attributes.size() > 0)
    {
        const Attributes::Entry& first = *attributes.begin();
        const std::size_t more = attributes.size() - 1;
        m_out.error(first.attribute->GetLineNum(), "unknown-attribute",
                    tagOf(element) + " takes no attributes, but has " + std::string(first.name()) +
                        "=" + (more == 0 ? "" : " and " + std::to_string(more) + " more"));
        return attributes;
    }
    for (const Attributes::Entry& attribute : attributes)
    {
        const AttrSpec* spec = nullptr;
        for (auto candidate = specs.begin(); candidate != specs.end() && spec == nullptr;
             ++candidate)
        {
            if (candidate->name == attribute.name())
                spec = &*candidate;
        }
        if (spec == nullptr)
        {
            const std::string name(attribute.name());
            m_out.error(attribute.attribute->GetLineNum(), "unknown-attribute",
                        "unknown attribute " + name + "= on " + tagOf(element) +
                            didYouMean(name, namesOf(specs), "", "="));
            continue;
        }
        checkValue(element, attribute, *spec);
    }
    for (const AttrSpec& spec : specs)
    {
        if (spec.required && !attributes.has(spec.name))
            m_out.error(element.GetLineNum(), "missing-attribute",
                        tagOf(element) + " needs " + std::string(spec.name) + "=\"...\"");
    }
    return attributes;
}

Children Schema::checkChildren(const tinyxml2::XMLElement& element,
                               const std::vector<ChildSpec>& specs, Owner owner)
{
    Children children(element, specs);
    const std::size_t specCount = std::min(specs.size(), kMaxChildSpecs);
    int* const counts = children.m_counts;
    int lastSlot = -1;
    std::string_view lastName;
    for (const tinyxml2::XMLNode* node = element.FirstChild(); node != nullptr;
         node = node->NextSibling())
    {
        const tinyxml2::XMLElement* child = node->ToElement();
        if (child == nullptr)
        {
            const tinyxml2::XMLText* text = node->ToText();
            if (text != nullptr && !isBlank(text->Value()))
                m_out.error(text->GetLineNum(), "unexpected-text",
                            "text directly inside " + describe(element, owner) +
                                "; put it inside an element");
            continue;
        }
        const std::string_view name = child->Name();
        std::size_t index = specCount;
        for (std::size_t i = 0; i < specCount && index == specCount; ++i)
        {
            if (name == specs[i].name)
                index = i;
        }
        if (index == specCount)
        {
            std::vector<std::string> names;
            for (const ChildSpec& spec : specs)
            {
                if (spec.max > 0)
                    names.emplace_back(spec.name);
            }
            m_out.error(child->GetLineNum(), "unknown-element",
                        "unknown element " + tagOf(*child) + " in " + describe(element, owner) +
                            didYouMean(name, names, "<", ">"));
            continue;
        }
        if (children.m_first[index] == nullptr)
            children.m_first[index] = child;
        const ChildSpec& spec = specs[index];
        if (spec.max == 0)
        {
            m_out.error(child->GetLineNum(), "unexpected-element",
                        tagOf(*child) + " is not allowed in " + describe(element, owner));
            continue;
        }
        const int slot = spec.slot >= 0 ? spec.slot : static_cast<int>(index);
        if (slot < lastSlot)
            m_out.error(child->GetLineNum(), "element-order",
                        tagOf(*child) + " must come before <" + std::string(lastName) + "> in " +
                            describe(element, owner));
        // Order is judged against the latest child, so one misplaced element is one error.
        lastSlot = slot;
        lastName = name;
        ++counts[index];
        if (spec.max != kUnbounded && counts[index] == spec.max + 1)
            m_out.error(child->GetLineNum(), "duplicate-element",
                        describe(element, owner) + " may have " +
                            (spec.max == 1 ? std::string("only one")
                                           : "at most " + std::to_string(spec.max)) +
                            " " + tagOf(*child));
    }
    for (std::size_t i = 0; i < specCount; ++i)
    {
        if (counts[i] < specs[i].min)
            m_out.error(element.GetLineNum(), "missing-element",
                        describe(element, owner) + " needs <" + std::string(specs[i].name) + ">");
    }
    return children;
}

void Schema::checkEmpty(const tinyxml2::XMLElement& element)
{
    for (const tinyxml2::XMLNode* node = element.FirstChild(); node != nullptr;
         node = node->NextSibling())
    {
        if (const tinyxml2::XMLElement* child = node->ToElement())
            m_out.error(child->GetLineNum(), "unexpected-element",
                        tagOf(element) + " takes no content, but holds " + tagOf(*child));
        else if (const tinyxml2::XMLText* text = node->ToText(); text && !isBlank(text->Value()))
            m_out.error(text->GetLineNum(), "unexpected-text",
                        tagOf(element) + " takes no text content");
    }
}

std::string Schema::readPlain(const tinyxml2::XMLElement& element)
{
    // The common case, one piece of text, is folded straight from the tree.
    const tinyxml2::XMLNode* only = element.FirstChild();
    if (only != nullptr && only->NextSibling() == nullptr && only->ToText() != nullptr)
        return foldWhiteSpace(xmlText(*only->ToText(), m_scratch));
    std::string raw;
    for (const tinyxml2::XMLNode* node = element.FirstChild(); node != nullptr;
         node = node->NextSibling())
    {
        if (const tinyxml2::XMLElement* child = node->ToElement())
        {
            m_out.error(child->GetLineNum(), "unexpected-element",
                        tagOf(*child) + " is not allowed in " + tagOf(element) +
                            ": it holds plain text only");
            if (xmlSpaceBefore(*child))
                raw += ' ';
            raw += xmlAllText(*child);
        }
        else if (const tinyxml2::XMLText* text = node->ToText())
        {
            raw += xmlText(*text, m_scratch);
        }
    }
    return foldWhiteSpace(raw);
}

RichText Schema::readRich(const tinyxml2::XMLElement& element)
{
    RichText text;
    // The common case, one piece of text already folded ("Dose 5 mL"), is one run as written.
    const tinyxml2::XMLNode* only = element.FirstChild();
    const tinyxml2::XMLText* piece =
        only != nullptr && only->NextSibling() == nullptr ? only->ToText() : nullptr;
    if (piece != nullptr)
    {
        const std::string_view raw = xmlText(*piece, m_scratch);
        if (!raw.empty() && isFolded(raw))
        {
            text.runs.emplace_back().text.assign(raw);
            return text;
        }
    }
    // About one run per child; most texts are a single run.
    std::size_t children = 0;
    for (const tinyxml2::XMLNode* node = element.FirstChild(); node != nullptr;
         node = node->NextSibling())
        children += node->ToElement() != nullptr ? 2 : 1;
    text.runs.reserve(children);
    FoldingWriter writer(text);
    readRichInto(element, writer, false, false, Script::Normal);
    return text;
}

void Schema::readRichInto(const tinyxml2::XMLElement& element, FoldingWriter& out, bool bold,
                          bool italic, Script script)
{
    for (const tinyxml2::XMLNode* node = element.FirstChild(); node != nullptr;
         node = node->NextSibling())
    {
        const tinyxml2::XMLElement* child = node->ToElement();
        if (child == nullptr)
        {
            if (const tinyxml2::XMLText* text = node->ToText())
                out.add(xmlText(*text, m_scratch), bold, italic, script);
            continue;
        }
        if (xmlSpaceBefore(*child))
            out.add(" ", bold, italic, script);
        const std::string_view name = child->Name();
        const std::vector<std::string>& allowed = richMarkupNames();
        if (std::find(allowed.begin(), allowed.end(), name) == allowed.end())
        {
            std::string suggestion = didYouMean(name, allowed, "<", ">");
            if (name == "strong")
                suggestion = " (use <b>)";
            else if (name == "em")
                suggestion = " (use <i>)";
            m_out.error(child->GetLineNum(), "unsupported-markup",
                        tagOf(*child) +
                            " is not allowed in rich text; use only <b> <i> <sub> <sup> <br/> "
                            "<link href>" +
                            suggestion);
            readRichInto(*child, out, bold, italic, script);
            continue;
        }
        if (name == "link")
        {
            // The text of a link, shown with its address; the game never opens it.
            static const std::vector<AttrSpec> kLinkAttributes = {{"href", true, AttrType::Text}};
            const char* href = checkAttributes(*child, kLinkAttributes).find("href");
            std::string outer = out.getLink();
            out.setLink(href == nullptr ? std::string()
                                        : std::string(decodeXmlReferences(href, m_scratch)));
            readRichInto(*child, out, bold, italic, script);
            out.setLink(std::move(outer));
            continue;
        }
        (void)checkAttributes(*child, {});
        if (name == "br")
        {
            checkEmpty(*child);
            out.addBreak();
        }
        else if (name == "b")
            readRichInto(*child, out, true, italic, script);
        else if (name == "i")
            readRichInto(*child, out, bold, true, script);
        else
            readRichInto(*child, out, bold, italic, name == "sub" ? Script::Sub : Script::Super);
    }
}

} // namespace quiz::core

#include "XmlSchema.hpp"

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace quiz::core
{
namespace
{

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isBlank(const std::string& text)
{
    for (const char c : text)
    {
        if (!isSpace(c))
            return false;
    }
    return true;
}

std::vector<std::string> namesOf(std::initializer_list<AttrSpec> specs)
{
    std::vector<std::string> names;
    for (const AttrSpec& spec : specs)
        names.push_back(spec.name);
    return names;
}

std::string didYouMean(const std::string& word, const std::vector<std::string>& candidates,
                       const std::string& open, const std::string& close)
{
    const std::string guess = closestMatch(word, candidates);
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

bool isLeapYear(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

} // namespace

bool parseWholeNumber(const std::string& text, long long& value)
{
    if (text.empty() || text.size() > 18)
        return false;
    std::size_t i = text[0] == '-' ? 1 : 0;
    if (i == text.size())
        return false;
    for (; i < text.size(); ++i)
    {
        if (!std::isdigit(static_cast<unsigned char>(text[i])))
            return false;
    }
    value = std::strtoll(text.c_str(), nullptr, 10);
    return true;
}

bool parseDecimal(const std::string& text, double& value)
{
    if (text.empty() || text.size() > 32)
        return false;
    for (const char c : text)
    {
        // Plain decimals only: no hex floats, exponents, "inf" or "nan" sneaking through strtod.
        if (!std::isdigit(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != '+')
            return false;
    }
    errno = 0;
    char* end = nullptr;
    value = std::strtod(text.c_str(), &end);
    return errno == 0 && end == text.c_str() + text.size() && std::isfinite(value);
}

bool isValidId(const std::string& text)
{
    if (text.empty() || text.size() > 64)
        return false;
    for (const char c : text)
    {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-')
            return false;
    }
    return true;
}

bool isValidPackId(const std::string& text)
{
    if (text.size() < 3 || text.size() > 64)
        return false;
    for (std::size_t i = 0; i < text.size(); ++i)
    {
        const char c = text[i];
        const bool lowerOrDigit = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (i == 0 ? !lowerOrDigit : !(lowerOrDigit || c == '.' || c == '_' || c == '-'))
            return false;
    }
    return true;
}

bool isValidDate(const std::string& text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return false;
    for (const std::size_t i : {0U, 1U, 2U, 3U, 5U, 6U, 8U, 9U})
    {
        if (!std::isdigit(static_cast<unsigned char>(text[i])))
            return false;
    }
    const int year = std::stoi(text.substr(0, 4));
    const int month = std::stoi(text.substr(5, 2));
    const int day = std::stoi(text.substr(8, 2));
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (year < 1900 || month < 1 || month > 12 || day < 1)
        return false;
    const int maxDay = kDays[month - 1] + (month == 2 && isLeapYear(year) ? 1 : 0);
    return day <= maxDay;
}

namespace
{

bool isValidVersion(const std::string& text)
{
    std::size_t i = 0;
    for (int part = 0; part < 3; ++part)
    {
        const std::size_t start = i;
        while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])))
            ++i;
        if (i == start || i - start > 9)
            return false;
        if (part < 2)
        {
            if (i >= text.size() || text[i] != '.')
                return false;
            ++i;
        }
    }
    if (i == text.size())
        return true;
    if (text[i] != '-' || i + 1 == text.size())
        return false;
    for (++i; i < text.size(); ++i)
    {
        if (!std::isalnum(static_cast<unsigned char>(text[i])) && text[i] != '.' && text[i] != '-')
            return false;
    }
    return true;
}

bool isValidLang(const std::string& text)
{
    std::size_t i = 0;
    std::size_t letters = 0;
    while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i])))
    {
        ++i;
        ++letters;
    }
    if (letters < 2 || letters > 3)
        return false;
    while (i < text.size())
    {
        if (text[i] != '-')
            return false;
        const std::size_t start = ++i;
        while (i < text.size() && std::isalnum(static_cast<unsigned char>(text[i])))
            ++i;
        if (i == start || i - start > 8)
            return false;
    }
    return true;
}

} // namespace

void Schema::checkValue(const XmlNode& element, const XmlAttribute& attribute, const AttrSpec& spec)
{
    const std::string& value = attribute.value;
    const std::string where = "<" + element.name + " " + attribute.name + "=\"" + value + "\">";
    const int line = attribute.line > 0 ? attribute.line : element.line;
    switch (spec.type)
    {
    case AttrType::Text:
        if (spec.required && isBlank(value))
            m_out.error(line, "bad-value", where + ": " + attribute.name + " must not be empty");
        break;
    case AttrType::Id:
        if (!isValidId(value))
            m_out.error(line, "bad-id",
                        where + ": ids use letters, digits, '.', '_' and '-', 1 to 64 of them");
        break;
    case AttrType::PackId:
        if (!isValidPackId(value))
            m_out.error(line, "bad-id",
                        where + ": a pack id is 3 to 64 of a-z, 0-9, '.', '_', '-', starting "
                                "with a letter or digit (e.g. org.example.heparin)");
        break;
    case AttrType::Version:
        if (!isValidVersion(value))
            m_out.error(line, "bad-value",
                        where + ": write the version as MAJOR.MINOR.PATCH, e.g. 1.0.0");
        break;
    case AttrType::Date:
        if (!isValidDate(value))
            m_out.error(line, "bad-date", where + ": write a real date as YYYY-MM-DD");
        break;
    case AttrType::Lang:
        if (!isValidLang(value))
            m_out.error(line, "bad-value", where + ": write a language tag such as en or en-GB");
        break;
    case AttrType::Enum:
    {
        bool known = false;
        for (const std::string& allowed : *spec.values)
            known = known || allowed == value;
        if (!known)
            m_out.error(line, "bad-value",
                        where + ": must be " + joinEnum(*spec.values) +
                            didYouMean(value, *spec.values, "\"", "\""));
        break;
    }
    case AttrType::Integer:
    {
        long long number = 0;
        if (!parseWholeNumber(value, number) || number < static_cast<long long>(spec.min) ||
            number > static_cast<long long>(spec.max))
            m_out.error(line, "bad-value",
                        where + ": must be a whole number from " +
                            std::to_string(static_cast<long long>(spec.min)) + " to " +
                            std::to_string(static_cast<long long>(spec.max)));
        break;
    }
    case AttrType::Number:
    case AttrType::PositiveNumber:
    {
        double number = 0;
        const bool parsed = parseDecimal(value, number);
        if (spec.type == AttrType::PositiveNumber && (!parsed || number <= 0 || number > 1000))
            m_out.error(line, "bad-value", where + ": must be a number above 0 (at most 1000)");
        else if (spec.type == AttrType::Number &&
                 (!parsed || number < spec.min || number > spec.max))
            m_out.error(line, "bad-value",
                        where + ": must be a number from " +
                            std::to_string(static_cast<int>(spec.min)) + " to " +
                            std::to_string(static_cast<int>(spec.max)));
        break;
    }
    case AttrType::Difficulty:
    {
        long long number = 0;
        if (!parseWholeNumber(value, number) || number < 1 || number > 5)
            m_out.error(line, "bad-difficulty",
                        where + ": difficulty is a whole number from 1 (easiest) to 5");
        break;
    }
    }
}

void Schema::checkAttributes(const XmlNode& element, std::initializer_list<AttrSpec> specs)
{
    for (const XmlAttribute& attribute : element.attributes)
    {
        const AttrSpec* spec = nullptr;
        for (const AttrSpec& candidate : specs)
        {
            if (attribute.name == candidate.name)
                spec = &candidate;
        }
        if (spec == nullptr)
        {
            const int line = attribute.line > 0 ? attribute.line : element.line;
            if (specs.size() == 0)
                m_out.error(line, "unknown-attribute",
                            "<" + element.name + "> takes no attributes, but has " +
                                attribute.name + "=");
            else
                m_out.error(line, "unknown-attribute",
                            "unknown attribute " + attribute.name + "= on <" + element.name + ">" +
                                didYouMean(attribute.name, namesOf(specs), "", "="));
            continue;
        }
        checkValue(element, attribute, *spec);
    }
    for (const AttrSpec& spec : specs)
    {
        if (spec.required && element.findAttribute(spec.name) == nullptr)
            m_out.error(element.line, "missing-attribute",
                        "<" + element.name + "> needs " + std::string(spec.name) + "=\"...\"");
    }
}

void Schema::checkChildren(const XmlNode& element, std::initializer_list<ChildSpec> specs,
                           const std::string& where)
{
    const std::string owner = where.empty() ? "<" + element.name + ">" : where;
    const ChildSpec* const first = specs.begin();
    std::vector<int> counts(specs.size(), 0);
    int lastSlot = -1;
    std::string lastName;
    for (const XmlNode& child : element.children)
    {
        if (!child.isElement())
        {
            if (!isBlank(child.text))
                m_out.error(child.line, "unexpected-text",
                            "text directly inside " + owner + "; put it inside an element");
            continue;
        }
        std::size_t index = specs.size();
        for (std::size_t i = 0; i < specs.size(); ++i)
        {
            if (child.name == first[i].name)
                index = i;
        }
        if (index == specs.size())
        {
            std::vector<std::string> names;
            for (const ChildSpec& spec : specs)
            {
                if (spec.max > 0)
                    names.push_back(spec.name);
            }
            m_out.error(child.line, "unknown-element",
                        "unknown element <" + child.name + "> in " + owner +
                            didYouMean(child.name, names, "<", ">"));
            continue;
        }
        const ChildSpec& spec = first[index];
        if (spec.max == 0)
        {
            m_out.error(child.line, "unexpected-element",
                        "<" + child.name + "> is not allowed in " + owner);
            continue;
        }
        const int slot = spec.slot >= 0 ? spec.slot : static_cast<int>(index);
        if (slot < lastSlot)
            m_out.error(child.line, "element-order",
                        "<" + child.name + "> must come before <" + lastName + "> in " + owner);
        // Order is judged against the latest child, so one misplaced element is one error.
        lastSlot = slot;
        lastName = child.name;
        ++counts[index];
        if (spec.max != kUnbounded && counts[index] == spec.max + 1)
            m_out.error(child.line, "duplicate-element",
                        owner + " may have " +
                            (spec.max == 1 ? std::string("only one")
                                           : "at most " + std::to_string(spec.max)) +
                            " <" + child.name + ">");
    }
    for (std::size_t i = 0; i < specs.size(); ++i)
    {
        if (counts[i] < first[i].min)
            m_out.error(element.line, "missing-element",
                        owner + " needs <" + std::string(first[i].name) + ">");
    }
}

void Schema::checkEmpty(const XmlNode& element)
{
    for (const XmlNode& child : element.children)
    {
        if (child.isElement())
            m_out.error(child.line, "unexpected-element",
                        "<" + element.name + "> takes no content, but holds <" + child.name + ">");
        else if (!isBlank(child.text))
            m_out.error(child.line, "unexpected-text",
                        "<" + element.name + "> takes no text content");
    }
}

std::string Schema::readPlain(const XmlNode& element)
{
    std::string raw;
    for (const XmlNode& child : element.children)
    {
        if (child.isElement())
        {
            m_out.error(child.line, "unexpected-element",
                        "<" + child.name + "> is not allowed in <" + element.name +
                            ">: it holds plain text only");
            raw += child.getAllText();
            continue;
        }
        raw += child.text;
    }
    return foldWhiteSpace(raw);
}

RichText Schema::readRich(const XmlNode& element)
{
    RichText raw;
    readRichInto(element, raw, false, false, Script::Normal);
    return foldWhiteSpace(raw);
}

void Schema::readRichInto(const XmlNode& element, RichText& raw, bool bold, bool italic,
                          Script script)
{
    static const std::vector<std::string> kAllowed = {"b", "i", "sub", "sup", "br"};
    for (const XmlNode& child : element.children)
    {
        if (!child.isElement())
        {
            raw.append(child.text, bold, italic, script);
            continue;
        }
        bool known = false;
        for (const std::string& name : kAllowed)
            known = known || child.name == name;
        if (!known)
        {
            std::string suggestion = didYouMean(child.name, kAllowed, "<", ">");
            if (child.name == "strong")
                suggestion = " (use <b>)";
            else if (child.name == "em")
                suggestion = " (use <i>)";
            m_out.error(child.line, "unsupported-markup",
                        "<" + child.name +
                            "> is not allowed in rich text; use only <b> <i> <sub> <sup> <br/>" +
                            suggestion);
            readRichInto(child, raw, bold, italic, script);
            continue;
        }
        checkAttributes(child, {});
        if (child.name == "br")
        {
            checkEmpty(child);
            raw.appendBreak();
        }
        else if (child.name == "b")
            readRichInto(child, raw, true, italic, script);
        else if (child.name == "i")
            readRichInto(child, raw, bold, true, script);
        else
            readRichInto(child, raw, bold, italic,
                         child.name == "sub" ? Script::Sub : Script::Super);
    }
}

long long Schema::getInteger(const XmlNode& element, const std::string& name,
                             long long fallback) const
{
    long long value = 0;
    const XmlAttribute* attribute = element.findAttribute(name);
    return attribute != nullptr && parseWholeNumber(attribute->value, value) ? value : fallback;
}

double Schema::getNumber(const XmlNode& element, const std::string& name, double fallback) const
{
    double value = 0;
    const XmlAttribute* attribute = element.findAttribute(name);
    return attribute != nullptr && parseDecimal(attribute->value, value) ? value : fallback;
}

RichText foldWhiteSpace(const RichText& raw)
{
    RichText folded;
    bool pendingSpace = false;
    bool atLineStart = true;
    const TextRun* spaceStyle = nullptr;
    for (const TextRun& run : raw.runs)
    {
        if (run.lineBreak)
        {
            folded.appendBreak();
            pendingSpace = false;
            atLineStart = true;
            continue;
        }
        std::string piece;
        for (const char c : run.text)
        {
            if (isSpace(c))
            {
                if (!atLineStart && !pendingSpace)
                {
                    // Flush what we have so the space keeps the style it was written in.
                    folded.append(piece, run.bold, run.italic, run.script);
                    piece.clear();
                    pendingSpace = true;
                    spaceStyle = &run;
                }
                continue;
            }
            if (pendingSpace)
            {
                folded.append(piece, run.bold, run.italic, run.script);
                piece.clear();
                folded.append(" ", spaceStyle->bold, spaceStyle->italic, spaceStyle->script);
                pendingSpace = false;
            }
            piece += c;
            atLineStart = false;
        }
        folded.append(piece, run.bold, run.italic, run.script);
    }
    return folded;
}

std::string foldWhiteSpace(const std::string& raw)
{
    return foldWhiteSpace(RichText::fromPlain(raw)).toPlain();
}

} // namespace quiz::core

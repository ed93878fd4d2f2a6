#include "XmlSchema.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace quiz::core
{
namespace
{

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isBlank(std::string_view text)
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

bool isLeapYear(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

} // namespace

bool parseWholeNumber(std::string_view text, long long& value)
{
    if (text.empty() || text.size() > 18)
        return false;
    const bool negative = text[0] == '-';
    std::size_t i = negative ? 1 : 0;
    if (i == text.size())
        return false;
    long long number = 0;
    for (; i < text.size(); ++i)
    {
        if (text[i] < '0' || text[i] > '9')
            return false;
        number = number * 10 + (text[i] - '0');
    }
    value = negative ? -number : number;
    return true;
}

bool parseDecimal(std::string_view text, double& value)
{
    if (text.empty() || text.size() > 32)
        return false;
    for (const char c : text)
    {
        // Plain decimals only: no hex floats, exponents, "inf" or "nan" sneaking through strtod.
        if (!std::isdigit(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != '+')
            return false;
    }
    char buffer[33] = {};
    text.copy(buffer, text.size());
    errno = 0;
    char* end = nullptr;
    value = std::strtod(buffer, &end);
    return errno == 0 && end == buffer + text.size() && std::isfinite(value);
}

bool isValidId(std::string_view text)
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

bool isValidPackId(std::string_view text)
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

bool isValidDate(std::string_view text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return false;
    int digits[10] = {};
    for (const std::size_t i : {0U, 1U, 2U, 3U, 5U, 6U, 8U, 9U})
    {
        if (!std::isdigit(static_cast<unsigned char>(text[i])))
            return false;
        digits[i] = text[i] - '0';
    }
    const int year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3];
    const int month = digits[5] * 10 + digits[6];
    const int day = digits[8] * 10 + digits[9];
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (year < 1900 || month < 1 || month > 12 || day < 1)
        return false;
    const int maxDay = kDays[month - 1] + (month == 2 && isLeapYear(year) ? 1 : 0);
    return day <= maxDay;
}

namespace
{

bool isValidVersion(std::string_view text)
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

bool isValidLang(std::string_view text)
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

/// Writes rich or plain text with XML white space folded as it goes: a run of white space
/// becomes one space in the style it was written in, none at the start, at the end or next to
/// a line break.
class FoldingWriter
{
public:
    explicit FoldingWriter(RichText& out) : m_out(out) {}

    void add(std::string_view text, bool bold, bool italic, Script script)
    {
        std::size_t i = 0;
        while (i < text.size())
        {
            if (isSpace(text[i]))
            {
                if (!m_atLineStart && !m_pendingSpace)
                {
                    m_pendingSpace = true;
                    m_spaceBold = bold;
                    m_spaceItalic = italic;
                    m_spaceScript = script;
                }
                ++i;
                continue;
            }
            // Words joined by single plain spaces are already folded: append them as one piece.
            std::size_t end = i + 1;
            for (;;)
            {
                while (end < text.size() && !isSpace(text[end]))
                    ++end;
                if (end + 1 < text.size() && text[end] == ' ' && !isSpace(text[end + 1]))
                {
                    end += 2;
                    continue;
                }
                break;
            }
            if (m_pendingSpace)
            {
                m_out.append(" ", m_spaceBold, m_spaceItalic, m_spaceScript);
                m_pendingSpace = false;
            }
            m_out.append(text.substr(i, end - i), bold, italic, script);
            m_atLineStart = false;
            i = end;
        }
    }

    void addBreak()
    {
        m_out.appendBreak();
        m_pendingSpace = false;
        m_atLineStart = true;
    }

private:
    RichText& m_out;
    bool m_pendingSpace = false;
    bool m_atLineStart = true;
    bool m_spaceBold = false;
    bool m_spaceItalic = false;
    Script m_spaceScript = Script::Normal;
};

namespace
{

std::string tagOf(const XmlTreeNode& element)
{
    return "<" + std::string(element.name) + ">";
}

std::string describe(const XmlTreeNode& element, Owner owner)
{
    if (owner.kind.empty())
        return tagOf(element);
    return std::string(owner.kind) + " '" + std::string(owner.id) + "'";
}

} // namespace

void Schema::checkValue(const XmlTreeNode& element, const XmlTreeAttribute& attribute,
                        const AttrSpec& spec)
{
    const std::string_view value = attribute.value;
    const auto where = [&]
    {
        return "<" + std::string(element.name) + " " + std::string(attribute.name) + "=\"" +
               std::string(value) + "\">";
    };
    const int line = attribute.line > 0 ? attribute.line : element.line;
    switch (spec.type)
    {
    case AttrType::Text:
        if (spec.required && isBlank(value))
            m_out.error(line, "bad-value",
                        where() + ": " + std::string(attribute.name) + " must not be empty");
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
        if (spec.type == AttrType::PositiveNumber && (!parsed || number <= 0 || number > 1000))
            m_out.error(line, "bad-value", where() + ": must be a number above 0 (at most 1000)");
        else if (spec.type == AttrType::Number &&
                 (!parsed || number < spec.min || number > spec.max))
            m_out.error(line, "bad-value",
                        where() + ": must be a number from " +
                            std::to_string(static_cast<int>(spec.min)) + " to " +
                            std::to_string(static_cast<int>(spec.max)));
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

void Schema::checkAttributes(const XmlTreeNode& element, std::initializer_list<AttrSpec> specs)
{
    for (const XmlTreeAttribute* attribute = element.beginAttributes();
         attribute != element.endAttributes(); ++attribute)
    {
        const AttrSpec* spec = nullptr;
        for (const AttrSpec& candidate : specs)
        {
            if (attribute->name == candidate.name)
                spec = &candidate;
        }
        if (spec == nullptr)
        {
            const int line = attribute->line > 0 ? attribute->line : element.line;
            const std::string name(attribute->name);
            if (specs.size() == 0)
                m_out.error(line, "unknown-attribute",
                            tagOf(element) + " takes no attributes, but has " + name + "=");
            else
                m_out.error(line, "unknown-attribute",
                            "unknown attribute " + name + "= on " + tagOf(element) +
                                didYouMean(name, namesOf(specs), "", "="));
            continue;
        }
        checkValue(element, *attribute, *spec);
    }
    for (const AttrSpec& spec : specs)
    {
        if (spec.required && element.findAttribute(spec.name) == nullptr)
            m_out.error(element.line, "missing-attribute",
                        tagOf(element) + " needs " + std::string(spec.name) + "=\"...\"");
    }
}

void Schema::checkChildren(const XmlTreeNode& element, std::initializer_list<ChildSpec> specs,
                           Owner owner)
{
    const ChildSpec* const first = specs.begin();
    const std::size_t specCount = std::min(specs.size(), kMaxChildSpecs);
    int counts[kMaxChildSpecs] = {};
    int lastSlot = -1;
    std::string_view lastName;
    for (const XmlTreeNode& child : element.getChildren())
    {
        if (!child.isElement())
        {
            if (!isBlank(child.value))
                m_out.error(child.line, "unexpected-text",
                            "text directly inside " + describe(element, owner) +
                                "; put it inside an element");
            continue;
        }
        std::size_t index = specCount;
        for (std::size_t i = 0; i < specCount; ++i)
        {
            if (child.name == first[i].name)
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
            m_out.error(child.line, "unknown-element",
                        "unknown element " + tagOf(child) + " in " + describe(element, owner) +
                            didYouMean(child.name, names, "<", ">"));
            continue;
        }
        const ChildSpec& spec = first[index];
        if (spec.max == 0)
        {
            m_out.error(child.line, "unexpected-element",
                        tagOf(child) + " is not allowed in " + describe(element, owner));
            continue;
        }
        const int slot = spec.slot >= 0 ? spec.slot : static_cast<int>(index);
        if (slot < lastSlot)
            m_out.error(child.line, "element-order",
                        tagOf(child) + " must come before <" + std::string(lastName) + "> in " +
                            describe(element, owner));
        // Order is judged against the latest child, so one misplaced element is one error.
        lastSlot = slot;
        lastName = child.name;
        ++counts[index];
        if (spec.max != kUnbounded && counts[index] == spec.max + 1)
            m_out.error(child.line, "duplicate-element",
                        describe(element, owner) + " may have " +
                            (spec.max == 1 ? std::string("only one")
                                           : "at most " + std::to_string(spec.max)) +
                            " " + tagOf(child));
    }
    for (std::size_t i = 0; i < specCount; ++i)
    {
        if (counts[i] < first[i].min)
            m_out.error(element.line, "missing-element",
                        describe(element, owner) + " needs <" + std::string(first[i].name) + ">");
    }
}

void Schema::checkEmpty(const XmlTreeNode& element)
{
    for (const XmlTreeNode& child : element.getChildren())
    {
        if (child.isElement())
            m_out.error(child.line, "unexpected-element",
                        tagOf(element) + " takes no content, but holds " + tagOf(child));
        else if (!isBlank(child.value))
            m_out.error(child.line, "unexpected-text", tagOf(element) + " takes no text content");
    }
}

std::string Schema::readPlain(const XmlTreeNode& element)
{
    // The common case, one piece of text, is folded straight from the tree.
    const XmlTreeNode* only = element.getFirstChild();
    if (only != nullptr && only->getNextSibling() == nullptr && !only->isElement())
        return foldWhiteSpace(only->value);
    std::string raw;
    for (const XmlTreeNode& child : element.getChildren())
    {
        if (child.isElement())
        {
            m_out.error(child.line, "unexpected-element",
                        tagOf(child) + " is not allowed in " + tagOf(element) +
                            ": it holds plain text only");
            if (child.spaceBefore)
                raw += ' ';
            raw += child.getAllText();
            continue;
        }
        raw += child.value;
    }
    return foldWhiteSpace(raw);
}

RichText Schema::readRich(const XmlTreeNode& element)
{
    RichText text;
    // About one run per child; most texts are a single run.
    std::size_t children = 0;
    for (const XmlTreeNode& child : element.getChildren())
        children += child.isElement() ? 2 : 1;
    text.runs.reserve(children);
    FoldingWriter writer(text);
    readRichInto(element, writer, false, false, Script::Normal);
    return text;
}

void Schema::readRichInto(const XmlTreeNode& element, FoldingWriter& out, bool bold, bool italic,
                          Script script)
{
    static const std::vector<std::string> kAllowed = {"b", "i", "sub", "sup", "br"};
    for (const XmlTreeNode& child : element.getChildren())
    {
        if (!child.isElement())
        {
            out.add(child.value, bold, italic, script);
            continue;
        }
        if (child.spaceBefore)
            out.add(" ", bold, italic, script);
        const std::string_view name = child.name;
        const bool known =
            name == "b" || name == "i" || name == "sub" || name == "sup" || name == "br";
        if (!known)
        {
            std::string suggestion = didYouMean(name, kAllowed, "<", ">");
            if (name == "strong")
                suggestion = " (use <b>)";
            else if (name == "em")
                suggestion = " (use <i>)";
            m_out.error(child.line, "unsupported-markup",
                        tagOf(child) +
                            " is not allowed in rich text; use only <b> <i> <sub> <sup> <br/>" +
                            suggestion);
            readRichInto(child, out, bold, italic, script);
            continue;
        }
        checkAttributes(child, {});
        if (name == "br")
        {
            checkEmpty(child);
            out.addBreak();
        }
        else if (name == "b")
            readRichInto(child, out, true, italic, script);
        else if (name == "i")
            readRichInto(child, out, bold, true, script);
        else
            readRichInto(child, out, bold, italic, name == "sub" ? Script::Sub : Script::Super);
    }
}

long long Schema::getInteger(const XmlTreeNode& element, std::string_view name,
                             long long fallback) const
{
    long long value = 0;
    const XmlTreeAttribute* attribute = element.findAttribute(name);
    return attribute != nullptr && parseWholeNumber(attribute->value, value) ? value : fallback;
}

double Schema::getNumber(const XmlTreeNode& element, std::string_view name, double fallback) const
{
    double value = 0;
    const XmlTreeAttribute* attribute = element.findAttribute(name);
    return attribute != nullptr && parseDecimal(attribute->value, value) ? value : fallback;
}

RichText foldWhiteSpace(const RichText& raw)
{
    RichText folded;
    FoldingWriter writer(folded);
    for (const TextRun& run : raw.runs)
    {
        if (run.lineBreak)
            writer.addBreak();
        else
            writer.add(run.text, run.bold, run.italic, run.script);
    }
    return folded;
}

void appendFolded(std::string& out, std::string_view raw, bool& pendingSpace)
{
    out.reserve(out.size() + raw.size());
    for (const char c : raw)
    {
        if (isSpace(c))
        {
            pendingSpace = !out.empty();
            continue;
        }
        if (pendingSpace)
            out += ' ';
        pendingSpace = false;
        out += c;
    }
}

std::string foldWhiteSpace(std::string_view raw)
{
    std::string out;
    bool pendingSpace = false;
    appendFolded(out, raw, pendingSpace);
    return out;
}

} // namespace quiz::core

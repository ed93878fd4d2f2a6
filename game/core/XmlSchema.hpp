#pragma once

#include "Diagnostic.hpp"
#include "RichText.hpp"
#include "Xml.hpp"

#include <initializer_list>
#include <limits>
#include <string>
#include <vector>

namespace quiz::core
{

inline constexpr int kUnbounded = std::numeric_limits<int>::max();

enum class AttrType
{
    Text,
    Id,      ///< [A-Za-z0-9._-]{1,64}
    PackId,  ///< [a-z0-9][a-z0-9._-]{2,63}
    Version, ///< MAJOR.MINOR.PATCH[-label]
    Date,    ///< YYYY-MM-DD, a real calendar date
    Lang,    ///< BCP 47 shape
    Enum,    ///< one of `values`
    Integer, ///< whole number in [min, max]
    Number,  ///< finite decimal in [min, max]
    PositiveNumber,
    Difficulty ///< whole number 1..5, reported as [bad-difficulty]
};

struct AttrSpec
{
    AttrSpec(const char* specName, bool isRequired, AttrType specType,
             const std::vector<std::string>* allowed = nullptr, double low = 0, double high = 0)
        : name(specName), required(isRequired), type(specType), values(allowed), min(low), max(high)
    {
    }

    const char* name;
    bool required = false;
    AttrType type = AttrType::Text;
    const std::vector<std::string>* values; ///< for AttrType::Enum; outlives the spec
    double min = 0;
    double max = 0;
};

/// A permitted child element. `slot` orders children: a child may not follow one with a
/// higher slot. Children sharing a slot are alternatives. -1 means "its index in the list".
struct ChildSpec
{
    ChildSpec(const char* specName, int low, int high, int order = -1)
        : name(specName), min(low), max(high), slot(order)
    {
    }

    const char* name;
    int min = 0;
    int max = kUnbounded;
    int slot = -1;
};

/// Table-driven structural checks over an XmlNode tree, reporting into one DiagnosticList:
/// unknown or missing elements and attributes (with "did you mean"), order, counts, value
/// types, and reading plain and rich text with XML white space folded.
class Schema
{
public:
    explicit Schema(DiagnosticList& out) : m_out(out) {}

    [[nodiscard]] DiagnosticList& diagnostics() { return m_out; }

    void checkAttributes(const XmlNode& element, std::initializer_list<AttrSpec> specs);
    /// `where` names the owner in messages, e.g. "question 'q1'".
    void checkChildren(const XmlNode& element, std::initializer_list<ChildSpec> specs,
                       const std::string& where = {});
    /// The element must have no child elements and no text.
    void checkEmpty(const XmlNode& element);

    /// Text content with no markup allowed; white space folded and trimmed.
    [[nodiscard]] std::string readPlain(const XmlNode& element);
    /// Rich text: <b> <i> <sub> <sup> <br/> only; anything else is [unsupported-markup].
    [[nodiscard]] RichText readRich(const XmlNode& element);

    /// Values of attributes already validated by checkAttributes (fallback when absent/bad).
    [[nodiscard]] long long getInteger(const XmlNode& element, const std::string& name,
                                       long long fallback) const;
    [[nodiscard]] double getNumber(const XmlNode& element, const std::string& name,
                                   double fallback) const;

private:
    void checkValue(const XmlNode& element, const XmlAttribute& attribute, const AttrSpec& spec);
    void readRichInto(const XmlNode& element, RichText& raw, bool bold, bool italic, Script script);

    DiagnosticList& m_out;
};

[[nodiscard]] bool parseWholeNumber(const std::string& text, long long& value);
[[nodiscard]] bool parseDecimal(const std::string& text, double& value);
[[nodiscard]] bool isValidId(const std::string& text);
[[nodiscard]] bool isValidPackId(const std::string& text);
[[nodiscard]] bool isValidDate(const std::string& text);
/// Folds XML white space in rich text: runs become one space, none at the start or end of
/// the text or next to a line break.
[[nodiscard]] RichText foldWhiteSpace(const RichText& raw);
[[nodiscard]] std::string foldWhiteSpace(const std::string& raw);

} // namespace quiz::core

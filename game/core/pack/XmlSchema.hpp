#pragma once

#include "Diagnostic.hpp"
#include "RichText.hpp"
#include "XmlTree.hpp"

#include <initializer_list>
#include <limits>
#include <string>
#include <string_view>
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
    constexpr AttrSpec(std::string_view specName, bool isRequired, AttrType specType,
                       const std::vector<std::string>* allowed = nullptr, double low = 0,
                       double high = 0)
        : name(specName), required(isRequired), type(specType), values(allowed), min(low), max(high)
    {
    }

    std::string_view name;
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
    constexpr ChildSpec(std::string_view specName, int low, int high, int order = -1)
        : name(specName), min(low), max(high), slot(order)
    {
    }

    std::string_view name;
    int min = 0;
    int max = kUnbounded;
    int slot = -1;
};

/// Names the owner of some children in messages, e.g. kind "question" and id "q1" read
/// "question 'q1'"; with no kind, the element's tag is used.
struct Owner
{
    std::string_view kind;
    std::string_view id;
};

class FoldingWriter;

/// Table-driven structural checks over an XmlTreeNode tree, reporting into one DiagnosticList:
/// unknown or missing elements and attributes (with "did you mean"), order, counts, value
/// types, and reading plain and rich text with XML white space folded. Message text is built
/// only when there is something to report: this runs for every element of every pack.
class Schema
{
public:
    explicit Schema(DiagnosticList& out) : m_out(out) {}

    [[nodiscard]] DiagnosticList& diagnostics() { return m_out; }

    void checkAttributes(const XmlTreeNode& element, std::initializer_list<AttrSpec> specs);
    /// At most kMaxChildSpecs specs.
    void checkChildren(const XmlTreeNode& element, std::initializer_list<ChildSpec> specs,
                       Owner owner = {});
    /// The element must have no child elements and no text.
    void checkEmpty(const XmlTreeNode& element);

    /// Text content with no markup allowed; white space folded and trimmed.
    [[nodiscard]] std::string readPlain(const XmlTreeNode& element);
    /// Rich text: <b> <i> <sub> <sup> <br/> only; anything else is [unsupported-markup].
    [[nodiscard]] RichText readRich(const XmlTreeNode& element);

    /// Values of attributes already validated by checkAttributes (fallback when absent/bad).
    [[nodiscard]] long long getInteger(const XmlTreeNode& element, std::string_view name,
                                       long long fallback) const;
    [[nodiscard]] double getNumber(const XmlTreeNode& element, std::string_view name,
                                   double fallback) const;

    static constexpr std::size_t kMaxChildSpecs = 16;

private:
    void checkValue(const XmlTreeNode& element, const XmlTreeAttribute& attribute,
                    const AttrSpec& spec);
    void readRichInto(const XmlTreeNode& element, FoldingWriter& out, bool bold, bool italic,
                      Script script);

    DiagnosticList& m_out;
};

[[nodiscard]] bool parseWholeNumber(std::string_view text, long long& value);
[[nodiscard]] bool parseDecimal(std::string_view text, double& value);
[[nodiscard]] bool isValidId(std::string_view text);
[[nodiscard]] bool isValidPackId(std::string_view text);
[[nodiscard]] bool isValidDate(std::string_view text);
/// Folds XML white space in rich text: runs become one space, none at the start or end of
/// the text or next to a line break.
[[nodiscard]] RichText foldWhiteSpace(const RichText& raw);
[[nodiscard]] std::string foldWhiteSpace(std::string_view raw);
/// Appends `raw` to `out` with XML white space folded: a run becomes one space, none at the
/// start of `out`. A run at the end is left in `pendingSpace` and written before the next text.
void appendFolded(std::string& out, std::string_view raw, bool& pendingSpace);

} // namespace quiz::core

#pragma once

#include "Diagnostic.hpp"
#include "RichText.hpp"
#include "XmlDocument.hpp"

#include <tinyxml2.h>

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
    Difficulty, ///< whole number 1..5, reported as [bad-difficulty]
    AnyText,    ///< any text, may be empty even when required (a unit: unit="")
    Name,       ///< a variable name: [A-Za-z_][A-Za-z0-9_]{0,63}
    Tolerance,  ///< a decimal >= 0, optionally followed by '%' ("0.05", "2%")
    NumberList  ///< decimals separated by spaces ("100 50")
};

/// The numbers Number attributes of numeric questions may hold (values, ranges, min/max).
inline constexpr double kMaxQuantity = 1000000000.0;

/// The largest PositiveNumber (a question's points) a pack may hold; importers clamp to it.
inline constexpr double kMaxPositiveNumber = 1000.0;

/// One permitted attribute: its name, whether it must be there, and the type of its value.
struct AttrSpec
{
    AttrSpec(std::string_view specName, bool isRequired, AttrType specType,
             const std::vector<std::string>* allowed = nullptr, double low = 0, double high = 0)
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

/// What an element may hold besides its attributes.
enum class Content
{
    Empty,    ///< nothing
    Plain,    ///< text without markup (may be empty)
    Text,     ///< text without markup that must not be blank
    Rich,     ///< rich text: <b> <i> <sub> <sup> <br/>
    Elements, ///< the child elements listed, white space between them
};

struct ElementSpec;

/// A permitted child element. `slot` orders children: a child may not follow one with a
/// higher slot; children sharing a slot are alternatives; -1 means "its index in the list".
/// The loader counts with `min`/`max`; a schema states `schemaMin`/`schemaMax` (-1: the same),
/// the bounds that PackChecker enforces later with its own codes (too-few-options ...).
struct ChildSpec
{
    ChildSpec(std::string_view specName, const ElementSpec* specElement, int low, int high,
              int order = -1, int statedMin = -1, int statedMax = -1)
        : name(specName), element(specElement), min(low), max(high), slot(order),
          schemaMin(statedMin), schemaMax(statedMax)
    {
    }

    std::string_view name;
    const ElementSpec* element;
    int min = 0;
    int max = kUnbounded;
    int slot = -1;
    int schemaMin = -1;
    int schemaMax = -1;
};

/// The structure of one element: what it holds and which attributes it takes. `typeName`
/// names the type in a generated schema (shared or recursive elements); empty for inline.
struct ElementSpec
{
    std::string_view typeName;
    Content content = Content::Empty;
    std::vector<AttrSpec> attributes;
    std::vector<ChildSpec> children;
};

/// Names the owner of some children in messages, e.g. kind "question" and id "q1" read
/// "question 'q1'"; with no kind, the element's tag is used.
struct Owner
{
    std::string_view kind;
    std::string_view id;
};

class FoldingWriter;

/// The attributes of one element, each name and value fetched from TinyXML2 once: checked
/// against the element's table by Schema::checkAttributes and then read by name. Every element
/// of every pack passes here, and a lookup by name in TinyXML2 walks the attributes again each
/// time.
class Attributes
{
public:
    /// Plain pointers, so the array below costs nothing to set up.
    struct Entry
    {
        const char* nameData;
        std::size_t nameSize;
        const char* value; ///< as written, references not decoded
        const tinyxml2::XMLAttribute* attribute;

        [[nodiscard]] std::string_view name() const { return {nameData, nameSize}; }
    };

    explicit Attributes(const tinyxml2::XMLElement& element);

    /// The value as written, or nullptr when the element has no such attribute.
    [[nodiscard]] const char* find(std::string_view name) const;
    [[nodiscard]] bool has(std::string_view name) const { return find(name) != nullptr; }
    /// The decoded value, or `fallback` when absent.
    [[nodiscard]] std::string text(std::string_view name, std::string_view fallback = {}) const;
    /// Values of attributes already validated by checkAttributes (fallback when absent/bad).
    [[nodiscard]] long long integer(std::string_view name, long long fallback) const;
    [[nodiscard]] double number(std::string_view name, double fallback) const;

    [[nodiscard]] const Entry* begin() const { return m_entries; }
    [[nodiscard]] const Entry* end() const { return m_entries + m_count; }
    [[nodiscard]] std::size_t size() const { return m_count; }

private:
    /// XmlDocument caps the attributes of one tag before TinyXML2 parses it.
    Entry m_entries[XmlDocument::kMaxAttributes];
    std::size_t m_count = 0;
};

/// The child elements of one element as checked against its table by Schema::checkChildren:
/// the first of each name the table lists, found in the same walk that checked them.
class Children
{
public:
    static constexpr std::size_t kCapacity = 16;

    Children(const tinyxml2::XMLElement& parent, const std::vector<ChildSpec>& specs);

    /// The first child named `name` (a name of the table; others are looked up in the tree).
    [[nodiscard]] const tinyxml2::XMLElement* first(std::string_view name) const;
    /// Every child named `name`, in document order.
    [[nodiscard]] XmlChildren all(const char* name) const { return {first(name), name}; }
    /// How many children are named `name` (a name of the table), to size what is read.
    [[nodiscard]] std::size_t count(std::string_view name) const;

private:
    friend class Schema;
    const tinyxml2::XMLElement& m_parent;
    const std::vector<ChildSpec>& m_specs;
    const tinyxml2::XMLElement* m_first[kCapacity] = {};
    int m_counts[kCapacity] = {};
};

/// Table-driven structural checks over a TinyXML2 element, reporting into one DiagnosticList:
/// unknown or missing elements and attributes (with "did you mean"), order, counts, value
/// types, and reading plain and rich text with XML white space folded. Message text is built
/// only when there is something to report: this runs for every element of every pack.
class Schema
{
public:
    explicit Schema(DiagnosticList& out) : m_out(out) {}

    [[nodiscard]] DiagnosticList& diagnostics() { return m_out; }

    /// Reports what breaks the table and returns the attributes for reading.
    Attributes checkAttributes(const tinyxml2::XMLElement& element,
                               const std::vector<AttrSpec>& specs);
    /// Reports what breaks the table (at most kMaxChildSpecs specs) and returns the children
    /// for reading.
    Children checkChildren(const tinyxml2::XMLElement& element, const std::vector<ChildSpec>& specs,
                           Owner owner = {});
    /// The element must have no child elements and no text.
    void checkEmpty(const tinyxml2::XMLElement& element);

    /// Text content with no markup allowed; white space folded and trimmed.
    [[nodiscard]] std::string readPlain(const tinyxml2::XMLElement& element);
    /// Rich text: <b> <i> <sub> <sup> <br/> only; anything else is [unsupported-markup].
    [[nodiscard]] RichText readRich(const tinyxml2::XMLElement& element);

    static constexpr std::size_t kMaxChildSpecs = Children::kCapacity;

private:
    void checkValue(const tinyxml2::XMLElement& element, const Attributes::Entry& attribute,
                    const AttrSpec& spec);
    void readRichInto(const tinyxml2::XMLElement& element, FoldingWriter& out, bool bold,
                      bool italic, Script script);

    DiagnosticList& m_out;
    std::string m_scratch; ///< decoded text, reused
};

/// A variable name of a numeric question (AttrType::Name).
[[nodiscard]] bool isVariableName(std::string_view text);

/// The elements rich text may hold, in the order the guide lists them.
[[nodiscard]] const std::vector<std::string>& richMarkupNames();

} // namespace quiz::core

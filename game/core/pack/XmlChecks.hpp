#pragma once

#include "Diagnostic.hpp"

#include <cstddef>
#include <map>
#include <string>
#include <string_view>

namespace quiz::core
{

/// The checks over the raw bytes that must pass before TinyXML2 sees them: the size cap
/// (file-too-large), no UTF-16/32 byte-order mark (bad-encoding), valid UTF-8 (invalid-utf8),
/// no control characters (control-character), at most XmlDocument::kMaxAttributes
/// attributes in one tag (too-many-attributes: TinyXML2's duplicate check is quadratic) and
/// at most `maxElements` elements (too-many-elements: TinyXML2's memory).
/// Returns false after reporting when the bytes are not to be parsed.
[[nodiscard]] bool checkBytes(const std::string& bytes, std::size_t maxBytes,
                              std::size_t maxElements, DiagnosticList& diagnostics);

/// Checks that every '&' in a text or attribute value written as-is starts a reference that
/// exists, reporting each code at most 20 times per file so one broken file cannot flood
/// the list.
class ReferenceChecker
{
public:
    explicit ReferenceChecker(DiagnosticList& diagnostics) : m_diagnostics(diagnostics) {}

    /// `raw` is an attribute value whose first byte is on `line`.
    void check(std::string_view raw, int line, bool strictEntities);
    /// `raw` is a text node as TinyXML2 keeps it: leading white space included, `line` being
    /// that of its first other character.
    void checkText(std::string_view raw, int line, bool strictEntities);

private:
    void report(int line, const char* code, std::string message);

    DiagnosticList& m_diagnostics;
    std::map<std::string, int> m_counts;
};

/// Decodes one of the five XML entities or a valid numeric character reference at the start
/// of `text` (which starts with '&') onto `out`. Returns the bytes it spans, or 0 (and
/// appends nothing) when it is not one.
std::size_t decodeReference(std::string_view text, std::string& out);

} // namespace quiz::core

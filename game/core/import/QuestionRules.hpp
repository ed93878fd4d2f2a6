#pragma once

#include "core/pack/Diagnostic.hpp"
#include "core/pack/Pack.hpp"

#include <string>

namespace quiz::core::import
{

/// Whether `rationale` is the placeholder the importer writes for a missing one.
[[nodiscard]] bool isGenerated(const RichText& rationale);

/// Empty when the question fits format v1 (text lengths, 2..10 unique answers, a key),
/// otherwise why not.
[[nodiscard]] std::string checkFits(const Question& q);

/// Writes the placeholder rationale into every option without one; returns their ids
/// ("'a', 'b'"), empty when none was missing.
[[nodiscard]] std::string fillRationales(Question& q);

/// Keeps rationales written by hand in the pack when the source still has none.
void keepAuthoredRationales(Question& fresh, const Question& old);

/// Same type, stem, options, key and weights: an update that changes none of these keeps `rev`.
[[nodiscard]] bool sameMeaning(const Question& a, const Question& b);

/// Warns, at `line`, about options still carrying the placeholder after `generated` were filled.
void warnGenerated(const Question& q, const std::string& label, int line,
                   DiagnosticList& diagnostics, const std::string& generated);

} // namespace quiz::core::import

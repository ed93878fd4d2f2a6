#pragma once

#include "Diagnostic.hpp"
#include "Pack.hpp"

#include <cstddef>

namespace quiz::core
{

/// The proof of a pack's numeric questions and cases (format 1.1): every formula (answer,
/// mistakes, `{=...}` placeholders) is evaluated over every combination of the variables, or
/// a dense deterministic sample of at most `maxCombinations` that holds each variable's ends.
/// Codes: formula-syntax, unknown-variable, division-by-zero, non-finite, negative-dose,
/// answer-out-of-range, mistake-equals-answer, mistakes-coincide (warning), vary-empty,
/// vary-step, case-size, numeric-no-answer. Each names the draw that fails.
void checkNumeric(const Pack& pack, DiagnosticList& out, std::size_t maxCombinations = 2000);

/// The combinations the proof evaluates for variables with `counts` values each: index
/// vectors, all of them when the product is at most `limit`, else `limit` of them including
/// the all-first and all-last combinations. Deterministic.
[[nodiscard]] std::vector<std::vector<std::size_t>>
proofCombinations(const std::vector<std::size_t>& counts, std::size_t limit);

} // namespace quiz::core

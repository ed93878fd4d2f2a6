#pragma once

#include "Diagnostic.hpp"
#include "Pack.hpp"

namespace quiz::core
{

/// The checks of a pack's ordering and matching questions (format 1.1): 2..10 items or prompts
/// (order-size, match-size), unique item and pair ids (duplicate-id), a rationale for every
/// item and pair (missing-rationale), no empty text (empty-text), and texts a player could not
/// tell apart (duplicate-item-text, duplicate-answer-text, duplicate-prompt-text: warnings).
void checkSteps(const Pack& pack, DiagnosticList& out);

} // namespace quiz::core

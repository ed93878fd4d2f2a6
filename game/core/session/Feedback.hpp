#pragma once

#include "Scoring.hpp"
#include "core/pack/Pack.hpp"

#include <vector>

namespace quiz::core
{

/// The outcome an answer's score falls under: "correct" (full marks), "partial" or
/// "incorrect" (nothing, timed out included), as the pack's `<feedback on>` names them.
[[nodiscard]] const char* outcomeOf(const AnswerScore& score);

/// The question's outcome feedback for that score, in document order: what the player reads
/// after the answer (an imported "Correct. ..." never follows a wrong answer).
[[nodiscard]] std::vector<const OutcomeFeedback*> feedbackFor(const Question& question,
                                                              const AnswerScore& score);

} // namespace quiz::core

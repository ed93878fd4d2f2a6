#pragma once

#include "core/pack/Pack.hpp"

#include <string>

namespace quiz::core::import
{

/// Turns per-option credit (percent, in `Option::weight`) into the pack's answer key, the way
/// Moodle grades: a single-answer question needs an option at 100%; with several at 100% or
/// with partial (positive) credit it becomes `multiple`, `scoring="weighted"`, the credited
/// options sharing 100% in proportion to their credit (the caller warns: a student now picks
/// every credited answer); with one at 100% negative credit is dropped and listed in
/// `droppedCredit`. A multiple-answer question becomes
/// `scoring="weighted"` with correct = positive credit, and its positive credit must add up
/// to 100%. Returns "" on success, else why the question cannot be imported.
[[nodiscard]] std::string mapChoiceCredit(Question& question, bool single,
                                          std::string& droppedCredit);

/// What a warning says when mapChoiceCredit() turned a single-answer question into a weighted
/// multiple one: the new weights, and that students now pick every credited answer.
[[nodiscard]] std::string describeWeightedFromSingle(const Question& question);

} // namespace quiz::core::import

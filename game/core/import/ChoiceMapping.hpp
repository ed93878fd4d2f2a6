#pragma once

#include "core/pack/Pack.hpp"

#include <string>

namespace quiz::core::import
{

/// Turns per-option credit (percent, in `Option::weight`) into the pack's answer key, the way
/// Moodle grades: a single-answer question needs exactly one option at 100% (other credit is
/// dropped and listed in `droppedCredit`); a multiple-answer question becomes
/// `scoring="weighted"` with correct = positive credit, and its positive credit must add up
/// to 100%. Returns "" on success, else why the question cannot be imported.
[[nodiscard]] std::string mapChoiceCredit(Question& question, bool single,
                                          std::string& droppedCredit);

} // namespace quiz::core::import

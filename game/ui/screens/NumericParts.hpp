#pragma once

#include "core/session/Session.hpp"
#include "ui/widgets/Panel.hpp"
#include "ui/widgets/ScrollArea.hpp"

#include <memory>
#include <string>

namespace quiz::ui
{

class Theme;

/// "Case 2 of 3: Post-operative patient" for a question of a case, "" otherwise.
[[nodiscard]] std::string caseHeading(const core::PlannedQuestion& planned);
/// The case's heading and scenario as a panel shown above each of its questions (it scrolls
/// with the question, so a long scenario never pushes the answer off the screen for good).
[[nodiscard]] std::unique_ptr<Panel> makeCasePanel(const Theme& theme,
                                                   const core::PlannedQuestion& planned);
/// What a numeric question asks of the typing: the rounding rule, the unit and the keys.
[[nodiscard]] std::string numericInstructions(const core::Question& question);
/// "12.5 mL": a value as the question rounds it, with its unit.
[[nodiscard]] std::string formatWithUnit(const core::Question& question, double value);
/// The review of an answered numeric question (feedback and results): what was typed, the
/// correct value with its unit, the named mistake's explanation when the value matched one, a
/// critical safety note for a dose at least twice the right one, and the worked solution.
/// Returns the y below it.
float buildNumericReview(ScrollArea& area, const Theme& theme, const core::PlannedQuestion& planned,
                         const core::AnswerRecord& answer, float x, float y, float width);

} // namespace quiz::ui

#pragma once

#include "core/pack/RichText.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace quiz::core::import
{

/// What a numeric question holds that Moodle has no field for. export-moodle writes it as an
/// XML comment inside the `<question>` (`<!-- heparin-quiz: ... -->`), which Moodle ignores
/// and our Moodle reader reads back, so export-moodle then import loses nothing.
struct MoodleExtras
{
    std::optional<int> round;  ///< decimal places of a `numerical` (Moodle has none there)
    std::optional<double> min; ///< the answer's plausible range
    std::optional<double> max;
    /// Which image (0-based) of the question text is the question's own figure, when a case's
    /// figure comes before it.
    std::optional<int> figure;
    /// The case the question was exported from (an id without "--", so the comment stays
    /// valid XML); a re-import into the pack that holds the case puts it back there.
    std::string caseId;
    std::set<int> criticalAnswers; ///< indices (0-based) of the <answer>s that are critical
    /// Per text field ("questiontext", "generalfeedback", "hint1", "answer2", ...): the
    /// decimals of each `{=EXPR}` in it, in order; -1 for one written without `|D`.
    std::map<std::string, std::vector<int>> rounding;

    [[nodiscard]] bool isEmpty() const;
};

/// The comment's prefix; a comment that does not start with it is not ours.
inline constexpr std::string_view kMoodleExtrasPrefix = "heparin-quiz:";

/// The comment's text: "heparin-quiz: round=1 min=5 max=40 figure=1 case=case-a critical=1,2
/// rounding=questiontext:-,0;answer1:1". Only digits, letters and `=.,:;-` occur, so
/// it is always a valid XML comment.
[[nodiscard]] std::string formatMoodleExtras(const MoodleExtras& extras);

/// Reads a comment written by formatMoodleExtras(); nullopt when it is not ours or any part
/// of it is malformed (then nothing of it is used).
[[nodiscard]] std::optional<MoodleExtras> parseMoodleExtras(std::string_view comment);

/// The decimals of each `{=...}` in the text, in order (-1 where none is given).
[[nodiscard]] std::vector<int> expressionDecimals(const RichText& text);

/// Gives the n-th `{=EXPR}` of the text the n-th decimals of `decimals` (as `{=EXPR|D}`;
/// -1 leaves it as it is). False, with the text unchanged, when the count differs.
bool applyExpressionDecimals(RichText& text, const std::vector<int>& decimals);

} // namespace quiz::core::import

#pragma once

#include "core/pack/Numeric.hpp"
#include "core/pack/Pack.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace quiz::core
{

/// One bar of a class reveal that groups answers rather than counting options. A numeric
/// question: the typed answers that were right, those that matched one named mistake, or all
/// the others. An ordering or matching question: all right, partly right, wrong.
struct AnswerGroup
{
    enum class Kind
    {
        Correct,
        Mistake,
        Partial, ///< ordering and matching: some pairs right
        Wrong,   ///< ordering and matching: no pair right
        Other
    };
    Kind kind = Kind::Other;
    int mistakeIndex = -1; ///< Kind::Mistake: index into the question's mistakes
    std::string label;     ///< "Correct", the mistake's first sentence, "Other answers"
    std::size_t count = 0;
    bool critical = false; ///< a mistake marked severity="critical"
};

/// The first sentence of a rationale as plain text (up to the first '.', '!' or '?' that is
/// followed by a space or the end, and not part of a number such as "0.5"); the whole text when
/// it has no sentence end. Long sentences are cut at `maxCharacters` with an ellipsis.
[[nodiscard]] std::string firstSentence(const RichText& text, std::size_t maxCharacters = 90);

/// How a class answered a numeric question, grouped for the reveal: "Correct" first, then every
/// named mistake in the question's order (also those nobody made, so the class sees what was
/// possible), then "Other answers". `verdicts` holds one judged answer per student who answered.
[[nodiscard]] std::vector<AnswerGroup>
groupNumericAnswers(const Question& question, const std::vector<NumericVerdict>& verdicts);

/// A question of a case made to stand alone for a class game, where questions are asked one
/// by one: the case's title and scenario lead its stem, and the case's variables come before
/// its own (so one draw covers both). Other questions come back unchanged.
[[nodiscard]] Question withCase(const Question& question, const Pack& pack);

/// Draws the values of a numeric question of a class game from `seed` and instantiates
/// `question` in place; nullopt (and the question unchanged) for other types or a failed draw.
[[nodiscard]] std::optional<Draw> drawClassQuestion(Question& question, std::uint32_t seed);

} // namespace quiz::core

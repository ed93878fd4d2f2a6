#pragma once

#include "NumericAnswers.hpp"
#include "core/pack/Pack.hpp"
#include "core/session/Scoring.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace quiz::core
{

/// How an ordering or matching question is shown to a whole class: the same for everyone.
/// Items and answer choices are named by letter (A, B, ...) by their shown position, prompts by
/// number (1, 2, ...) in document order; answers in letters are read back through this.
struct ClassSteps
{
    std::vector<std::size_t> itemOrder;   ///< ordering: letter position -> index into items
    std::vector<std::size_t> prompts;     ///< matching: prompt number - 1 -> index into pairs
    std::vector<std::size_t> choiceOrder; ///< matching: letter position -> index into pairs
};

/// The shown order of `question` from `seed`: items shuffled as the solo game does
/// (shuffledItemOrder(): never the right order), answer choices shuffled, distractors among
/// them. Empty for other question types.
[[nodiscard]] ClassSteps planClassSteps(const Question& question, std::uint32_t seed);

/// The position of a shown letter ("A" or "a" -> 0), or nullopt for anything else.
[[nodiscard]] std::optional<std::size_t> letterPosition(std::string_view letter);

/// Letters as the class saw them ("C", "A", ...) turned into item ids, in the same order;
/// nullopt when one is not a letter shown.
[[nodiscard]] std::optional<std::vector<std::string>>
orderFromLetters(const Question& question, const ClassSteps& steps,
                 const std::vector<std::string>& letters);

/// (prompt number "1".., choice letter) pairs turned into (prompt pair id, answer pair id);
/// nullopt when a number or a letter is not one shown.
[[nodiscard]] std::optional<MatchList>
matchesFromLetters(const Question& question, const ClassSteps& steps,
                   const std::vector<std::pair<std::string, std::string>>& numbered);

/// What a team typed on the projector ("CABD", "c a b d", "C,A,B,D") as single letters, or
/// nullopt when it holds anything but letters, spaces and commas. For a matching question the
/// n-th letter is the choice for prompt n.
[[nodiscard]] std::optional<std::vector<std::string>> splitTypedLetters(std::string_view typed);

/// An answer in the letters the class saw: an ordering one as "CABD", a matching one as the
/// choice of each prompt in prompt order ("BCA", "-" for a prompt left open); "" for none.
[[nodiscard]] std::string stepsLetters(const Question& question, const ClassSteps& steps,
                                       const std::vector<std::string>& order,
                                       const MatchList& matches);

/// How a class answered an ordering or matching question, for the reveal: "All right",
/// "Partly right" (some adjacent pairs or prompts right), "Wrong", always in that order.
/// `parts` holds (partsRight, partsTotal) per student who answered.
[[nodiscard]] std::vector<AnswerGroup>
groupStepsAnswers(const std::vector<std::pair<std::size_t, std::size_t>>& parts);

} // namespace quiz::core

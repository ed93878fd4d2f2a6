#pragma once

#include "core/pack/Pack.hpp"

#include <string>
#include <utility>
#include <vector>

namespace quiz::core
{

/// The marks one answer earns. `points` is in the question's own units (0..maxPoints).
struct AnswerScore
{
    double points = 0.0;
    double maxPoints = 0.0;
    bool correct = false;  ///< full marks
    bool partial = false;  ///< some but not full marks
    bool critical = false; ///< a severity="critical" option was chosen
    std::vector<std::string> criticalOptionIds;
    std::vector<std::string> unknownOptionIds; ///< chosen ids the question does not have
    /// Ordering: the adjacent pairs placed right and the pairs there are (n - 1); matching: the
    /// prompts matched right and the prompts. Both 0 for other types.
    std::size_t partsRight = 0;
    std::size_t partsTotal = 0;
};

/// Scores a set of chosen option ids against a question, following the pack format's rules:
/// single/truefalse earn the points only for the correct option; multiple follows the
/// question's ScoringRule. Duplicate ids count once; unknown ids earn nothing and are listed.
/// An empty choice (timed out, skipped) scores 0 and is never critical.
[[nodiscard]] AnswerScore scoreAnswer(const Question& question,
                                      const std::vector<std::string>& chosenOptionIds);

/// A matching answer: (prompt pair id, chosen answer pair id), one per prompt in the order
/// shown; an empty answer id is a prompt left unmatched.
using MatchList = std::vector<std::pair<std::string, std::string>>;

/// Scores an ordering answer: `order` holds item ids as the player placed them, first to last.
/// Partial: correct adjacent pairs / (n - 1), a pair counting when the player put an item
/// directly before the item that follows it in the right order (Moodle's "next item" grading);
/// AllOrNothing: full points only for the right order. Unknown and repeated ids earn nothing
/// (unknown ones are listed in unknownOptionIds); an empty order scores 0.
[[nodiscard]] AnswerScore scoreOrder(const Question& question,
                                     const std::vector<std::string>& order);

/// For each position of `order`, whether the right item is there (feedback marks the others).
[[nodiscard]] std::vector<bool> orderPositionsCorrect(const Question& question,
                                                      const std::vector<std::string>& order);

/// Scores a matching answer. A prompt is matched correctly when its answer is its own pair's
/// or one with the same text. Partial: correct prompts / prompts; AllOrNothing: full points
/// only when every prompt is right. Unknown ids earn nothing and are listed.
[[nodiscard]] AnswerScore scoreMatches(const Question& question, const MatchList& matches);

/// Whether `answerId` is a right answer for the prompt of pair `promptId`.
[[nodiscard]] bool isRightMatch(const Question& question, const std::string& promptId,
                                const std::string& answerId);

} // namespace quiz::core

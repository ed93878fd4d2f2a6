#pragma once

#include "core/pack/Pack.hpp"

#include <string>
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
};

/// Scores a set of chosen option ids against a question, following the pack format's rules:
/// single/truefalse earn the points only for the correct option; multiple follows the
/// question's ScoringRule. Duplicate ids count once; unknown ids earn nothing and are listed.
/// An empty choice (timed out, skipped) scores 0 and is never critical.
[[nodiscard]] AnswerScore scoreAnswer(const Question& question,
                                      const std::vector<std::string>& chosenOptionIds);

} // namespace quiz::core

#include "Scoring.hpp"

#include <algorithm>
#include <cmath>

namespace quiz::core
{
namespace
{

bool contains(const std::vector<std::string>& ids, const std::string& id)
{
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

/// Fraction 0..1 of the points for a multiple-response answer.
double multipleFraction(const Question& question, const std::vector<std::string>& chosen)
{
    int correctTotal = 0;
    int correctPicked = 0;
    int wrongPicked = 0;
    double weightSum = 0.0;
    for (const Option& option : question.options)
    {
        const bool picked = contains(chosen, option.id);
        if (option.correct)
            ++correctTotal;
        if (picked)
        {
            weightSum += option.weight;
            if (option.correct)
                ++correctPicked;
            else
                ++wrongPicked;
        }
    }
    switch (question.scoring)
    {
    case ScoringRule::AllOrNothing:
        return correctPicked == correctTotal && wrongPicked == 0 ? 1.0 : 0.0;
    case ScoringRule::Weighted:
        return std::clamp(weightSum / 100.0, 0.0, 1.0);
    case ScoringRule::PlusMinus:
    case ScoringRule::Partial:
        break;
    }
    if (correctTotal == 0)
        return 0.0;
    const int net = std::max(0, correctPicked - wrongPicked);
    return static_cast<double>(net) / static_cast<double>(correctTotal);
}

/// Sets points and the correct/partial flags from the fraction 0..1 earned.
void finish(AnswerScore& score, double fraction, double points)
{
    // Round to 1e-9 so 1/3 + 1/3 + 1/3 style sums compare equal to the maximum.
    fraction = std::round(fraction * 1e9) / 1e9;
    score.points = fraction * points;
    score.correct = fraction >= 1.0;
    score.partial = fraction > 0.0 && fraction < 1.0;
}

} // namespace

AnswerScore scoreAnswer(const Question& question, const std::vector<std::string>& chosenOptionIds)
{
    AnswerScore score;
    score.maxPoints = question.points;

    std::vector<std::string> chosen;
    for (const std::string& id : chosenOptionIds)
    {
        if (contains(chosen, id))
            continue;
        const Option* option = question.findOption(id);
        if (option == nullptr)
        {
            score.unknownOptionIds.push_back(id);
            continue;
        }
        chosen.push_back(id);
        if (option->severity == OptionSeverity::Critical)
        {
            score.critical = true;
            score.criticalOptionIds.push_back(id);
        }
    }

    double fraction = 0.0;
    if (question.type == QuestionType::Multiple)
    {
        fraction = multipleFraction(question, chosen);
    }
    else if (chosen.size() == 1)
    {
        const Option* option = question.findOption(chosen.front());
        fraction = option->correct ? 1.0 : 0.0;
    }
    // Several picks on a single-answer question earn nothing: it is not a hedge.

    finish(score, fraction, question.points);
    return score;
}

AnswerScore scoreOrder(const Question& question, const std::vector<std::string>& order)
{
    AnswerScore score;
    score.maxPoints = question.points;
    std::vector<std::string> placed;
    for (const std::string& id : order)
    {
        if (question.findItem(id) == nullptr)
            score.unknownOptionIds.push_back(id);
        else if (!contains(placed, id))
            placed.push_back(id);
    }
    const std::size_t count = question.items.size();
    if (count < 2)
    {
        finish(score, !placed.empty() && placed.size() == count ? 1.0 : 0.0, question.points);
        return score;
    }
    std::size_t rightPairs = 0;
    for (std::size_t i = 0; i + 1 < placed.size(); ++i)
    {
        for (std::size_t k = 0; k + 1 < count; ++k)
        {
            if (question.items[k].id == placed[i] && question.items[k + 1].id == placed[i + 1])
                ++rightPairs;
        }
    }
    score.partsRight = rightPairs;
    score.partsTotal = count - 1;
    const bool all = rightPairs == count - 1;
    const double fraction = question.scoring == ScoringRule::AllOrNothing
                                ? (all ? 1.0 : 0.0)
                                : static_cast<double>(rightPairs) / static_cast<double>(count - 1);
    finish(score, fraction, question.points);
    return score;
}

std::vector<bool> orderPositionsCorrect(const Question& question,
                                        const std::vector<std::string>& order)
{
    std::vector<bool> out;
    out.reserve(order.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        out.push_back(i < question.items.size() && question.items[i].id == order[i]);
    return out;
}

bool isRightMatch(const Question& question, const std::string& promptId,
                  const std::string& answerId)
{
    const MatchPair* prompt = question.findPair(promptId);
    const MatchPair* answer = question.findPair(answerId);
    if (prompt == nullptr || answer == nullptr || prompt->isDistractor())
        return false;
    return prompt == answer || prompt->answer.toPlain() == answer->answer.toPlain();
}

AnswerScore scoreMatches(const Question& question, const MatchList& matches)
{
    AnswerScore score;
    score.maxPoints = question.points;
    std::size_t prompts = 0;
    for (const MatchPair& pair : question.pairs)
        prompts += pair.isDistractor() ? 0 : 1;
    std::vector<std::string> seen;
    std::size_t right = 0;
    for (const auto& [promptId, answerId] : matches)
    {
        const MatchPair* prompt = question.findPair(promptId);
        if (prompt == nullptr || prompt->isDistractor())
        {
            score.unknownOptionIds.push_back(promptId);
            continue;
        }
        if (!answerId.empty() && question.findPair(answerId) == nullptr)
            score.unknownOptionIds.push_back(answerId);
        if (contains(seen, promptId))
            continue;
        seen.push_back(promptId);
        right += isRightMatch(question, promptId, answerId) ? 1 : 0;
    }
    score.partsRight = right;
    score.partsTotal = prompts;
    double fraction = 0.0;
    if (prompts > 0)
        fraction = question.scoring == ScoringRule::AllOrNothing
                       ? (right == prompts ? 1.0 : 0.0)
                       : static_cast<double>(right) / static_cast<double>(prompts);
    finish(score, fraction, question.points);
    return score;
}

} // namespace quiz::core

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
        break;
    }
    if (correctTotal == 0)
        return 0.0;
    const int net = std::max(0, correctPicked - wrongPicked);
    return static_cast<double>(net) / static_cast<double>(correctTotal);
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

    // Round to 1e-9 so 1/3 + 1/3 + 1/3 style sums compare equal to the maximum.
    fraction = std::round(fraction * 1e9) / 1e9;
    score.points = fraction * question.points;
    score.correct = fraction >= 1.0;
    score.partial = fraction > 0.0 && fraction < 1.0;
    return score;
}

} // namespace quiz::core

#include "ChoiceMapping.hpp"

#include "TextUtil.hpp"

#include <algorithm>
#include <cmath>

namespace quiz::core::import
{

namespace
{

bool isFull(double weight)
{
    return std::fabs(weight - 100.0) < 1e-3;
}

} // namespace

std::string mapChoiceCredit(Question& q, bool single, std::string& droppedCredit)
{
    droppedCredit.clear();
    if (single)
    {
        q.type = QuestionType::Single;
        std::size_t full = 0;
        double best = -1000.0;
        for (const Option& option : q.options)
        {
            full += isFull(option.weight) ? 1U : 0U;
            best = std::max(best, option.weight);
        }
        if (full == 0)
            return best > 0 ? "no answer gives full credit (the best gives " + formatNumber(best) +
                                  "%); a single-answer question needs one that does"
                            : "no answer is marked correct";
        if (full > 1)
            return std::to_string(full) +
                   " answers give full credit; a single-answer question has exactly one correct "
                   "option";
        for (Option& option : q.options)
        {
            option.correct = isFull(option.weight);
            if (!option.correct && option.weight != 0.0)
                droppedCredit += (droppedCredit.empty() ? "" : ", ") + option.id + " (" +
                                 formatNumber(option.weight) + "%)";
            option.weight = 0.0;
        }
        return {};
    }
    q.type = QuestionType::Multiple;
    q.scoring = ScoringRule::Weighted;
    double positive = 0.0;
    for (Option& option : q.options)
    {
        // Once the positive credit is 100%, any penalty of 100% or more already brings the
        // clamped score to 0, so clamping to -100 changes no outcome.
        option.weight = std::max(option.weight, -100.0);
        option.correct = option.weight > 0.0;
        positive += option.weight > 0.0 ? option.weight : 0.0;
    }
    if (positive <= 0.0)
        return "no answer has positive credit";
    if (std::fabs(positive - 100.0) > 0.01)
        return "the positive credit adds up to " + formatNumber(positive) +
               "%, not 100%, so the question cannot be fully answered";
    return {};
}

} // namespace quiz::core::import

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
        const bool partial =
            std::any_of(q.options.begin(), q.options.end(),
                        [](const Option& o) { return o.weight > 0.0 && !isFull(o.weight); });
        if (full > 1 || partial)
        {
            // A pack's single question has one right answer and no partial credit; the credit
            // Moodle gives comes across as a weighted multiple question whose credited answers
            // share the full marks in proportion (the caller says so).
            double positive = 0.0;
            for (const Option& option : q.options)
                positive += std::max(option.weight, 0.0);
            for (Option& option : q.options)
            {
                option.weight = option.weight > 0.0 ? option.weight * 100.0 / positive
                                                    : std::max(option.weight, -100.0);
                option.correct = option.weight > 0.0;
            }
            q.type = QuestionType::Multiple;
            q.scoring = ScoringRule::Weighted;
            return {};
        }
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

std::string describeWeightedFromSingle(const Question& q)
{
    std::string weights;
    for (const Option& option : q.options)
    {
        if (option.weight != 0.0)
            weights +=
                (weights.empty() ? "" : ", ") + option.id + " " + formatNumber(option.weight) + "%";
    }
    return "a single-answer question with partial credit or several answers at 100% became "
           "multiple with scoring=\"weighted\" (" +
           weights +
           "): students now pick every answer that earns credit; check that the stem asks for "
           "that";
}

} // namespace quiz::core::import

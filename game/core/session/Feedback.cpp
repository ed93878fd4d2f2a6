#include "Feedback.hpp"

#include <cstring>

namespace quiz::core
{

const char* outcomeOf(const AnswerScore& score)
{
    if (score.correct)
        return "correct";
    return score.partial ? "partial" : "incorrect";
}

std::vector<const OutcomeFeedback*> feedbackFor(const Question& question, const AnswerScore& score)
{
    const char* outcome = outcomeOf(score);
    std::vector<const OutcomeFeedback*> shown;
    for (const OutcomeFeedback& feedback : question.feedback)
        if (feedback.on == outcome)
            shown.push_back(&feedback);
    return shown;
}

} // namespace quiz::core

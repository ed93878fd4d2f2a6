#include "Results.hpp"

#include "Feedback.hpp"
#include "core/util/AtomicFile.hpp"
#include "core/util/Json.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace quiz::core
{
namespace
{

/// The labels (as the player saw them) and texts of the options among `ids`, in shown order.
void shownOptions(const PlannedQuestion& planned, const std::vector<std::string>& ids,
                  std::vector<std::string>& labels, std::vector<std::string>& texts)
{
    for (std::size_t position = 0; position < planned.optionOrder.size(); ++position)
    {
        const Option& option = planned.question.options[planned.optionOrder[position]];
        if (std::find(ids.begin(), ids.end(), option.id) == ids.end())
            continue;
        labels.push_back(shownOptionLabel(planned.question, position));
        texts.push_back(option.text.toPlain());
    }
}

} // namespace

std::string resultsToJson(const Session& session)
{
    const SessionConfig& config = session.getConfig();
    const SessionSummary summary = session.summarize();
    std::vector<std::string> packIds;
    for (std::size_t i = 0; i < session.getQuestionCount(); ++i)
    {
        const std::string& id = session.getQuestion(i).packId;
        bool seen = false;
        for (const std::string& known : packIds)
            seen = seen || known == id;
        if (!seen)
            packIds.push_back(id);
    }
    nlohmann::ordered_json json;
    json["format"] = "heparin-quiz-results";
    json["formatVersion"] = 2;
    json["pack"] = packIds.empty() ? std::string() : packIds.front();
    json["packs"] = packIds;
    json["mode"] = toString(config.mode);
    json["seed"] = config.seed;
    json["timerSeconds"] = config.timerSeconds;
    json["finished"] = session.isFinished();
    json["score"] = summary.points;
    json["max"] = summary.maxPoints;
    json["percent"] = summary.percent;
    json["correctCount"] = summary.correct;
    json["criticalErrors"] = summary.criticalErrors;
    json["timeMs"] = summary.totalTime.count();
    json["questions"] = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < session.getAnswers().size(); ++i)
    {
        const AnswerRecord& answer = session.getAnswers()[i];
        const PlannedQuestion& planned = session.getQuestion(i);
        std::vector<std::string> labels;
        std::vector<std::string> texts;
        shownOptions(planned, answer.chosenOptionIds, labels, texts);
        std::vector<std::string> criticalLabels;
        std::vector<std::string> criticalTexts;
        shownOptions(planned, answer.score.criticalOptionIds, criticalLabels, criticalTexts);
        nlohmann::ordered_json question;
        question["id"] = answer.key.questionId;
        question["pack"] = answer.key.packId;
        question["topic"] = answer.topicId;
        question["text"] = planned.question.stem.toPlain();
        question["chosen"] = labels;
        question["chosenText"] = texts;
        question["chosenIds"] = answer.chosenOptionIds;
        question["correct"] = answer.score.correct;
        question["partial"] = answer.score.partial;
        question["points"] = answer.score.points;
        question["max"] = answer.score.maxPoints;
        question["critical"] = answer.score.critical;
        question["criticalChosen"] = criticalLabels;
        question["timedOut"] = answer.timedOut;
        question["timeMs"] = answer.timeTaken.count();
        question["hintsUsed"] = answer.hintsUsed;
        question["outcome"] = outcomeOf(answer.score);
        nlohmann::ordered_json feedback = nlohmann::ordered_json::array();
        for (const OutcomeFeedback* shown : feedbackFor(planned.question, answer.score))
            feedback.push_back(shown->text.toPlain());
        question["feedback"] = std::move(feedback);
        if (planned.question.type == QuestionType::Numeric)
        {
            // The number typed, the answer of this round's draw and the named mistake matched.
            question["typed"] = answer.typedValue ? nlohmann::ordered_json(*answer.typedValue)
                                                  : nlohmann::ordered_json(nullptr);
            question["answer"] =
                planned.draw ? roundTo(planned.draw->answer, planned.question.numeric->round) : 0.0;
            question["unit"] = planned.question.numeric->unit;
            question["mistake"] = answer.mistakeIndex;
            question["mistakeText"] =
                answer.mistakeIndex >= 0 && static_cast<std::size_t>(answer.mistakeIndex) <
                                                planned.question.mistakes.size()
                    ? planned.question.mistakes[static_cast<std::size_t>(answer.mistakeIndex)]
                          .rationale.toPlain()
                    : std::string();
        }
        if (planned.question.type == QuestionType::Ordering)
        {
            // The order submitted and the right one, as item ids, first to last.
            question["order"] = answer.order;
            std::vector<std::string> right;
            for (const OrderItem& item : planned.question.items)
                right.push_back(item.id);
            question["rightOrder"] = right;
        }
        if (planned.question.type == QuestionType::Matching)
        {
            // Each prompt's chosen answer (pair ids; "" unmatched) and whether it was right.
            nlohmann::ordered_json matches = nlohmann::ordered_json::array();
            for (const auto& [promptId, answerId] : answer.matches)
            {
                nlohmann::ordered_json match;
                match["prompt"] = promptId;
                match["answer"] = answerId;
                match["right"] = isRightMatch(planned.question, promptId, answerId);
                matches.push_back(std::move(match));
            }
            question["matches"] = std::move(matches);
        }
        if (planned.caseSize > 0)
            question["case"] = planned.caseId;
        json["questions"].push_back(std::move(question));
    }
    return toJsonText(json);
}

std::string writeResultsFile(const std::string& path, const Session& session)
{
    return writeFileAtomically(path, resultsToJson(session));
}

} // namespace quiz::core

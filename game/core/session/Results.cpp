#include "Results.hpp"

#include "core/util/AtomicFile.hpp"
#include "core/util/Json.hpp"

#include <nlohmann/json.hpp>

namespace quiz::core
{

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
    json["formatVersion"] = 1;
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
    for (const AnswerRecord& answer : session.getAnswers())
    {
        nlohmann::ordered_json question;
        question["id"] = answer.key.questionId;
        question["pack"] = answer.key.packId;
        question["topic"] = answer.topicId;
        question["chosen"] = answer.chosenOptionIds;
        question["correct"] = answer.score.correct;
        question["partial"] = answer.score.partial;
        question["points"] = answer.score.points;
        question["max"] = answer.score.maxPoints;
        question["critical"] = answer.score.critical;
        question["criticalChosen"] = answer.score.criticalOptionIds;
        question["timedOut"] = answer.timedOut;
        question["timeMs"] = answer.timeTaken.count();
        question["hintsUsed"] = answer.hintsUsed;
        json["questions"].push_back(std::move(question));
    }
    return toJsonText(json);
}

std::string writeResultsFile(const std::string& path, const Session& session)
{
    return writeFileAtomically(path, resultsToJson(session));
}

} // namespace quiz::core

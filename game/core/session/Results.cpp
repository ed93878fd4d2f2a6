#include "Results.hpp"

#include "core/util/AtomicFile.hpp"
#include "core/util/Json.hpp"

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
    JsonWriter json;
    json.beginObject();
    json.key("format").value("heparin-quiz-results");
    json.key("formatVersion").value(1);
    json.key("pack").value(packIds.empty() ? std::string() : packIds.front());
    json.key("packs").stringArray(packIds);
    json.key("mode").value(toString(config.mode));
    json.key("seed").value(static_cast<long long>(config.seed));
    json.key("timerSeconds").value(config.timerSeconds);
    json.key("finished").value(session.isFinished());
    json.key("score").value(summary.points);
    json.key("max").value(summary.maxPoints);
    json.key("percent").value(summary.percent);
    json.key("correctCount").value(summary.correct);
    json.key("criticalErrors").value(summary.criticalErrors);
    json.key("timeMs").value(static_cast<long long>(summary.totalTime.count()));
    json.key("questions").beginArray();
    for (const AnswerRecord& answer : session.getAnswers())
    {
        json.beginObject();
        json.key("id").value(answer.key.questionId);
        json.key("pack").value(answer.key.packId);
        json.key("topic").value(answer.topicId);
        json.key("chosen").stringArray(answer.chosenOptionIds);
        json.key("correct").value(answer.score.correct);
        json.key("partial").value(answer.score.partial);
        json.key("points").value(answer.score.points);
        json.key("max").value(answer.score.maxPoints);
        json.key("critical").value(answer.score.critical);
        json.key("criticalChosen").stringArray(answer.score.criticalOptionIds);
        json.key("timedOut").value(answer.timedOut);
        json.key("timeMs").value(static_cast<long long>(answer.timeTaken.count()));
        json.key("hintsUsed").value(answer.hintsUsed);
        json.endObject();
    }
    json.endArray();
    json.endObject();
    return json.str() + "\n";
}

std::string writeResultsFile(const std::string& path, const Session& session)
{
    return writeFileAtomically(path, resultsToJson(session));
}

} // namespace quiz::core

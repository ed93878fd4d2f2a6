#include "core/session/Results.hpp"

#include "core/progress/ProgressExport.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

using namespace quiz::core;

namespace
{

Pack makePack()
{
    Pack pack;
    pack.id = "org.example.p";
    pack.topics = {{"t", "Topic", "", 0, 0}};
    for (const char* id : {"q1", "q2"})
    {
        Question q;
        q.id = id;
        q.topicId = "t";
        q.stem = RichText::fromPlain(std::string("Stem of ") + id + "?");
        Option a;
        a.id = "a";
        a.text = RichText::fromPlain("Option a");
        a.correct = true;
        Option b;
        b.id = "b";
        b.severity = OptionSeverity::Critical;
        q.options = {a, b};
        q.shuffle = false;
        pack.questions.push_back(q);
    }
    return pack;
}

std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

} // namespace

TEST_CASE("Results: JSON names the pack, mode, seed, score and every answer", "[core][results]")
{
    SessionConfig config;
    config.mode = Mode::Exam;
    config.seed = 7;
    std::string error;
    std::optional<Session> session = Session::create({makePack()}, config, error);
    REQUIRE(session);
    const std::string firstId = session->getCurrent().question.id;
    session->pick("a");
    session->pick("b");
    REQUIRE(session->isFinished());
    const nlohmann::ordered_json json = nlohmann::ordered_json::parse(resultsToJson(*session));
    CHECK(json["format"] == "heparin-quiz-results");
    CHECK(json["formatVersion"] == 2);
    CHECK(json["pack"] == "org.example.p");
    CHECK(json["packs"] == nlohmann::ordered_json::array({"org.example.p"}));
    CHECK(json["mode"] == "exam");
    CHECK(json["seed"] == 7);
    CHECK(json["finished"] == true);
    CHECK(json["score"] == 1);
    CHECK(json["max"] == 2);
    CHECK(json["correctCount"] == 1);
    CHECK(json["criticalErrors"] == 1);
    REQUIRE(json["questions"].size() == 2);
    const nlohmann::ordered_json& first = json["questions"][0];
    CHECK(first["id"] == firstId);
    CHECK(first["pack"] == "org.example.p");
    CHECK(first["topic"] == "t");
    // What the player saw (label and text, the stem), and the ids for tools.
    CHECK(first["text"] == session->getQuestion(0).question.stem.toPlain());
    CHECK(first["chosen"] == nlohmann::ordered_json::array({"A"}));
    CHECK(first["chosenText"] == nlohmann::ordered_json::array({"Option a"}));
    CHECK(first["chosenIds"] == nlohmann::ordered_json::array({"a"}));
    CHECK(first["correct"] == true);
    CHECK(first["critical"] == false);
    const nlohmann::ordered_json& second = json["questions"][1];
    CHECK(second["chosen"] == nlohmann::ordered_json::array({"B"}));
    CHECK(second["chosenIds"] == nlohmann::ordered_json::array({"b"}));
    CHECK(second["correct"] == false);
    CHECK(second["partial"] == false);
    CHECK(second["points"] == 0);
    CHECK(second["max"] == 1);
    CHECK(second["critical"] == true);
    CHECK(second["criticalChosen"] == nlohmann::ordered_json::array({"B"}));
    CHECK(second["timedOut"] == false);
    CHECK(second["hintsUsed"] == 0);
    // Members keep the documented order.
    std::vector<std::string> keys;
    for (const auto& member : second.items())
        keys.push_back(member.key());
    CHECK(keys == std::vector<std::string>{"id", "pack", "topic", "text", "chosen", "chosenText",
                                           "chosenIds", "correct", "partial", "points", "max",
                                           "critical", "criticalChosen", "timedOut", "timeMs",
                                           "hintsUsed", "outcome", "feedback"});
    CHECK(second["outcome"] == "incorrect");
}

TEST_CASE("Results: a wrong answer lists the incorrect feedback and never the correct one",
          "[core][results]")
{
    Pack pack = makePack();
    Question& question = pack.questions.front();
    OutcomeFeedback right;
    right.on = "correct";
    right.text = RichText::fromPlain("Correct. Well read.");
    OutcomeFeedback wrong;
    wrong.on = "incorrect";
    wrong.text = RichText::fromPlain("Not quite: look at the aPTT again.");
    question.feedback = {right, wrong};
    const std::string wrongId =
        question.options.at(0).correct ? question.options.at(1).id : question.options.at(0).id;
    SessionConfig config;
    config.onlyQuestions = {{pack.id, question.id}};
    std::string error;
    std::optional<Session> session = Session::create({pack}, config, error);
    REQUIRE(session);
    REQUIRE(session->pick(wrongId));
    const auto json = nlohmann::ordered_json::parse(resultsToJson(*session));
    const auto& entry = json["questions"].at(0);
    CHECK(entry["outcome"] == "incorrect");
    CHECK(entry["feedback"] ==
          nlohmann::ordered_json::array({"Not quite: look at the aPTT again."}));
}

TEST_CASE("Results: the results file is written whole and can be replaced", "[core][results][io]")
{
    SessionConfig config;
    std::string error;
    std::optional<Session> session = Session::create({makePack()}, config, error);
    REQUIRE(session);
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / "heparin-quiz-results-test";
    std::filesystem::create_directories(dir);
    const std::string path = (dir / "results.json").string();
    REQUIRE(writeResultsFile(path, *session) == "");
    CHECK(nlohmann::json::parse(readFile(path))["finished"] == false);
    session->pick("a");
    session->next();
    REQUIRE(writeResultsFile(path, *session) == "");
    CHECK(readFile(path) == resultsToJson(*session));
    std::filesystem::remove_all(dir);
}

TEST_CASE("Results: a folder that does not exist gives an error naming the file",
          "[core][results][io]")
{
    std::string error;
    std::optional<Session> session = Session::create({makePack()}, {}, error);
    REQUIRE(session);
    const std::string message = writeResultsFile("/nonexistent-folder-xyz/results.json", *session);
    CHECK(message.find("/nonexistent-folder-xyz") != std::string::npos);
}

TEST_CASE("Results: time on task runs from the question shown to its answer, the same figure in "
          "the results, the history record and both history exports",
          "[core][results][time]")
{
    SessionConfig config;
    config.mode = Mode::Tutor;
    std::string error;
    std::optional<Session> session = Session::create({makePack()}, config, error);
    REQUIRE(session);
    // Shown at 0; the player thinks 13 s, answers; reads the feedback 5 s; 61 s on the next.
    session->advance(std::chrono::milliseconds(13000));
    REQUIRE(session->pick("a"));
    session->advance(std::chrono::milliseconds(5000));
    REQUIRE(session->next());
    session->advance(std::chrono::milliseconds(61000));
    REQUIRE(session->pick("b"));
    const nlohmann::ordered_json json = nlohmann::ordered_json::parse(resultsToJson(*session));
    CHECK(json["questions"][0]["timeMs"] == 13000);
    CHECK(json["questions"][1]["timeMs"] == 61000);

    const Pack pack = makePack();
    std::vector<StoredAnswer> history;
    for (std::size_t i = 0; i < 2; ++i)
    {
        const AnswerRecord& answer = *session->getAnswer(i);
        history.push_back(makeStoredAnswer(pack, session->getQuestion(i).question,
                                           answer.chosenOptionIds, answer.score, Confidence::None,
                                           answer.timeTaken.count(), 1'780'304'400'000LL, "tutor"));
    }
    CHECK(history[0].timeTakenMs == 13000);
    CHECK(history[1].timeTakenMs == 61000);
    const std::string csv = formatHistoryCsv(history);
    CHECK(csv.find(",13000,") != std::string::npos);
    CHECK(csv.find(",61000,") != std::string::npos);
    const nlohmann::json exported = nlohmann::json::parse(formatHistoryJson("Ana", history, 0));
    CHECK(exported["answers"][0]["time_taken_ms"] == 13000);
    CHECK(exported["answers"][1]["time_taken_ms"] == 61000);
}

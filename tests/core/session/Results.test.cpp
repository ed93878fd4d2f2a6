#include "core/session/Results.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
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
        Option a;
        a.id = "a";
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
    const std::string json = resultsToJson(*session);
    CHECK(json.find("\"pack\":\"org.example.p\"") != std::string::npos);
    CHECK(json.find("\"mode\":\"exam\"") != std::string::npos);
    CHECK(json.find("\"seed\":7") != std::string::npos);
    CHECK(json.find("\"score\":1,") != std::string::npos);
    CHECK(json.find("\"max\":2,") != std::string::npos);
    CHECK(json.find("\"criticalErrors\":1") != std::string::npos);
    CHECK(json.find("{\"id\":\"" + firstId +
                    "\",\"pack\":\"org.example.p\",\"topic\":\"t\",\"chosen\":[\"a\"],"
                    "\"correct\":true") != std::string::npos);
    CHECK(json.find("\"chosen\":[\"b\"],\"correct\":false,\"partial\":false,\"points\":0,"
                    "\"max\":1,\"critical\":true,\"criticalChosen\":[\"b\"]") != std::string::npos);
    CHECK(json.find("\"finished\":true") != std::string::npos);
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
    CHECK(readFile(path).find("\"finished\":false") != std::string::npos);
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

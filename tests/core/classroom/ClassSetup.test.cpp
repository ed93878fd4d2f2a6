#include "core/classroom/ClassSetup.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>

using namespace quiz::core;
using namespace std::chrono_literals;

namespace
{

Question makeQuestion(const std::string& id, const std::string& topic)
{
    Question q;
    q.id = id;
    q.topicId = topic;
    q.stem = RichText::fromPlain("Stem " + id);
    for (const char* option : {"a", "b", "c"})
    {
        Option o;
        o.id = option;
        o.correct = std::string(option) == "b";
        o.text = RichText::fromPlain(option);
        q.options.push_back(o);
    }
    return q;
}

Pack makePack(const std::string& id, int questions)
{
    Pack pack;
    pack.id = id;
    Topic one;
    one.id = "one";
    Topic two;
    two.id = "two";
    pack.topics = {one, two};
    for (int i = 0; i < questions; ++i)
        pack.questions.push_back(makeQuestion(id + "-" + std::to_string(i), i % 2 ? "two" : "one"));
    return pack;
}

} // namespace

TEST_CASE("ClassSetup: questions come from every ticked pack and topic, at most count",
          "[core][classroom]")
{
    const std::vector<Pack> packs = {makePack("p", 6), makePack("q", 4), makePack("r", 4)};
    const std::vector<Question> picked = pickClassQuestions(packs, {{"p", "two"}, {"q", ""}}, 0, 5);
    std::set<std::string> ids;
    for (const Question& q : picked)
        ids.insert(q.id);
    CHECK(ids == std::set<std::string>{"p-1", "p-3", "p-5", "q-0", "q-1", "q-2", "q-3"});
    CHECK(pickClassQuestions(packs, {{"p", ""}, {"q", ""}}, 4, 5).size() == 4);
    CHECK(pickClassQuestions(packs, {}, 0, 5).empty());
    // The same seed gives the same game.
    const std::vector<Question> again = pickClassQuestions(packs, {{"p", "two"}, {"q", ""}}, 0, 5);
    REQUIRE(again.size() == picked.size());
    for (std::size_t i = 0; i < picked.size(); ++i)
        CHECK(again[i].id == picked[i].id);
}

TEST_CASE("ClassSetup: class codes are four unambiguous characters and follow the seed",
          "[core][classroom]")
{
    const std::string code = makeClassCode(42);
    CHECK(code.size() == 6);
    CHECK(code.find_first_of("01OI") == std::string::npos);
    CHECK(makeClassCode(42) == code);
    CHECK(defaultTeamNames(1).size() == 2);
    CHECK(defaultTeamNames(12).size() == 8);
    CHECK(defaultTeamNames(3).back() == "Team 3");
}

TEST_CASE("ClassSetup: a show of hands adds to the distribution and to the CSV",
          "[core][classroom]")
{
    ClassSettings settings;
    settings.closeWhenAllAnswered = false; // the instructor reveals, as on a projector
    Classroom room({makeQuestion("x", "one"), makeQuestion("y", "one")}, settings);
    HandTally hands(room);
    const std::size_t team = room.join("Team 1", 0ms).player;
    REQUIRE(room.command(ClassRole::Host, HostCommand::Start, 0ms) == ClassRefusal::None);
    REQUIRE(room.answer(team, 0, {"b"}, 100ms) == ClassRefusal::None);
    hands.adjust(0, 0, 3);
    hands.adjust(0, 1, 2);
    hands.adjust(0, 1, -5); // never below zero
    hands.adjust(0, 2, 1);
    hands.adjust(9, 0, 1); // out of range: ignored
    CHECK(hands.total(0) == 4);
    REQUIRE(room.command(ClassRole::Host, HostCommand::Reveal, 200ms) == ClassRefusal::None);
    CHECK(roomDistribution(room, hands, 0) == std::vector<std::size_t>{3, 1, 1});
    const std::string csv = formatResultsCsv(room, hands);
    CHECK(csv.find("hands,,,,,1,x,Stem x,A,a,,distractor,,,3\n") != std::string::npos);
    CHECK(csv.find("hands,,,,,1,x,Stem x,B,b,,correct,,,0\n") != std::string::npos);
    CHECK(csv.find("player,1,Team 1,") != std::string::npos);
    CHECK(csv.find("hands,,,,,2,") == std::string::npos); // not asked yet
}

TEST_CASE("ClassSetup: a class code typed in any letter case or with spaces is the same code",
          "[core][classroom]")
{
    CHECK(normalizeClassCode("k6zx") == "K6ZX");
    CHECK(normalizeClassCode(" K7qx 9m\t") == "K7QX9M");
    CHECK(normalizeClassCode("K7QX9M") == "K7QX9M");
    CHECK(normalizeClassCode("") == "");
    // Only ASCII letters change: other bytes (a mistyped code) stay wrong, never crash.
    CHECK(normalizeClassCode("k\xc3\xa9") == "K\xc3\xa9");
    const std::string made = makeClassCode(42);
    CHECK(normalizeClassCode(made) == made);
}

TEST_CASE("ClassSetup: every class's results get their own file, named by local date and time",
          "[core][classroom][csv]")
{
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("class-results-test-" + makeClassCode(7));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const TimestampMs now = 1'780'304'400'000LL; // 2026-06-01 09:00:00 UTC
    const std::string first = classResultsPath(dir.string(), "projector", now, 120);
    CHECK(first == (dir / "class-results-projector-20260601-110000.csv").string());
    std::ofstream(first) << "x";
    const std::string second = classResultsPath(dir.string(), "projector", now, 120);
    CHECK(second == (dir / "class-results-projector-20260601-110000-2.csv").string());
    std::ofstream(second) << "x";
    CHECK(classResultsPath(dir.string(), "projector", now, 120) ==
          (dir / "class-results-projector-20260601-110000-3.csv").string());
    CHECK(classResultsPath(dir.string(), "K7QX9M", now + 1000, 0) ==
          (dir / "class-results-K7QX9M-20260601-090001.csv").string());
    std::filesystem::remove_all(dir);
}

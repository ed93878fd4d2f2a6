#include "core/pack/PackLoader.hpp"
#include "core/session/Results.hpp"
#include "core/session/Session.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <set>

using namespace quiz::core;

namespace
{

Pack dosePack()
{
    LoadResult loaded =
        PackLoader().loadFile(std::string(QUIZ_TEST_DATA_DIR) + "/packs/numeric/dose.xml");
    REQUIRE(loaded.pack);
    REQUIRE_FALSE(loaded.diagnostics.hasErrors());
    return std::move(*loaded.pack);
}

Session makeSession(const Pack& pack, std::uint32_t seed, std::size_t count = 0,
                    Mode mode = Mode::Tutor)
{
    SessionConfig config;
    config.seed = seed;
    config.count = count;
    config.mode = mode;
    std::string error;
    std::optional<Session> session = Session::create({pack}, config, error);
    INFO(error);
    REQUIRE(session);
    return std::move(*session);
}

std::size_t indexOf(const Session& session, const std::string& id)
{
    for (std::size_t i = 0; i < session.getQuestionCount(); ++i)
    {
        if (session.getQuestion(i).question.id == id)
            return i;
    }
    return session.getQuestionCount();
}

} // namespace

TEST_CASE("Session: numeric questions are drawn, instantiated and replay with the seed",
          "[core][session][numeric]")
{
    const Pack pack = dosePack();
    const Session first = makeSession(pack, 11);
    const Session again = makeSession(pack, 11);
    REQUIRE(first.getQuestionCount() == 4);
    const PlannedQuestion& planned = first.getQuestion(indexOf(first, "dc-101"));
    REQUIRE(planned.draw);
    const double weight = planned.draw->values[0].second;
    const double conc = planned.draw->values[1].second;
    CHECK(planned.draw->answer == Approx(weight * 80 / conc));
    const std::string stem = planned.question.stem.toPlain();
    CHECK(stem.find("{weight}") == std::string::npos);
    CHECK(stem.find(formatNumber(weight, 0) + " kg") != std::string::npos);
    CHECK(planned.question.explanation.toPlain().find("{") == std::string::npos);
    const PlannedQuestion& replayed = again.getQuestion(indexOf(again, "dc-101"));
    REQUIRE(replayed.draw);
    CHECK(replayed.draw->values == planned.draw->values);
    CHECK(replayed.question.stem == planned.question.stem);

    // Over many seeds the numbers change.
    std::set<double> answers;
    for (std::uint32_t seed = 1; seed < 40; ++seed)
    {
        const Session session = makeSession(pack, seed);
        answers.insert(session.getQuestion(indexOf(session, "dc-101")).draw->answer);
    }
    CHECK(answers.size() > 10);
}

TEST_CASE("Session: a case is asked whole, in order, with its stem above each question",
          "[core][session][case]")
{
    const Pack pack = dosePack();
    for (std::uint32_t seed = 1; seed <= 30; ++seed)
    {
        const Session session = makeSession(pack, seed);
        const std::size_t first = indexOf(session, "dc-201");
        const std::size_t second = indexOf(session, "dc-202");
        REQUIRE(first < session.getQuestionCount());
        CHECK(second == first + 1);
        const PlannedQuestion& a = session.getQuestion(first);
        const PlannedQuestion& b = session.getQuestion(second);
        CHECK(a.caseTitle == "Post-operative patient");
        CHECK(a.casePosition == 1);
        CHECK(b.casePosition == 2);
        CHECK(a.caseSize == 2);
        // One draw per case per round: both questions show the same weight.
        CHECK(a.caseStem == b.caseStem);
        CHECK(a.caseStem.toPlain().find("{kg}") == std::string::npos);
        const double kg = a.draw->values[0].second;
        CHECK(b.question.stem.toPlain().find(formatNumber(kg, 0) + " kg") != std::string::npos);
        CHECK(session.getQuestion(indexOf(session, "dc-101")).caseSize == 0);
    }
}

TEST_CASE("Session: a count never splits a case", "[core][session][case]")
{
    const Pack pack = dosePack();
    bool sawCase = false;
    bool sawWithout = false;
    for (std::uint32_t seed = 1; seed <= 40; ++seed)
    {
        const Session session = makeSession(pack, seed, 3);
        const bool first = indexOf(session, "dc-201") < session.getQuestionCount();
        const bool second = indexOf(session, "dc-202") < session.getQuestionCount();
        CHECK(first == second);
        CHECK(session.getQuestionCount() <= 3);
        sawCase = sawCase || first;
        sawWithout = sawWithout || !first;
        const Session one = makeSession(pack, seed, 1);
        CHECK(one.getQuestionCount() == 1);
        CHECK(one.getQuestion(0).caseSize == 0);
    }
    CHECK(sawCase);
    CHECK(sawWithout);
}

TEST_CASE("Session: answerNumber scores, names the mistake and flags a double dose",
          "[core][session][numeric]")
{
    const Pack pack = dosePack();
    Session session = makeSession(pack, 5);
    while (session.getCurrent().question.id != "dc-101")
    {
        if (session.getCurrent().question.type == QuestionType::Numeric)
            REQUIRE(session.answerNumber(1));
        else
            REQUIRE(session.pick("true"));
        REQUIRE(session.next());
    }
    const Draw draw = *session.getCurrent().draw;
    CHECK_FALSE(session.pick("a"));
    CHECK_FALSE(session.submit());
    CHECK_FALSE(session.answerNumber(std::nan("")));
    REQUIRE(session.answerNumber(draw.mistakeValues[0])); // pounds as kilograms
    CHECK(session.getPhase() == Phase::Feedback);
    const AnswerRecord& record = session.getAnswers().back();
    CHECK_FALSE(record.score.correct);
    CHECK(record.score.points == 0);
    CHECK(record.mistakeIndex == 0);
    CHECK(record.score.critical); // 2.2x the dose
    REQUIRE(record.typedValue);
    CHECK(*record.typedValue == Approx(draw.mistakeValues[0]));
    CHECK_FALSE(session.answerNumber(1)); // not Asking any more

    const nlohmann::json results = nlohmann::json::parse(resultsToJson(session));
    const nlohmann::json& last = results["questions"].back();
    CHECK(last["id"] == "dc-101");
    CHECK(last["typed"].get<double>() == Approx(draw.mistakeValues[0]));
    CHECK(last["mistake"] == 0);
    CHECK(last["mistakeText"].get<std::string>().find("pounds") != std::string::npos);
    CHECK(last["unit"] == "mL");
    CHECK(last["critical"] == true);
}

TEST_CASE("Session: a right typed answer earns the points; a timeout is unanswered",
          "[core][session][numeric]")
{
    const Pack pack = dosePack();
    SessionConfig config;
    config.seed = 9;
    config.onlyQuestions = {{"org.example.dose-test", "dc-101"},
                            {"org.example.dose-test", "dc-102"}};
    config.keepListedOrder = true;
    config.timerSeconds = 10;
    std::string error;
    std::optional<Session> session = Session::create({pack}, config, error);
    REQUIRE(session);
    const Draw draw = *session->getCurrent().draw;
    REQUIRE(session->answerNumber(roundTo(draw.answer, 1)));
    CHECK(session->getAnswers().back().score.correct);
    CHECK(session->getAnswers().back().score.points == 1.0);
    CHECK(session->getAnswers().back().mistakeIndex == -1);
    CHECK_FALSE(session->getAnswers().back().score.critical);
    REQUIRE(session->next());
    session->advance(std::chrono::seconds(11));
    CHECK(session->getAnswers().back().timedOut);
    CHECK_FALSE(session->getAnswers().back().typedValue);
    CHECK(session->getAnswers().back().key.questionId == "dc-102");
    CHECK(session->summarize().correct == 1);
}

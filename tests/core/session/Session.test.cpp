#include "core/session/Session.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

using namespace quiz::core;
using namespace std::chrono_literals;

namespace
{

Option makeOption(const std::string& id, bool correct, bool fixed = false,
                  OptionSeverity severity = OptionSeverity::Normal)
{
    Option option;
    option.id = id;
    option.text = RichText::fromPlain("Option " + id);
    option.rationale = RichText::fromPlain("Because " + id);
    option.correct = correct;
    option.fixed = fixed;
    option.severity = severity;
    return option;
}

Question makeSingle(const std::string& id, const std::string& topic)
{
    Question q;
    q.id = id;
    q.topicId = topic;
    q.stem = RichText::fromPlain("Stem of " + id + "?");
    q.options = {makeOption("a", true), makeOption("b", false), makeOption("c", false),
                 makeOption("d", false, false, OptionSeverity::Critical)};
    q.hints = {RichText::fromPlain("first hint"), RichText::fromPlain("second hint")};
    return q;
}

/// Pack "p" with topics mech (child mech.at) and rev; 6 questions, one of them a draft.
Pack makePack()
{
    Pack pack;
    pack.id = "p";
    pack.title = "Pack P";
    pack.topics = {{"mech", "Mechanism", "", 0, 0},
                   {"mech.at", "Antithrombin", "mech", 1, 0},
                   {"rev", "Reversal", "", 0, 0}};
    pack.questions = {makeSingle("m1", "mech"),    makeSingle("m2", "mech.at"),
                      makeSingle("m3", "mech.at"), makeSingle("r1", "rev"),
                      makeSingle("r2", "rev"),     makeSingle("draft", "rev")};
    pack.questions.back().status = QuestionStatus::Draft;

    Question multiple = makeSingle("r3", "rev");
    multiple.type = QuestionType::Multiple;
    multiple.options[1].correct = true;
    pack.questions.push_back(multiple);

    Question tf;
    tf.id = "tf";
    tf.type = QuestionType::TrueFalse;
    tf.topicId = "rev";
    tf.options = {makeOption("true", false), makeOption("false", true)};
    pack.questions.push_back(tf);
    return pack;
}

Session start(const SessionConfig& config, const std::vector<Pack>& packs = {makePack()})
{
    std::string error;
    std::optional<Session> session = Session::create(packs, config, error);
    INFO(error);
    REQUIRE(session.has_value());
    return std::move(*session);
}

std::vector<std::string> playedIds(const Session& session)
{
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < session.getQuestionCount(); ++i)
        ids.push_back(session.getQuestion(i).question.id);
    return ids;
}

/// Answers the current question correctly.
void answerRight(Session& session)
{
    const Question& q = session.getCurrent().question;
    if (q.type == QuestionType::Multiple)
    {
        for (const std::string& id : q.getCorrectOptionIds())
            session.pick(id);
        session.submit();
    }
    else
    {
        session.pick(q.getCorrectOptionIds().front());
    }
}

} // namespace

TEST_CASE("Session: plays only published questions of the selected topics and their subtopics",
          "[core][session]")
{
    SessionConfig config;
    config.selections = {{"p", "mech"}};
    Session session = start(config);
    std::vector<std::string> ids = playedIds(session);
    std::sort(ids.begin(), ids.end());
    CHECK(ids == std::vector<std::string>{"m1", "m2", "m3"});

    config.selections = {{"p", ""}};
    ids = playedIds(start(config));
    CHECK(ids.size() == 7);
    CHECK(std::find(ids.begin(), ids.end(), "draft") == ids.end());
}

TEST_CASE("Session: a question matched by two selections is played once", "[core][session]")
{
    SessionConfig config;
    config.selections = {{"p", "mech"}, {"p", "mech.at"}};
    CHECK(start(config).getQuestionCount() == 3);
    CHECK(Session::countMatching({makePack()}, config.selections) == 3);
}

TEST_CASE("Session: unknown packs, unknown topics and empty selections are refused with a reason",
          "[core][session]")
{
    std::string error;
    SessionConfig config;
    config.selections = {{"nope", ""}};
    CHECK_FALSE(Session::create({makePack()}, config, error).has_value());
    CHECK(error.find("nope") != std::string::npos);

    error.clear();
    config.selections = {{"p", "missing-topic"}};
    CHECK_FALSE(Session::create({makePack()}, config, error).has_value());
    CHECK(error.find("missing-topic") != std::string::npos);

    error.clear();
    config.selections = {};
    CHECK_FALSE(Session::create({}, config, error).has_value());
    CHECK_FALSE(error.empty());
}

TEST_CASE("Session: the same seed gives the same question and option order; another seed differs",
          "[core][session][random]")
{
    SessionConfig config;
    config.seed = 42;
    const Session a = start(config);
    const Session b = start(config);
    REQUIRE(playedIds(a) == playedIds(b));
    for (std::size_t i = 0; i < a.getQuestionCount(); ++i)
        CHECK(a.getQuestion(i).optionOrder == b.getQuestion(i).optionOrder);

    bool anyDifferent = false;
    for (std::uint32_t seed = 1; seed < 6; ++seed)
    {
        config.seed = seed;
        anyDifferent = anyDifferent || playedIds(start(config)) != playedIds(a);
    }
    CHECK(anyDifferent);
}

TEST_CASE("Session: count limits the round to that many distinct questions", "[core][session]")
{
    SessionConfig config;
    config.count = 3;
    const Session session = start(config);
    const std::vector<std::string> ids = playedIds(session);
    CHECK(ids.size() == 3);
    CHECK(std::set<std::string>(ids.begin(), ids.end()).size() == 3);
    config.count = 100;
    CHECK(start(config).getQuestionCount() == 7);
}

TEST_CASE("Session: fixed options stay put, shuffle=false and true/false keep document order",
          "[core][session][random]")
{
    Pack pack = makePack();
    pack.questions[0].options[3].fixed = true; // "d" stays last
    pack.questions[1].shuffle = false;
    SessionConfig config;
    for (std::uint32_t seed = 1; seed <= 20; ++seed)
    {
        config.seed = seed;
        const Session session = start(config, {pack});
        for (std::size_t i = 0; i < session.getQuestionCount(); ++i)
        {
            const PlannedQuestion& planned = session.getQuestion(i);
            const std::vector<std::size_t>& order = planned.optionOrder;
            REQUIRE(order.size() == planned.question.options.size());
            if (planned.question.id == "m1")
                CHECK(order[3] == 3);
            if (planned.question.id == "m2" || planned.question.id == "tf")
                CHECK(std::is_sorted(order.begin(), order.end()));
        }
    }
}

TEST_CASE("Session: tutor mode shows feedback after each answer, then moves on", "[core][session]")
{
    SessionConfig config;
    config.count = 2;
    Session session = start(config);
    CHECK(session.getPhase() == Phase::Asking);
    CHECK_FALSE(session.next()); // nothing to move on from yet
    answerRight(session);
    CHECK(session.getPhase() == Phase::Feedback);
    CHECK(session.getAnswers().size() == 1);
    CHECK(session.getAnswers()[0].score.correct);
    CHECK_FALSE(session.pick("a")); // answering twice is ignored
    CHECK(session.next());
    CHECK(session.getCurrentIndex() == 1);
    CHECK(session.getPhase() == Phase::Asking);
    answerRight(session);
    CHECK(session.next());
    CHECK(session.isFinished());
    CHECK_FALSE(session.submit());
}

TEST_CASE("Session: exam mode goes straight to the next question and finishes after the last",
          "[core][session]")
{
    SessionConfig config;
    config.mode = Mode::Exam;
    config.count = 3;
    Session session = start(config);
    for (int i = 0; i < 3; ++i)
    {
        CHECK(session.getPhase() == Phase::Asking);
        answerRight(session);
    }
    CHECK(session.isFinished());
    CHECK(session.summarize().percent == Approx(100.0));
}

TEST_CASE("Session: multiple response toggles picks and scores on submit", "[core][session]")
{
    SessionConfig config;
    config.onlyQuestions = {{"p", "r3"}};
    Session session = start(config);
    REQUIRE(session.getQuestionCount() == 1);
    CHECK(session.pick("a"));
    CHECK(session.pick("c"));
    CHECK(session.pick("c")); // untick
    CHECK(session.isSelected("a"));
    CHECK_FALSE(session.isSelected("c"));
    CHECK(session.getPhase() == Phase::Asking);
    CHECK(session.pick("b"));
    CHECK(session.submit());
    const AnswerRecord& answer = session.getAnswers().front();
    CHECK(answer.chosenOptionIds == std::vector<std::string>{"a", "b"});
    CHECK(answer.score.correct);
}

TEST_CASE("Session: a pick that is not an option of the question is ignored", "[core][session]")
{
    Session session = start({});
    CHECK_FALSE(session.pick("zzz"));
    CHECK(session.getAnswers().empty());
}

TEST_CASE("Session: a critical choice is recorded and counted apart from the score",
          "[core][session]")
{
    SessionConfig config;
    config.onlyQuestions = {{"p", "m1"}};
    Session session = start(config);
    session.pick("d");
    CHECK(session.getAnswers().front().score.critical);
    const SessionSummary summary = session.summarize();
    CHECK(summary.criticalErrors == 1);
    CHECK(summary.points == Approx(0.0));
    REQUIRE(summary.missed.size() == 1);
    CHECK(summary.missed.front().questionId == "m1");
}

TEST_CASE("Session: running out of time records the question unanswered", "[core][session][time]")
{
    SessionConfig config;
    config.timerSeconds = 10;
    config.count = 2;
    config.mode = Mode::Exam;
    Session session = start(config);
    REQUIRE(session.getTimeLeft().has_value());
    CHECK(*session.getTimeLeft() == 10s);
    session.advance(4s);
    CHECK(*session.getTimeLeft() == 6s);
    session.advance(6s);
    REQUIRE(session.getAnswers().size() == 1);
    CHECK(session.getAnswers()[0].timedOut);
    CHECK(session.getAnswers()[0].chosenOptionIds.empty());
    CHECK(session.getAnswers()[0].timeTaken == 10s);
    CHECK(session.getCurrentIndex() == 1);
    CHECK(*session.getTimeLeft() == 10s); // the next question gets the full time
    session.advance(2500ms);
    answerRight(session);
    CHECK(session.getAnswers()[1].timeTaken == 2500ms);
    CHECK(session.summarize().timedOut == 1);
    CHECK(session.getTotalTime() == 12500ms);
}

TEST_CASE("Session: without a timer time passes but never ends a question", "[core][session][time]")
{
    Session session = start({});
    CHECK_FALSE(session.getTimeLeft().has_value());
    session.advance(std::chrono::hours(5));
    CHECK(session.getPhase() == Phase::Asking);
    CHECK(session.getAnswers().empty());
}

TEST_CASE("Session: feedback time does not count against the next question's timer",
          "[core][session][time]")
{
    SessionConfig config;
    config.timerSeconds = 5;
    Session session = start(config);
    answerRight(session);
    session.advance(60s);
    CHECK(session.getPhase() == Phase::Feedback);
    session.next();
    CHECK(*session.getTimeLeft() == 5s);
}

TEST_CASE("Session: hints are revealed one at a time and recorded", "[core][session]")
{
    SessionConfig config;
    config.onlyQuestions = {{"p", "m1"}};
    Session session = start(config);
    CHECK(session.useHint() == 0);
    CHECK(session.useHint() == 1);
    CHECK(session.useHint() == -1);
    CHECK(session.getHintsShown() == 2);
    answerRight(session);
    CHECK(session.getAnswers().front().hintsUsed == 2);
    CHECK(session.getAnswers().front().score.correct); // hints never cost points
}

TEST_CASE("Session: the summary adds points per topic and lists missed questions",
          "[core][session]")
{
    SessionConfig config;
    config.selections = {{"p", "mech"}};
    config.mode = Mode::Exam;
    Session session = start(config);
    // Wrong on the first question, right on the others.
    session.pick("b");
    answerRight(session);
    answerRight(session);
    const SessionSummary summary = session.summarize();
    CHECK(summary.points == Approx(2.0));
    CHECK(summary.maxPoints == Approx(3.0));
    CHECK(summary.percent == Approx(200.0 / 3.0));
    CHECK(summary.correct == 2);
    REQUIRE(summary.missed.size() == 1);
    CHECK(summary.missed[0].questionId == session.getQuestion(0).question.id);
    double topicPoints = 0.0;
    int topicQuestions = 0;
    for (const TopicSummary& topic : summary.topics)
    {
        topicPoints += topic.points;
        topicQuestions += topic.questions;
        CHECK_FALSE(topic.title.empty());
    }
    CHECK(topicPoints == Approx(2.0));
    CHECK(topicQuestions == 3);
}

TEST_CASE("Session: retrying the missed questions plays exactly those", "[core][session]")
{
    SessionConfig config;
    config.mode = Mode::Exam;
    Session first = start(config);
    while (!first.isFinished())
    {
        if (first.getCurrentIndex() % 2 == 0)
        {
            const bool multiple = first.getCurrent().question.type == QuestionType::Multiple;
            first.pick(multiple ? "c" : "b");
            if (multiple)
                first.submit();
        }
        else
        {
            answerRight(first);
        }
    }
    const std::vector<QuestionKey> missed = first.summarize().missed;
    REQUIRE_FALSE(missed.empty());
    config.onlyQuestions = missed;
    const Session retry = start(config);
    CHECK(retry.getQuestionCount() == missed.size());
    for (std::size_t i = 0; i < retry.getQuestionCount(); ++i)
    {
        const QuestionKey key{retry.getQuestion(i).packId, retry.getQuestion(i).question.id};
        CHECK(std::find(missed.begin(), missed.end(), key) != missed.end());
    }
}

TEST_CASE("Session: a listed round plays its questions in the given order, skipping unknown ones",
          "[core][session]")
{
    Pack other = makePack();
    other.id = "q";
    SessionConfig config;
    config.onlyQuestions = {{"q", "r3"}, {"p", "m2"}, {"p", "gone"}, {"p", "m1"}, {"p", "m2"}};
    config.keepListedOrder = true;
    config.count = 0;
    for (std::uint32_t seed : {1U, 2U, 99U})
    {
        config.seed = seed;
        const Session session = start(config, {makePack(), other});
        REQUIRE(session.getQuestionCount() == 3);
        CHECK(session.getQuestion(0).packId == "q");
        CHECK(playedIds(session) == std::vector<std::string>{"r3", "m2", "m1"});
    }
    config.count = 2;
    CHECK(playedIds(start(config, {makePack(), other})) == std::vector<std::string>{"r3", "m2"});
    config.onlyQuestions = {{"p", "gone"}};
    std::string error;
    CHECK_FALSE(Session::create({makePack()}, config, error).has_value());
    CHECK_FALSE(error.empty());
}

TEST_CASE("Session: questions from several packs are played together", "[core][session]")
{
    Pack other = makePack();
    other.id = "q";
    SessionConfig config;
    config.selections = {{"p", "mech"}, {"q", "rev"}};
    const Session session = start(config, {makePack(), other});
    std::set<std::string> packs;
    for (std::size_t i = 0; i < session.getQuestionCount(); ++i)
        packs.insert(session.getQuestion(i).packId);
    CHECK(session.getQuestionCount() == 3 + 4);
    CHECK(packs == std::set<std::string>{"p", "q"});
}

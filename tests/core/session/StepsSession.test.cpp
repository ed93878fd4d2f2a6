#include "core/classroom/ClassSetup.hpp"
#include "core/pack/PackChecker.hpp"
#include "core/pack/PackLoader.hpp"
#include "core/pack/PackWriter.hpp"
#include "core/session/Results.hpp"
#include "core/session/Session.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>

using namespace quiz::core;

namespace
{

Pack stepsPack()
{
    LoadResult loaded =
        PackLoader().loadFile(std::string(QUIZ_TEST_DATA_DIR) + "/packs/steps/steps.xml");
    REQUIRE(loaded.pack);
    REQUIRE_FALSE(loaded.diagnostics.hasErrors());
    return std::move(*loaded.pack);
}

const Question& find(const Pack& pack, const std::string& id)
{
    const Question* question = pack.findQuestion(id);
    REQUIRE(question != nullptr);
    return *question;
}

Session makeSession(const Pack& pack, std::uint32_t seed, Mode mode = Mode::Tutor)
{
    SessionConfig config;
    config.seed = seed;
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

/// Plays the round up to the question `id` by answering the others wrongly.
void playUpTo(Session& session, const std::string& id)
{
    while (!session.isFinished() && session.getCurrent().question.id != id)
    {
        if (session.getCurrent().question.type == QuestionType::Ordering)
            CHECK(session.answerOrder({}));
        else
            CHECK(session.answerMatches({}));
        session.next();
    }
    REQUIRE_FALSE(session.isFinished());
}

} // namespace

TEST_CASE("Steps: the pack reads items in order and pairs with a distractor", "[core][pack][steps]")
{
    const Pack pack = stepsPack();
    const Question& ordering = find(pack, "or-1");
    CHECK(ordering.type == QuestionType::Ordering);
    CHECK(ordering.scoring == ScoringRule::Partial); // the default
    REQUIRE(ordering.items.size() == 5);
    CHECK(ordering.items.front().id == "check");
    CHECK(ordering.items.back().id == "press");
    CHECK(ordering.items[0].text.toPlain() ==
          "Check the order, the patient and the dose on the label");
    CHECK_FALSE(ordering.items[3].rationale.isEmpty());

    const Question& matching = find(pack, "ma-1");
    CHECK(matching.type == QuestionType::Matching);
    CHECK(matching.scoring == ScoringRule::AllOrNothing);
    REQUIRE(matching.pairs.size() == 4);
    CHECK_FALSE(matching.pairs[0].isDistractor());
    CHECK(matching.pairs[3].isDistractor());
    CHECK(matching.pairs[3].answer.toPlain() == "Naloxone");

    DiagnosticList diagnostics;
    CheckOptions options;
    options.checkFigureFiles = false;
    PackChecker(options).check(pack, diagnostics);
    for (const Diagnostic& d : diagnostics.getAll())
        FAIL_CHECK(d.format());
}

TEST_CASE("Steps: the writer writes them back unchanged", "[core][pack][steps]")
{
    const Pack pack = stepsPack();
    const std::string written = writePack(pack);
    CHECK(written.find("formatVersion=\"1.1\"") != std::string::npos);
    LoadResult again = PackLoader().loadString(written, "written.xml");
    REQUIRE(again.pack);
    for (const Diagnostic& d : again.diagnostics.getAll())
        FAIL_CHECK(d.format());
    CHECK(writePack(*again.pack) == written);
    const Question& matching = find(*again.pack, "ma-1");
    CHECK(matching.scoring == ScoringRule::AllOrNothing);
    CHECK(matching.pairs[3].isDistractor());
    CHECK(find(*again.pack, "or-1").items[2].id == "pinch");
}

TEST_CASE("Steps: a 1.0 pack may not hold them", "[core][pack][steps]")
{
    const Pack pack = stepsPack();
    std::string written = writePack(pack);
    const std::string version = "formatVersion=\"1.1\"";
    written.replace(written.find(version), version.size(), "formatVersion=\"1\"");
    const LoadResult loaded = PackLoader().loadString(written, "old.xml");
    CHECK(loaded.diagnostics.hasErrors());
}

TEST_CASE("Scoring: ordering by correct adjacent pairs or all or nothing", "[core][scoring][steps]")
{
    Pack pack = stepsPack();
    Question question = find(pack, "or-1");
    question.points = 4.0;
    const std::vector<std::string> right = {"check", "site", "pinch", "inject", "press"};
    AnswerScore score = scoreOrder(question, right);
    CHECK(score.correct);
    CHECK(score.points == Approx(4.0));

    // check-site and inject-press are right pairs; site-inject and pinch-check are not.
    score = scoreOrder(question, {"pinch", "check", "site", "inject", "press"});
    CHECK(score.partial);
    CHECK(score.points == Approx(4.0 * 2.0 / 4.0));
    CHECK(orderPositionsCorrect(question, {"pinch", "check", "site", "inject", "press"}) ==
          std::vector<bool>{false, false, false, true, true});

    // Reversed: no pair is right.
    score = scoreOrder(question, {"press", "inject", "pinch", "site", "check"});
    CHECK(score.points == 0.0);
    CHECK_FALSE(score.partial);

    // Unknown and repeated ids earn nothing; the unknown ones are listed.
    score = scoreOrder(question, {"check", "check", "site", "bogus"});
    CHECK(score.points == Approx(1.0));
    CHECK(score.unknownOptionIds == std::vector<std::string>{"bogus"});
    CHECK(scoreOrder(question, {}).points == 0.0);

    question.scoring = ScoringRule::AllOrNothing;
    CHECK(scoreOrder(question, {"pinch", "check", "site", "inject", "press"}).points == 0.0);
    CHECK(scoreOrder(question, right).points == Approx(4.0));
}

TEST_CASE("Scoring: matching per correct pair or all or nothing", "[core][scoring][steps]")
{
    Pack pack = stepsPack();
    Question question = find(pack, "ma-1");
    question.scoring = ScoringRule::Partial;
    question.points = 3.0;
    const MatchList right = {
        {"heparin", "heparin"}, {"warfarin", "warfarin"}, {"dabigatran", "dabigatran"}};
    CHECK(scoreMatches(question, right).correct);

    MatchList oneWrong = right;
    oneWrong[2].second = "naloxone"; // the distractor
    AnswerScore score = scoreMatches(question, oneWrong);
    CHECK(score.partial);
    CHECK(score.points == Approx(2.0));

    // An unmatched prompt and an unknown answer earn nothing.
    score = scoreMatches(question, {{"heparin", "heparin"}, {"warfarin", ""}, {"dabigatran", "x"}});
    CHECK(score.points == Approx(1.0));
    CHECK(score.unknownOptionIds == std::vector<std::string>{"x"});
    // A distractor is no prompt.
    CHECK_FALSE(isRightMatch(question, "naloxone", "naloxone"));

    // Two answers with the same text are both right.
    question.pairs[1].answer = question.pairs[0].answer;
    CHECK(isRightMatch(question, "warfarin", "heparin"));

    question.scoring = ScoringRule::AllOrNothing;
    CHECK(scoreMatches(question, oneWrong).points == 0.0);
    CHECK(scoreMatches(question, right).points == Approx(3.0));
}

TEST_CASE("Session: ordering items are never shown in order; answers are shuffled by seed",
          "[core][session][steps]")
{
    const Pack pack = stepsPack();
    bool answersMoved = false;
    for (std::uint32_t seed = 1; seed <= 200; ++seed)
    {
        const Session session = makeSession(pack, seed);
        const PlannedQuestion& ordering = session.getQuestion(indexOf(session, "or-1"));
        REQUIRE(ordering.itemOrder.size() == 5);
        CHECK_FALSE(std::is_sorted(ordering.itemOrder.begin(), ordering.itemOrder.end()));
        std::vector<std::size_t> sorted = ordering.itemOrder;
        std::sort(sorted.begin(), sorted.end());
        CHECK(sorted == std::vector<std::size_t>{0, 1, 2, 3, 4});
        const PlannedQuestion& matching = session.getQuestion(indexOf(session, "ma-1"));
        REQUIRE(matching.answerOrder.size() == 4);
        answersMoved = answersMoved ||
                       !std::is_sorted(matching.answerOrder.begin(), matching.answerOrder.end());
        // The same seed plans the same round.
        const Session again = makeSession(pack, seed);
        CHECK(again.getQuestion(indexOf(again, "or-1")).itemOrder == ordering.itemOrder);
        CHECK(again.getQuestion(indexOf(again, "ma-1")).answerOrder == matching.answerOrder);
    }
    CHECK(answersMoved);

    // Two items: the only other order is the reverse.
    Pack two = pack;
    Question& question = two.questions.front();
    question.items.resize(2);
    for (std::uint32_t seed = 1; seed <= 20; ++seed)
    {
        const Session session = makeSession(two, seed);
        CHECK(session.getQuestion(indexOf(session, "or-1")).itemOrder ==
              std::vector<std::size_t>{1, 0});
    }
}

TEST_CASE("Session: an order and a matching are answered, scored and written to the results",
          "[core][session][steps]")
{
    const Pack pack = stepsPack();
    Session session = makeSession(pack, 7);
    playUpTo(session, "or-1");
    CHECK_FALSE(session.submit());
    CHECK_FALSE(session.answerMatches({}));
    CHECK(session.answerOrder({"check", "site", "pinch", "press", "inject"}));
    CHECK(session.getPhase() == Phase::Feedback);
    CHECK_FALSE(session.answerOrder({"check"}));
    const AnswerRecord* answer = session.getAnswer(indexOf(session, "or-1"));
    REQUIRE(answer != nullptr);
    CHECK(answer->score.points == Approx(0.5)); // check-site and site-pinch of 4 pairs
    CHECK(answer->order.size() == 5);
    session.next();
    if (!session.isFinished())
    {
        REQUIRE(session.getCurrent().question.id == "ma-1");
        CHECK(session.answerMatches({{"heparin", "heparin"}, {"warfarin", "naloxone"}}));
        session.next();
    }
    REQUIRE(session.isFinished());

    const nlohmann::json json = nlohmann::json::parse(resultsToJson(session));
    for (const nlohmann::json& question : json["questions"])
    {
        if (question["id"] == "or-1")
        {
            CHECK(question["order"][3] == "press");
            CHECK(question["rightOrder"][3] == "inject");
        }
        else
        {
            REQUIRE(question["matches"].size() == 2);
            CHECK(question["matches"][0]["right"] == true);
            CHECK(question["matches"][1]["answer"] == "naloxone");
            CHECK(question["matches"][1]["right"] == false);
            CHECK(question["points"] == 0.0); // all or nothing
        }
    }
}

TEST_CASE("Session: a timer runs out on an ordering question as unanswered",
          "[core][session][steps]")
{
    const Pack pack = stepsPack();
    SessionConfig config;
    config.timerSeconds = 5;
    std::string error;
    std::optional<Session> session = Session::create({pack}, config, error);
    REQUIRE(session);
    session->advance(std::chrono::seconds(6));
    REQUIRE(session->getAnswers().size() == 1);
    CHECK(session->getAnswers().front().timedOut);
    CHECK(session->getAnswers().front().score.points == 0.0);
}

TEST_CASE("Class mode: ordering and matching questions are played, their items and pairs as "
          "the pack has them (the class's shown order is the room's)",
          "[core][classroom][steps]")
{
    Pack pack = stepsPack();
    Question single;
    single.id = "sc-1";
    single.topicId = "admin";
    single.options.resize(2);
    single.options[0].id = "a";
    single.options[0].correct = true;
    single.options[1].id = "b";
    pack.questions.push_back(single);

    std::vector<Question> picked = pickClassQuestions(pack, {}, 0, 3);
    REQUIRE(picked.size() == 3);
    std::sort(picked.begin(), picked.end(),
              [](const Question& a, const Question& b) { return a.id < b.id; });
    CHECK(picked[0].id == "ma-1");
    CHECK(picked[1].id == "or-1");
    CHECK(picked[2].id == "sc-1");
    // Scoring reads the right order from the items: picking must not shuffle them.
    CHECK(picked[1].items.front().id == "check");
    CHECK(picked[1].items.back().id == "press");
    CHECK(picked[0].pairs.size() == 4);
    // The set-up screens' selection of the whole pack plays them too.
    const std::vector<Pack> packs{pack};
    const std::vector<TopicSelection> whole{{pack.id, ""}};
    CHECK(pickClassQuestions(packs, whole, 0, 3).size() == 3);
}

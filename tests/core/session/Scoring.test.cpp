#include "core/session/Scoring.hpp"

#include <catch2/catch.hpp>

using namespace quiz::core;

namespace
{

Option makeOption(const std::string& id, bool correct, double weight = 0.0,
                  OptionSeverity severity = OptionSeverity::Normal)
{
    Option option;
    option.id = id;
    option.correct = correct;
    option.weight = weight;
    option.severity = severity;
    return option;
}

Question makeMultiple(ScoringRule rule)
{
    Question q;
    q.id = "m";
    q.type = QuestionType::Multiple;
    q.scoring = rule;
    q.points = 2.0;
    q.options = {makeOption("a", true, 50), makeOption("b", true, 50), makeOption("c", false, -50),
                 makeOption("d", false, -50, OptionSeverity::Critical)};
    return q;
}

} // namespace

TEST_CASE("Scoring: single earns the points only for the correct option", "[core][scoring]")
{
    Question q;
    q.points = 3.0;
    q.options = {makeOption("a", false), makeOption("b", true), makeOption("c", false)};
    CHECK(scoreAnswer(q, {"b"}).points == Approx(3.0));
    CHECK(scoreAnswer(q, {"b"}).correct);
    CHECK(scoreAnswer(q, {"a"}).points == Approx(0.0));
    CHECK_FALSE(scoreAnswer(q, {"a"}).correct);
    CHECK(scoreAnswer(q, {}).points == Approx(0.0));
    // Two picks on a one-answer question are not a hedge that pays.
    CHECK(scoreAnswer(q, {"a", "b"}).points == Approx(0.0));
}

TEST_CASE("Scoring: truefalse scores like single", "[core][scoring]")
{
    Question q;
    q.type = QuestionType::TrueFalse;
    q.options = {makeOption("true", false), makeOption("false", true)};
    CHECK(scoreAnswer(q, {"false"}).correct);
    CHECK_FALSE(scoreAnswer(q, {"true"}).correct);
}

TEST_CASE("Scoring: plusMinus gives +1 per right pick, -1 per wrong pick, floor 0",
          "[core][scoring]")
{
    const Question q = makeMultiple(ScoringRule::PlusMinus);
    CHECK(scoreAnswer(q, {"a", "b"}).points == Approx(2.0));
    CHECK(scoreAnswer(q, {"a"}).points == Approx(1.0));
    CHECK(scoreAnswer(q, {"a"}).partial);
    CHECK(scoreAnswer(q, {"a", "b", "c"}).points == Approx(1.0));
    CHECK(scoreAnswer(q, {"a", "c"}).points == Approx(0.0));
    CHECK(scoreAnswer(q, {"c", "d"}).points == Approx(0.0));
    CHECK(scoreAnswer(q, {"a", "a", "b"}).correct); // a repeated id counts once
}

TEST_CASE("Scoring: allOrNothing needs exactly the correct set", "[core][scoring]")
{
    const Question q = makeMultiple(ScoringRule::AllOrNothing);
    CHECK(scoreAnswer(q, {"b", "a"}).points == Approx(2.0));
    CHECK(scoreAnswer(q, {"a"}).points == Approx(0.0));
    CHECK(scoreAnswer(q, {"a", "b", "c"}).points == Approx(0.0));
}

TEST_CASE("Scoring: weighted sums percent weights and clamps to 0..100", "[core][scoring]")
{
    const Question q = makeMultiple(ScoringRule::Weighted);
    CHECK(scoreAnswer(q, {"a", "b"}).points == Approx(2.0));
    CHECK(scoreAnswer(q, {"a"}).points == Approx(1.0));
    CHECK(scoreAnswer(q, {"a", "c"}).points == Approx(0.0));
    CHECK(scoreAnswer(q, {"c", "d"}).points == Approx(0.0));
}

TEST_CASE("Scoring: a critical option is reported apart from the points", "[core][scoring]")
{
    Question q = makeMultiple(ScoringRule::PlusMinus);
    const AnswerScore score = scoreAnswer(q, {"a", "b", "d"});
    CHECK(score.critical);
    CHECK(score.criticalOptionIds == std::vector<std::string>{"d"});
    CHECK(score.points == Approx(1.0));
    CHECK_FALSE(scoreAnswer(q, {"a", "b"}).critical);
}

TEST_CASE("Scoring: unknown option ids earn nothing and are listed", "[core][scoring]")
{
    Question q;
    q.options = {makeOption("a", true), makeOption("b", false)};
    const AnswerScore score = scoreAnswer(q, {"zz"});
    CHECK(score.points == Approx(0.0));
    CHECK(score.unknownOptionIds == std::vector<std::string>{"zz"});
}

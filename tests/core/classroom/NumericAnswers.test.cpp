#include "core/classroom/NumericAnswers.hpp"

#include "core/classroom/Classroom.hpp"
#include "support/DosePack.hpp"

#include <catch2/catch.hpp>

using namespace quiz;
using namespace quiz::core;
using namespace std::chrono_literals;

namespace
{

const Question& doseQuestionOf(const Pack& pack, const std::string& id)
{
    const Question* question = pack.findQuestion(id);
    REQUIRE(question != nullptr);
    return *question;
}

} // namespace

TEST_CASE("Class dose: the first sentence of a rationale names its bar", "[core][classroom][dose]")
{
    CHECK(firstSentence(RichText::fromPlain("You used pounds. The dose is per kg.")) ==
          "You used pounds.");
    // A point inside a number ends no sentence.
    CHECK(firstSentence(RichText::fromPlain("You gave 0.5 mL too much! Check it.")) ==
          "You gave 0.5 mL too much!");
    CHECK(firstSentence(RichText::fromPlain("No end here")) == "No end here");
    CHECK(firstSentence(RichText::fromPlain(std::string(200, 'a')), 10) ==
          std::string(10, 'a') + "…");
}

TEST_CASE("Class dose: typed answers group as correct, each named mistake in order, and other",
          "[core][classroom][dose]")
{
    const Pack pack = test::makeDosePack();
    const Question& bolus = doseQuestionOf(pack, "dose-bolus");
    std::vector<NumericVerdict> verdicts(6);
    verdicts[0].correct = true;
    verdicts[1].correct = true;
    verdicts[2].mistakeIndex = 1;
    verdicts[3].mistakeIndex = 0;
    verdicts[4].mistakeIndex = 1;
    verdicts[5].mistakeIndex = 7; // no such mistake: other
    const std::vector<AnswerGroup> groups = groupNumericAnswers(bolus, verdicts);
    REQUIRE(groups.size() == 4);
    CHECK(groups[0].kind == AnswerGroup::Kind::Correct);
    CHECK(groups[0].count == 2);
    CHECK(groups[1].kind == AnswerGroup::Kind::Mistake);
    CHECK(groups[1].label.rfind("You used the weight in pounds", 0) == 0);
    CHECK(groups[1].count == 1);
    CHECK_FALSE(groups[1].critical);
    CHECK(groups[2].count == 2);
    CHECK(groups[2].critical);
    CHECK(groups[3].kind == AnswerGroup::Kind::Other);
    CHECK(groups[3].count == 1);
    // Nobody answered: every bar is still there, at zero.
    const std::vector<AnswerGroup> empty = groupNumericAnswers(bolus, {});
    REQUIRE(empty.size() == 4);
    for (const AnswerGroup& group : empty)
        CHECK(group.count == 0);
}

TEST_CASE("Class dose: the room judges typed numbers against its own draw and groups them at "
          "the reveal",
          "[core][classroom][dose]")
{
    const Pack pack = test::makeDosePack();
    ClassSettings settings;
    settings.seed = 42;
    settings.closeWhenAllAnswered = false;
    Classroom room({doseQuestionOf(pack, "dose-bolus")}, settings);
    const Draw* draw = room.getDraw(0);
    REQUIRE(draw != nullptr);
    // The text shows the drawn weight, not the placeholder.
    CHECK(room.getQuestion(0).stem.toPlain().find("{weight}") == std::string::npos);
    const double answer = roundTo(draw->answer, 1);
    const double pounds = roundTo(draw->mistakeValues.at(0), 1);
    for (const char* name : {"ana", "ben", "cy", "dee"})
        REQUIRE(room.join(name, 0ms).refusal == ClassRefusal::None);
    REQUIRE(room.command(ClassRole::Host, HostCommand::Start, 0ms) == ClassRefusal::None);
    CHECK(room.answerNumber(0, 0, answer, 1000ms) == ClassRefusal::None);
    CHECK(room.answerNumber(1, 0, pounds, 1500ms) == ClassRefusal::None);
    CHECK(room.answerNumber(2, 0, answer + 3.0, 1500ms) == ClassRefusal::None);
    CHECK(room.answerNumber(2, 0, answer, 1600ms) == ClassRefusal::AlreadyAnswered);
    CHECK(room.answer(3, 0, {"a"}, 1700ms) == ClassRefusal::UnknownOption);
    REQUIRE(room.command(ClassRole::Host, HostCommand::Reveal, 2000ms) == ClassRefusal::None);
    const QuestionStats& stats = room.getStats(0);
    CHECK(stats.answered == 3);
    CHECK(stats.correct == 1);
    REQUIRE(stats.answerGroups.size() == 4);
    CHECK(stats.answerGroups[0].count == 1);
    CHECK(stats.answerGroups[1].count == 1);
    CHECK(stats.answerGroups[2].count == 0);
    CHECK(stats.answerGroups[3].count == 1);
    CHECK(room.getPlayers()[0].answers[0].correct);
    CHECK(room.getPlayers()[1].answers[0].mistakeIndex == 0);
    // Pounds for kilograms is 2.2 times the dose: a critical safety error.
    CHECK(room.getPlayers()[1].answers[0].critical);
    CHECK(room.getPlayers()[0].score > 0);
    CHECK(room.getPlayers()[1].score == 0);
}

TEST_CASE("Class dose: a question of a case stands alone with the case's scenario and variables",
          "[core][classroom][dose]")
{
    const Pack pack = test::makeDosePack();
    const Question alone = withCase(doseQuestionOf(pack, "case-rate"), pack);
    CHECK(alone.caseId.empty());
    CHECK(alone.stem.toPlain().rfind("Post-operative patient", 0) == 0);
    CHECK(alone.stem.toPlain().find("What rate do you start") != std::string::npos);
    REQUIRE(alone.variables.size() == 1);
    CHECK(alone.variables[0].name == "weight");
    Classroom room({alone}, {});
    REQUIRE(room.getDraw(0) != nullptr);
    CHECK(room.getQuestion(0).stem.toPlain().find("{weight}") == std::string::npos);
}

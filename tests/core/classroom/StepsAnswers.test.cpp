#include "core/classroom/StepsAnswers.hpp"

#include "core/classroom/Classroom.hpp"
#include "core/pack/PackLoader.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace quiz::core;
using namespace std::chrono_literals;

namespace
{

Pack stepsPack()
{
    LoadResult loaded =
        PackLoader().loadFile(std::string(QUIZ_TEST_DATA_DIR) + "/packs/steps/steps.xml");
    REQUIRE(loaded.pack);
    return std::move(*loaded.pack);
}

const Question& find(const Pack& pack, const std::string& id)
{
    const Question* question = pack.findQuestion(id);
    REQUIRE(question != nullptr);
    return *question;
}

/// The letters a student sees for the items in the right order.
std::vector<std::string> rightLetters(const ClassSteps& steps)
{
    std::vector<std::string> letters(steps.itemOrder.size());
    for (std::size_t position = 0; position < steps.itemOrder.size(); ++position)
        letters[steps.itemOrder[position]] = classOptionLetter(position);
    return letters;
}

/// The letter of the choice that is pair `pairIndex`'s answer.
std::string choiceLetter(const ClassSteps& steps, std::size_t pairIndex)
{
    const auto it = std::find(steps.choiceOrder.begin(), steps.choiceOrder.end(), pairIndex);
    REQUIRE(it != steps.choiceOrder.end());
    return classOptionLetter(static_cast<std::size_t>(it - steps.choiceOrder.begin()));
}

Classroom startedRoom(const Question& question, std::size_t players)
{
    ClassSettings settings;
    settings.seed = 7;
    settings.closeWhenAllAnswered = false;
    Classroom room({question}, settings);
    for (std::size_t i = 0; i < players; ++i)
        REQUIRE(room.join("p" + std::to_string(i), 0ms).refusal == ClassRefusal::None);
    REQUIRE(room.command(ClassRole::Host, HostCommand::Start, 0ms) == ClassRefusal::None);
    return room;
}

} // namespace

TEST_CASE("Class steps: a class sees the items shuffled, never in the right order, the same "
          "for the same seed",
          "[core][classroom][steps]")
{
    const Pack pack = stepsPack();
    const Question& ordering = find(pack, "or-1");
    for (std::uint32_t seed = 0; seed < 50; ++seed)
    {
        const ClassSteps steps = planClassSteps(ordering, seed);
        REQUIRE(steps.itemOrder.size() == 5);
        CHECK_FALSE(std::is_sorted(steps.itemOrder.begin(), steps.itemOrder.end()));
        CHECK(planClassSteps(ordering, seed).itemOrder == steps.itemOrder);
    }
    const ClassSteps matching = planClassSteps(find(pack, "ma-1"), 3);
    // Three prompts in document order; four choices, the distractor among them.
    CHECK(matching.prompts == std::vector<std::size_t>{0, 1, 2});
    std::vector<std::size_t> choices = matching.choiceOrder;
    std::sort(choices.begin(), choices.end());
    CHECK(choices == std::vector<std::size_t>{0, 1, 2, 3});
    CHECK(planClassSteps(find(pack, "or-1"), 3).choiceOrder.empty());
}

TEST_CASE("Class steps: typed letters and shown letters turn into item and pair ids",
          "[core][classroom][steps]")
{
    const Pack pack = stepsPack();
    const Question& ordering = find(pack, "or-1");
    const ClassSteps steps = planClassSteps(ordering, 11);
    CHECK(splitTypedLetters("c a,b d") == std::vector<std::string>{"C", "A", "B", "D"});
    CHECK_FALSE(splitTypedLetters("CA1D"));
    CHECK(letterPosition("b") == 1U);
    CHECK_FALSE(letterPosition("AB"));
    const auto ids = orderFromLetters(ordering, steps, rightLetters(steps));
    REQUIRE(ids);
    CHECK(*ids == std::vector<std::string>{"check", "site", "pinch", "inject", "press"});
    // Five items: F is not shown.
    CHECK_FALSE(orderFromLetters(ordering, steps, {"A", "F"}));
    CHECK(stepsLetters(ordering, steps, *ids, {}) ==
          [&]
          {
              std::string joined;
              for (const std::string& letter : rightLetters(steps))
                  joined += letter;
              return joined;
          }());

    const Question& matching = find(pack, "ma-1");
    const ClassSteps shown = planClassSteps(matching, 11);
    const auto matches = matchesFromLetters(matching, shown, {{"2", choiceLetter(shown, 1)}});
    REQUIRE(matches);
    CHECK(*matches == MatchList{{"warfarin", "warfarin"}});
    CHECK_FALSE(matchesFromLetters(matching, shown, {{"4", "A"}}));
    CHECK_FALSE(matchesFromLetters(matching, shown, {{"1", "E"}}));
    CHECK_FALSE(matchesFromLetters(matching, shown, {{"x", "A"}}));
    CHECK(stepsLetters(matching, shown, {}, *matches) == "-" + choiceLetter(shown, 1) + "-");
}

TEST_CASE("Class steps: an ordering question is scored by adjacent pairs as the solo game does, "
          "refuses incomplete and repeated orders, and groups the room at the reveal",
          "[core][classroom][steps]")
{
    const Pack pack = stepsPack();
    Classroom room = startedRoom(find(pack, "or-1"), 4);
    const std::vector<std::string> right{"check", "site", "pinch", "inject", "press"};
    CHECK(room.answerOrder(0, 0, right, 1000ms) == ClassRefusal::None);
    CHECK(room.answerOrder(1, 0, {"site", "pinch", "inject", "press", "check"}, 1000ms) ==
          ClassRefusal::None);
    CHECK(room.answerOrder(2, 0, {"check", "site", "pinch", "inject"}, 1000ms) ==
          ClassRefusal::IncompleteAnswer);
    CHECK(room.answerOrder(2, 0, {"check", "check", "pinch", "inject", "press"}, 1000ms) ==
          ClassRefusal::RepeatedChoice);
    CHECK(room.answerOrder(2, 0, {"check", "site", "pinch", "inject", "rub"}, 1000ms) ==
          ClassRefusal::UnknownOption);
    CHECK(room.answerOrder(2, 0, {}, 1000ms) == ClassRefusal::EmptyAnswer);
    CHECK(room.answer(2, 0, {"check"}, 1000ms) == ClassRefusal::UnknownOption);
    CHECK(room.answerOrder(2, 0, {"press", "inject", "pinch", "site", "check"}, 1000ms) ==
          ClassRefusal::None);
    CHECK(room.answerOrder(2, 0, right, 1100ms) == ClassRefusal::AlreadyAnswered);
    REQUIRE(room.command(ClassRole::Host, HostCommand::Reveal, 2000ms) == ClassRefusal::None);

    const std::vector<ClassPlayer>& players = room.getPlayers();
    CHECK(players[0].answers[0].correct);
    CHECK(players[0].score == kClassBasePoints);
    // The first step put last keeps 3 of the 4 adjacent pairs: three quarters of the points.
    CHECK(players[1].answers[0].partial);
    CHECK(players[1].answers[0].partsRight == 3);
    CHECK(players[1].answers[0].partsTotal == 4);
    CHECK(players[1].score == 750);
    CHECK(players[2].answers[0].partsRight == 0);
    CHECK(players[2].score == 0);
    const QuestionStats& stats = room.getStats(0);
    CHECK(stats.answered == 3);
    REQUIRE(stats.answerGroups.size() == 3);
    CHECK(stats.answerGroups[0].label == "All right");
    CHECK(stats.answerGroups[0].count == 1);
    CHECK(stats.answerGroups[1].kind == AnswerGroup::Kind::Partial);
    CHECK(stats.answerGroups[1].count == 1);
    CHECK(stats.answerGroups[2].label == "Wrong");
    CHECK(stats.answerGroups[2].count == 1);
    // The results name the order in the letters the class saw.
    const std::string csv = formatResultsCsv(room);
    CHECK(csv.find(stepsLetters(room.getQuestion(0), room.getSteps(0), right, {}) +
                   ",correct,1000") != std::string::npos);
}

TEST_CASE("Class steps: a matching question needs every prompt once, scores all or nothing as "
          "the pack says, and counts the prompts right",
          "[core][classroom][steps]")
{
    const Pack pack = stepsPack();
    Classroom room = startedRoom(find(pack, "ma-1"), 3);
    const MatchList right{
        {"heparin", "heparin"}, {"warfarin", "warfarin"}, {"dabigatran", "dabigatran"}};
    CHECK(room.answerMatches(0, 0, right, 500ms) == ClassRefusal::None);
    CHECK(room.answerMatches(1, 0, {{"heparin", "heparin"}, {"warfarin", "warfarin"}}, 500ms) ==
          ClassRefusal::IncompleteAnswer);
    CHECK(room.answerMatches(
              1, 0, {{"heparin", "heparin"}, {"heparin", "warfarin"}, {"dabigatran", "dabigatran"}},
              500ms) == ClassRefusal::RepeatedChoice);
    CHECK(room.answerMatches(
              1, 0,
              {{"heparin", "heparin"}, {"naloxone", "warfarin"}, {"dabigatran", "dabigatran"}},
              500ms) == ClassRefusal::UnknownOption);
    CHECK(room.answerMatches(
              1, 0, {{"heparin", "heparin"}, {"warfarin", ""}, {"dabigatran", "dabigatran"}},
              500ms) == ClassRefusal::IncompleteAnswer);
    CHECK(room.answerMatches(
              1, 0,
              {{"heparin", "heparin"}, {"warfarin", "naloxone"}, {"dabigatran", "dabigatran"}},
              500ms) == ClassRefusal::None);
    REQUIRE(room.command(ClassRole::Host, HostCommand::Reveal, 1000ms) == ClassRefusal::None);
    const std::vector<ClassPlayer>& players = room.getPlayers();
    CHECK(players[0].answers[0].correct);
    CHECK(players[0].answers[0].partsRight == 3);
    // All or nothing: two of three prompts right earn nothing, and are still "partly right".
    CHECK_FALSE(players[1].answers[0].correct);
    CHECK(players[1].answers[0].partsRight == 2);
    CHECK(players[1].answers[0].partsTotal == 3);
    CHECK(players[1].score == 0);
    const QuestionStats& stats = room.getStats(0);
    REQUIRE(stats.answerGroups.size() == 3);
    CHECK(stats.answerGroups[0].count == 1);
    CHECK(stats.answerGroups[1].count == 1);
    CHECK(stats.answerGroups[2].count == 0);
}

// Dose practice on screen: the numeric question, its feedback with a named mistake and a
// question of a case, as goldens at 800x600 and 1920x1080, and the keys that play them.
#include "DoseScenes.hpp"
#include "ui/ClassGame.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace quiz;
using namespace quiz::test;

namespace
{

void checkDoseScene(const std::string& scene, void (*prepare)(Harness&))
{
    for (const auto& [w, h] : {std::pair<unsigned, unsigned>{800, 600}, {1920, 1080}})
    {
        Harness harness(w, h);
        prepare(harness);
        const std::string message = compareWithGolden(harness.render(), harness.name(scene));
        INFO(harness.name(scene));
        CHECK(message == "");
    }
}

} // namespace

TEST_CASE("Render: a numeric question with its unit, rounding rule and a refused letter",
          "[render][display][dose]")
{
    checkDoseScene("dose-question", doseQuestionScene);
}

TEST_CASE("Render: numeric feedback naming the mistake, with the worked solution",
          "[render][display][dose]")
{
    checkDoseScene("dose-feedback-mistake", doseFeedbackScene);
}

TEST_CASE("Render: a question of a case shows the case above it", "[render][display][dose]")
{
    checkDoseScene("dose-case", doseCaseScene);
}

TEST_CASE("Dose: a letter is refused with a message, a comma is a decimal point and Enter "
          "answers",
          "[render][display][dose]")
{
    Harness h(800, 600);
    startDose(h, {"dose-bolus", "dose-rate"});
    core::Session& session = *h.context.session;
    typeText(h, "x");
    CHECK(session.getPhase() == core::Phase::Asking);
    // Enter on an empty field answers nothing and says why.
    h.key(sf::Keyboard::Enter);
    CHECK(session.getAnswers().empty());
    const core::PlannedQuestion& planned = session.getCurrent();
    const double answer = core::roundTo(planned.draw->answer, 1);
    std::string typed = core::formatNumber(answer, 1);
    std::replace(typed.begin(), typed.end(), '.', ',');
    typeText(h, typed);
    h.key(sf::Keyboard::Enter);
    REQUIRE(session.getAnswers().size() == 1);
    CHECK(session.getAnswers().back().score.correct);
    REQUIRE(session.getAnswers().back().typedValue);
    CHECK(*session.getAnswers().back().typedValue == Approx(answer));
    CHECK(h.stack.getTopId() == ui::ScreenId::Feedback);
}

TEST_CASE("Dose: a typed named mistake is recorded with its index and counts as critical at "
          "twice the dose",
          "[render][display][dose]")
{
    Harness h(800, 600);
    startDose(h, {"dose-bolus"});
    typeText(h, typedMistake(h, 1));
    h.key(sf::Keyboard::Enter);
    const core::Session& session = *h.context.session;
    REQUIRE(session.getAnswers().size() == 1);
    CHECK(session.getAnswers().back().mistakeIndex == 1);
    CHECK_FALSE(session.getAnswers().back().score.correct);
    CHECK(session.getAnswers().back().score.critical);
}

TEST_CASE("Dose: Backspace corrects the number and a click on Submit answers",
          "[render][display][dose]")
{
    Harness h(1920, 1080);
    startDose(h, {"dose-bolus"});
    typeText(h, "99");
    h.key(sf::Keyboard::BackSpace);
    h.key(sf::Keyboard::BackSpace);
    typeText(h, "5");
    // The Submit button sits at the bottom right of the footer.
    bool clicked = false;
    for (float x = 1900.0F; x > 1000.0F && !clicked; x -= 20.0F)
    {
        h.click(x, 1080.0F - 60.0F);
        clicked = !h.context.session->getAnswers().empty();
    }
    REQUIRE(clicked);
    REQUIRE(h.context.session->getAnswers().back().typedValue);
    CHECK(*h.context.session->getAnswers().back().typedValue == Approx(5.0));
}

TEST_CASE("Render: the projector shows typed answers grouped as correct, each named mistake and "
          "other",
          "[render][display][dose][class]")
{
    Harness h(1920, 1080);
    const core::Pack pack = makeDosePack();
    core::ClassSettings settings;
    settings.closeWhenAllAnswered = false;
    settings.seed = 3;
    h.context.packs.push_back(pack);
    h.context.classGame = std::make_shared<ui::ClassGame>(
        std::vector<core::Question>{*pack.findQuestion("dose-bolus")}, settings,
        std::vector<std::string>{"Red Pandas", "Blue Herons", "Night Shift", "Ward 4B",
                                 "Day Unit"});
    ui::ClassGame& game = *h.context.classGame;
    REQUIRE(game.command(core::HostCommand::Start) == core::ClassRefusal::None);
    const core::Draw* draw = game.getClassroom().getDraw(0);
    REQUIRE(draw != nullptr);
    const double right = core::roundTo(draw->answer, 1);
    REQUIRE(game.answerNumber(0, right) == core::ClassRefusal::None);
    REQUIRE(game.answerNumber(1, right) == core::ClassRefusal::None);
    REQUIRE(game.answerNumber(2, core::roundTo(draw->mistakeValues[0], 1)) ==
            core::ClassRefusal::None);
    REQUIRE(game.answerNumber(3, core::roundTo(draw->mistakeValues[1], 1)) ==
            core::ClassRefusal::None);
    REQUIRE(game.answerNumber(4, right + 0.3) == core::ClassRefusal::None);
    REQUIRE(game.command(core::HostCommand::Reveal) == core::ClassRefusal::None);
    h.stack.push(ui::ScreenId::Title);
    h.stack.push(ui::ScreenId::ClassHost);
    h.settle();
    const std::vector<core::AnswerGroup>& groups = game.getClassroom().getStats(0).answerGroups;
    REQUIRE(groups.size() == 4);
    CHECK(groups[0].count == 2);
    CHECK(groups[1].count == 1);
    CHECK(groups[2].count == 1);
    CHECK(groups[3].count == 1);
    const std::string message = compareWithGolden(h.render(), h.name("dose-class-reveal"));
    CHECK(message == "");
}

TEST_CASE("Dose: in projector mode a team's number is typed after its key and locked with Enter",
          "[render][display][dose][class]")
{
    Harness h(1280, 720);
    const core::Pack pack = makeDosePack();
    core::ClassSettings settings;
    settings.closeWhenAllAnswered = false;
    settings.seed = 3;
    h.context.packs.push_back(pack);
    h.context.classGame = std::make_shared<ui::ClassGame>(
        std::vector<core::Question>{*pack.findQuestion("dose-bolus")}, settings,
        std::vector<std::string>{"Red Pandas", "Blue Herons"});
    ui::ClassGame& game = *h.context.classGame;
    REQUIRE(game.command(core::HostCommand::Start) == core::ClassRefusal::None);
    const core::Draw* draw = game.getClassroom().getDraw(0);
    REQUIRE(draw != nullptr);
    h.stack.push(ui::ScreenId::Title);
    h.stack.push(ui::ScreenId::ClassHost);
    h.settle();
    // A digit key picks the team, as on every projector question; its character does not type.
    h.key(sf::Keyboard::Num2);
    typeText(h, "2");
    // Letters are refused, Space does not reveal while a number is typed, Backspace corrects.
    typeText(h, "x");
    h.key(sf::Keyboard::Space);
    CHECK(game.getClassroom().isAnswering());
    std::string right = core::formatNumber(core::roundTo(draw->answer, 1), 1);
    std::replace(right.begin(), right.end(), '.', ',');
    typeText(h, right + "9");
    h.key(sf::Keyboard::BackSpace);
    const std::string message = compareWithGolden(h.render(), h.name("dose-class-typing"));
    CHECK(message == "");
    h.key(sf::Keyboard::Enter);
    const core::ClassPlayer& blue = game.getClassroom().getPlayers().at(1);
    REQUIRE(blue.answers.at(0).answered);
    REQUIRE(blue.answers.at(0).typedValue);
    CHECK(*blue.answers.at(0).typedValue == Approx(core::roundTo(draw->answer, 1)));
    CHECK_FALSE(game.getClassroom().getPlayers().at(0).answers.at(0).answered);
    // The other team types the pounds-for-kilograms slip.
    h.key(sf::Keyboard::Num1);
    typeText(h, "1");
    typeText(h, core::formatNumber(core::roundTo(draw->mistakeValues.at(0), 1), 1));
    h.key(sf::Keyboard::Enter);
    const core::PlayerAnswer& red = game.getClassroom().getPlayers().at(0).answers.at(0);
    REQUIRE(red.answered);
    REQUIRE(red.typedValue);
    CHECK(*red.typedValue == Approx(core::roundTo(draw->mistakeValues.at(0), 1)));
    // At the reveal the room's answers are grouped: one correct, one pounds-for-kilograms.
    REQUIRE(game.command(core::HostCommand::Reveal) == core::ClassRefusal::None);
    const std::vector<core::AnswerGroup>& groups = game.getClassroom().getStats(0).answerGroups;
    REQUIRE(groups.size() >= 2);
    CHECK(groups[0].count == 1);
    CHECK(groups[1].count == 1);
}

// Ordering and matching questions on the projector: a team's key, then its letters and Enter,
// refusals that keep what was typed, and goldens of the question and the reveal at 1280x720.
#include "DoseScenes.hpp"
#include "LayoutCheck.hpp"
#include "net/HostMessages.hpp"
#include "ui/ClassGame.hpp"
#include "ui/widgets/TextRecorder.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>

using namespace quiz;
using namespace quiz::test;
using namespace std::chrono_literals;

namespace
{

const core::Question& stepsQuestion(Harness& h, const std::string& id)
{
    h.context.load({std::string(QUIZ_SOURCE_DIR) + "/tests/data/packs/steps"});
    for (const core::Pack& pack : h.context.packs)
    {
        if (const core::Question* question = pack.findQuestion(id))
            return *question;
    }
    FAIL("the steps test pack has no question " << id);
    return h.context.packs.front().questions.front();
}

ui::ClassGame& startProjector(Harness& h, const core::Question& question)
{
    core::ClassSettings settings;
    settings.closeWhenAllAnswered = false;
    settings.seed = 3;
    h.context.classGame = std::make_shared<ui::ClassGame>(
        std::vector<core::Question>{question}, settings,
        std::vector<std::string>{"Red Pandas", "Blue Herons", "Night Shift"});
    ui::ClassGame& game = *h.context.classGame;
    REQUIRE(game.command(core::HostCommand::Start) == core::ClassRefusal::None);
    h.stack.push(ui::ScreenId::Title);
    h.stack.push(ui::ScreenId::ClassHost);
    h.settle();
    return game;
}

/// The letters of the items in the right order, as the class sees them.
std::string rightOrder(const ui::ClassGame& game)
{
    const core::ClassSteps& steps = game.getClassroom().getSteps(0);
    std::string letters(steps.itemOrder.size(), '?');
    for (std::size_t position = 0; position < steps.itemOrder.size(); ++position)
        letters[steps.itemOrder[position]] = static_cast<char>('A' + position);
    return letters;
}

/// The letter of the choice that is pair `pair`'s answer.
char choiceLetter(const ui::ClassGame& game, std::size_t pair)
{
    const std::vector<std::size_t>& shown = game.getClassroom().getSteps(0).choiceOrder;
    const auto it = std::find(shown.begin(), shown.end(), pair);
    REQUIRE(it != shown.end());
    return static_cast<char>('A' + (it - shown.begin()));
}

void team(Harness& h, int number)
{
    h.key(static_cast<sf::Keyboard::Key>(sf::Keyboard::Num1 + number - 1));
    typeText(h, std::to_string(number)); // the digit's character chose the team, and types nothing
}

/// What the room cannot see whole: texts of the question's scroll area cut by its edge, or ""
/// when there are none and the last step's last line ("navel") was drawn inside it.
std::string outOfSight(const std::vector<ui::DrawnText>& texts)
{
    std::string out;
    bool lastStep = false;
    for (const ui::DrawnText& text : texts)
    {
        const sf::FloatRect& b = text.bounds;
        const sf::FloatRect& c = text.clip;
        const bool whole = b.left >= c.left - 0.5F && b.top >= c.top - 0.5F &&
                           b.left + b.width <= c.left + c.width + 0.5F &&
                           b.top + b.height <= c.top + c.height + 0.5F;
        if (!whole)
            out += "'" + text.text + "' is cut off; ";
        lastStep = lastStep || (text.text == "navel" && whole);
    }
    return lastStep ? out : out + "the last step is not in sight";
}

} // namespace

TEST_CASE("Class steps: on the projector a team types its order after its key; a short or "
          "repeated order is refused and kept, and the reveal groups the room",
          "[render][display][steps][class]")
{
    Harness h(1280, 720);
    ui::ClassGame& game = startProjector(h, stepsQuestion(h, "or-1"));
    const std::string right = rightOrder(game);
    CHECK(right != "ABCDE");
    // Red Pandas: a digit is refused (letters only), then the order in lower case.
    team(h, 1);
    typeText(h, "7");
    typeText(h, std::string(1, static_cast<char>(std::tolower(right[0]))) + right.substr(1, 2));
    {
        ui::TextRecorder recorder;
        const std::string typing = compareWithGolden(h.render(), h.name("steps-class-ordering"));
        CHECK(typing == "");
        CHECK(outOfSight(recorder.getTexts()) == ""); // all five steps, without scrolling
    }
    typeText(h, right.substr(3));
    h.key(sf::Keyboard::Enter);
    const core::PlayerAnswer& red = game.getClassroom().getPlayers().at(0).answers.at(0);
    REQUIRE(red.answered);
    CHECK(red.order == std::vector<std::string>{"check", "site", "pinch", "inject", "press"});
    // Blue Herons: two letters are not an order; the letter twice is not either.
    team(h, 2);
    typeText(h, right.substr(0, 2));
    h.key(sf::Keyboard::Enter);
    const core::ClassPlayer& blue = game.getClassroom().getPlayers().at(1);
    CHECK_FALSE(blue.answers.at(0).answered);
    h.key(sf::Keyboard::BackSpace);
    typeText(h, std::string(1, right[0]) + right.substr(2));
    h.key(sf::Keyboard::Enter);
    CHECK_FALSE(blue.answers.at(0).answered);
    // Corrected: the first step last keeps three of the four pairs.
    for (int i = 0; i < 5; ++i)
        h.key(sf::Keyboard::BackSpace);
    typeText(h, right.substr(1) + right[0]);
    h.key(sf::Keyboard::Enter);
    REQUIRE(blue.answers.at(0).answered);
    // Night Shift: the order backwards, every pair wrong.
    team(h, 3);
    typeText(h, std::string(right.rbegin(), right.rend()));
    h.key(sf::Keyboard::Enter);
    REQUIRE(game.getClassroom().getPlayers().at(2).answers.at(0).answered);

    h.key(sf::Keyboard::Space);
    REQUIRE(game.getClassroom().getPhase() == core::ClassPhase::Reveal);
    h.settle();
    const core::ClassPlayer& herons = game.getClassroom().getPlayers().at(1);
    CHECK(herons.answers.at(0).partsRight == 3);
    CHECK(herons.score == 750);
    const std::vector<core::AnswerGroup>& groups = game.getClassroom().getStats(0).answerGroups;
    REQUIRE(groups.size() == 3);
    CHECK(groups[0].count == 1);
    CHECK(groups[1].count == 1);
    CHECK(groups[2].count == 1);
    const std::string reveal = compareWithGolden(h.render(), h.name("steps-class-ordering-reveal"));
    CHECK(reveal == "");
}

TEST_CASE("Class steps: on the projector a click on a step types its letter for the team "
          "answering, and before a team is picked asks for one",
          "[render][display][steps][class]")
{
    Harness h(1280, 720);
    ui::ClassGame& game = startProjector(h, stepsQuestion(h, "or-1"));
    const std::string right = rightOrder(game);
    // Whether the screen draws a text that is `wanted` (or, when `part`, holds it).
    const auto drawn = [&](const std::string& wanted, bool part)
    {
        sf::RenderTexture texture;
        REQUIRE(texture.create(1280, 720));
        ui::TextRecorder recorder;
        h.stack.draw(texture, *h.context.theme);
        for (const ui::DrawnText& text : recorder.getTexts())
        {
            if (part ? text.text.find(wanted) != std::string::npos : text.text == wanted)
                return true;
        }
        return false;
    };
    // No team yet: a click on a step types nothing and says what comes first.
    const sf::Vector2f first = h.textCentre(std::string(1, right[0]));
    h.click(first.x, first.y);
    CHECK(drawn("Pick a team first", true));
    team(h, 1);
    // Each click types its step's letter for Red Pandas, as the key would.
    for (std::size_t i = 0; i < right.size(); ++i)
    {
        const sf::Vector2f badge = h.textCentre(std::string(1, right[i]));
        h.click(badge.x, badge.y);
        CHECK(drawn(right.substr(0, i + 1), false)); // the typed field
    }
    h.key(sf::Keyboard::Enter);
    const core::PlayerAnswer& red = game.getClassroom().getPlayers().at(0).answers.at(0);
    REQUIRE(red.answered);
    CHECK(red.order == std::vector<std::string>{"check", "site", "pinch", "inject", "press"});
}

TEST_CASE("Class steps: the projector's ordering question and matching reveal fit the smallest "
          "and a full-HD window",
          "[render][display][steps][class]")
{
    for (const sf::Vector2u size : {sf::Vector2u(800, 600), sf::Vector2u(1920, 1080)})
    {
        Harness h(size.x, size.y);
        ui::ClassGame& game = startProjector(h, stepsQuestion(h, "or-1"));
        team(h, 1);
        typeText(h, rightOrder(game).substr(0, 3));
        {
            ui::TextRecorder recorder;
            const std::string typing =
                compareWithGolden(h.render(), h.name("steps-class-ordering"));
            CHECK(typing == "");
            CHECK(layoutProblems(recorder.getTexts(), 2.0F) == "");
            CHECK(outOfSight(recorder.getTexts()) == "");
        }

        Harness m(size.x, size.y);
        ui::ClassGame& matching = startProjector(m, stepsQuestion(m, "ma-1"));
        team(m, 1);
        std::string letters;
        for (std::size_t pair = 0; pair < 3; ++pair)
            letters += choiceLetter(matching, pair);
        typeText(m, letters);
        m.key(sf::Keyboard::Enter);
        m.key(sf::Keyboard::Space);
        REQUIRE(matching.getClassroom().getPhase() == core::ClassPhase::Reveal);
        m.settle();
        ui::TextRecorder recorder;
        const std::string reveal =
            compareWithGolden(m.render(), m.name("steps-class-matching-reveal"));
        CHECK(reveal == "");
        CHECK(layoutProblems(recorder.getTexts(), 2.0F) == "");
    }
}

TEST_CASE("Class steps: on the projector a team types one letter per prompt of a matching "
          "question, a letter no choice has is refused, and the reveal shows the right pairs",
          "[render][display][steps][class]")
{
    Harness h(1280, 720);
    ui::ClassGame& game = startProjector(h, stepsQuestion(h, "ma-1"));
    const std::string right = {choiceLetter(game, 0), choiceLetter(game, 1), choiceLetter(game, 2)};
    team(h, 1);
    typeText(h, right);
    h.key(sf::Keyboard::Enter);
    REQUIRE(game.getClassroom().getPlayers().at(0).answers.at(0).answered);
    // Blue Herons take the distractor for warfarin; a letter no choice has is refused first.
    team(h, 2);
    typeText(h, std::string(1, right[0]) + "Z" + right[2]);
    h.key(sf::Keyboard::Enter);
    CHECK_FALSE(game.getClassroom().getPlayers().at(1).answers.at(0).answered);
    const std::string refused = compareWithGolden(h.render(), h.name("steps-class-matching"));
    CHECK(refused == "");
    h.key(sf::Keyboard::BackSpace);
    h.key(sf::Keyboard::BackSpace);
    typeText(h, std::string(1, choiceLetter(game, 3)) + right[2]);
    h.key(sf::Keyboard::Enter);
    const core::PlayerAnswer& blue = game.getClassroom().getPlayers().at(1).answers.at(0);
    REQUIRE(blue.answered);
    CHECK(blue.matches.at(1) == std::pair<std::string, std::string>("warfarin", "naloxone"));
    h.key(sf::Keyboard::Space);
    h.settle();
    REQUIRE(game.getClassroom().getPhase() == core::ClassPhase::Reveal);
    // All or nothing: two of three prompts are partly right and earn nothing.
    CHECK(blue.partsRight == 2);
    CHECK(game.getClassroom().getPlayers().at(1).score == 0);
    const std::string reveal = compareWithGolden(h.render(), h.name("steps-class-matching-reveal"));
    CHECK(reveal == "");
}

TEST_CASE("Class steps: a desktop student types an order in letters, and reads how many pairs "
          "were right with the right order at the reveal",
          "[render][display][steps][class]")
{
    Harness h(1280, 720);
    core::ClassSettings settings;
    settings.closeWhenAllAnswered = false;
    settings.seed = 3;
    core::Classroom room({stepsQuestion(h, "or-1")}, settings);
    REQUIRE(room.join("Eun-ji", 0ms).refusal == core::ClassRefusal::None);
    REQUIRE(room.command(core::ClassRole::Host, core::HostCommand::Start, 0ms) ==
            core::ClassRefusal::None);
    auto student = std::make_shared<ui::StudentState>();
    student->config.nickname = "Eun-ji";
    student->apply(net::Welcome{"Eun-ji", "", false, 0, net::WirePhase::Question, "", 1});
    student->apply(net::makeQuestion(room, 0ms, 0));
    h.context.student = student;
    h.stack.push(ui::ScreenId::Title);
    h.stack.push(ui::ScreenId::ClassStudent);
    h.settle();
    // Letter keys type here (they pick options elsewhere); a digit is refused with a message.
    const std::string right = [&]
    {
        std::string letters(5, '?');
        const core::ClassSteps& steps = room.getSteps(0);
        for (std::size_t position = 0; position < 5; ++position)
            letters[steps.itemOrder[position]] = static_cast<char>('A' + position);
        return letters;
    }();
    const std::string sent = right.substr(1) + right[0];
    typeText(h, sent.substr(0, 3) + "4");
    CHECK(student->typed == sent.substr(0, 3));
    const std::string typing = compareWithGolden(h.render(), h.name("steps-class-student"));
    CHECK(typing == "");
    typeText(h, sent.substr(3));
    const net::Answer answer = student->makeAnswer();
    REQUIRE(answer.order);
    std::vector<std::string> ids =
        *core::orderFromLetters(room.getQuestion(0), room.getSteps(0), *answer.order);
    REQUIRE(room.answerOrder(0, 0, ids, 500ms) == core::ClassRefusal::None);
    REQUIRE(room.command(core::ClassRole::Host, core::HostCommand::Reveal, 1000ms) ==
            core::ClassRefusal::None);
    student->apply(net::makeReveal(room, 0));
    h.settle();
    const std::string reveal = compareWithGolden(h.render(), h.name("steps-class-student-reveal"));
    CHECK(reveal == "");
}

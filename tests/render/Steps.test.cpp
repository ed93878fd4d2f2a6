// Ordering and matching questions as a player meets them: keys, the mouse, the feedback, and
// goldens of the question and its feedback at 800x600 and 1920x1080.
#include "RenderHarness.hpp"
#include "ui/widgets/TextRecorder.hpp"

#include <SFML/Graphics/RenderTexture.hpp>

using namespace quiz;
using namespace quiz::test;

namespace
{

const std::string kStepsPack = "org.example.steps-test";

void startSteps(Harness& h, const std::string& id)
{
    h.context.load({std::string(QUIZ_SOURCE_DIR) + "/tests/data/packs/steps"});
    h.start({id}, core::Mode::Tutor, 0, kStepsPack);
}

/// The item ids of the ordering question in the order it was first shown.
std::vector<std::string> shownOrder(const Harness& h)
{
    const core::PlannedQuestion& planned = h.context.session->getCurrent();
    std::vector<std::string> ids;
    for (std::size_t index : planned.itemOrder)
        ids.push_back(planned.question.items[index].id);
    return ids;
}

void pressAlt(Harness& h, sf::Keyboard::Key code)
{
    sf::Event event{};
    event.type = sf::Event::KeyPressed;
    event.key.code = code;
    event.key.alt = true;
    h.stack.handleEvent(event);
    h.settle();
}

/// Golden `scene` at 800x600 and 1920x1080.
void checkBoth(const std::string& scene, const std::function<void(Harness&)>& prepare)
{
    for (const auto& [w, hgt] : {std::pair<unsigned, unsigned>{800, 600}, {1920, 1080}})
    {
        Harness harness(w, hgt);
        prepare(harness);
        const std::string message = compareWithGolden(harness.render(), harness.name(scene));
        INFO(harness.name(scene));
        CHECK(message == "");
    }
}

} // namespace

TEST_CASE("Steps: an ordering question is put in order with keys and submitted with Enter",
          "[render][display][steps]")
{
    Harness h(800, 600);
    startSteps(h, "or-1");
    REQUIRE(h.stack.getTopId() == ui::ScreenId::Question);
    std::vector<std::string> order = shownOrder(h);
    // Space picks up the first step, Down carries it one place, Space drops it.
    h.key(sf::Keyboard::Space);
    h.key(sf::Keyboard::Down);
    h.key(sf::Keyboard::Space);
    std::swap(order[0], order[1]);
    // Alt+Up moves the now focused (second) step back to the top at once.
    pressAlt(h, sf::Keyboard::Up);
    std::swap(order[0], order[1]);
    // Down then Alt+Down: the second step goes third.
    h.key(sf::Keyboard::Down);
    pressAlt(h, sf::Keyboard::Down);
    std::swap(order[1], order[2]);
    h.key(sf::Keyboard::Enter);
    REQUIRE(h.stack.getTopId() == ui::ScreenId::Feedback);
    const core::AnswerRecord* answer = h.context.session->getAnswer(0);
    REQUIRE(answer != nullptr);
    CHECK(answer->order == order);
}

TEST_CASE("Steps: an ordering question takes a drag and the row buttons with the mouse",
          "[render][display][steps]")
{
    Harness h(800, 600);
    startSteps(h, "or-1");
    const std::vector<std::string> order = shownOrder(h);
    const sf::Vector2f first = h.textCentre("1.", 0);
    const sf::Vector2f third = h.textCentre("3.", 0);
    // Press on the first row, move over the third, release: the first step now sits third.
    h.mouse(sf::Event::MouseButtonPressed, first.x + 100.0F, first.y);
    h.mouse(sf::Event::MouseMoved, first.x + 100.0F, third.y);
    h.mouse(sf::Event::MouseButtonReleased, first.x + 100.0F, third.y);
    std::vector<std::string> expected = order;
    const std::string moved = expected.front();
    expected.erase(expected.begin());
    expected.insert(expected.begin() + 2, moved);
    // The first row's ▼ moves its step one down; the second row's ▲ moves it back up and
    // the first row's ▲ does nothing.
    const sf::Vector2f down = h.textCentre("▼", 0);
    h.mouse(sf::Event::MouseButtonPressed, down.x, down.y);
    h.mouse(sf::Event::MouseButtonReleased, down.x, down.y);
    std::swap(expected[0], expected[1]);
    const sf::Vector2f up = h.textCentre("▲", 0);
    h.mouse(sf::Event::MouseButtonPressed, up.x, up.y);
    h.mouse(sf::Event::MouseButtonReleased, up.x, up.y);
    h.key(sf::Keyboard::Enter);
    const core::AnswerRecord* answer = h.context.session->getAnswer(0);
    REQUIRE(answer != nullptr);
    CHECK(answer->order == expected);
}

TEST_CASE("Steps: a matching question takes answers by arrows, number keys and clicks",
          "[render][display][steps]")
{
    Harness h(800, 600);
    startSteps(h, "ma-1");
    const core::PlannedQuestion& planned = h.context.session->getCurrent();
    const auto answerAt = [&](std::size_t position)
    { return planned.question.pairs[planned.answerOrder[position]].id; };
    h.key(sf::Keyboard::Right); // first prompt: answer 1
    h.key(sf::Keyboard::Tab);
    h.key(sf::Keyboard::Num3); // second prompt: answer 3
    h.key(sf::Keyboard::Down);
    h.key(sf::Keyboard::Right);
    h.key(sf::Keyboard::Right);
    h.key(sf::Keyboard::Left); // third prompt: answer 1
    h.key(sf::Keyboard::Enter);
    REQUIRE(h.stack.getTopId() == ui::ScreenId::Feedback);
    const core::AnswerRecord* answer = h.context.session->getAnswer(0);
    REQUIRE(answer != nullptr);
    REQUIRE(answer->matches.size() == 3);
    CHECK(answer->matches[0] == std::make_pair(std::string("heparin"), answerAt(0)));
    CHECK(answer->matches[1] == std::make_pair(std::string("warfarin"), answerAt(2)));
    CHECK(answer->matches[2] == std::make_pair(std::string("dabigatran"), answerAt(0)));
}

TEST_CASE("Steps: goldens of the ordering and matching questions and their feedback",
          "[render][display][steps]")
{
    checkBoth("steps-ordering",
              [](Harness& h)
              {
                  startSteps(h, "or-1");
                  h.key(sf::Keyboard::Down);
                  h.key(sf::Keyboard::Space); // the second step held
              });
    checkBoth("steps-ordering-feedback",
              [](Harness& h)
              {
                  startSteps(h, "or-1");
                  h.key(sf::Keyboard::Enter);
              });
    checkBoth("steps-matching",
              [](Harness& h)
              {
                  startSteps(h, "ma-1");
                  h.key(sf::Keyboard::Right);
                  h.key(sf::Keyboard::Tab);
              });
    checkBoth("steps-matching-feedback",
              [](Harness& h)
              {
                  startSteps(h, "ma-1");
                  h.key(sf::Keyboard::Right);
                  h.key(sf::Keyboard::Tab);
                  h.key(sf::Keyboard::Num2);
                  h.key(sf::Keyboard::Enter);
              });
}

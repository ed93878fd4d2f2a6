// The home screen (the title extended): rendered for a first start and for a player with
// history, at 800x600 and 1920x1080 in both themes, and driven from the keyboard.
#include "Golden.hpp"
#include "RenderHarness.hpp"
#include "ui/GameContext.hpp"
#include "ui/PlayerProgress.hpp"
#include "ui/screens/ScreenRegistry.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <functional>
#include <string>

using namespace quiz;
using namespace quiz::test;

namespace
{

/// A profile folder with no player, opened as a first start by the account "ana".
void firstStart(Harness& h, const std::string& scene)
{
    const std::filesystem::path root =
        std::filesystem::path(QUIZ_BINARY_DIR) / "render-progress" / h.name(scene);
    std::filesystem::remove_all(root);
    h.progress = ui::PlayerProgress(root.string());
    h.progress.openAtStart("", "ana", kRenderNow);
    REQUIRE(h.progress.isNewOnFirstStart());
}

/// `prepare` at 800x600 and 1920x1080, in the normal and the high-contrast theme, each
/// compared with its golden (`scene`, `scene`-contrast).
void checkHome(const std::string& scene,
               const std::function<void(Harness&, const std::string&)>& prepare)
{
    for (const auto& [w, h] : {std::pair<unsigned, unsigned>{800, 600}, {1920, 1080}})
    {
        for (const bool contrast : {false, true})
        {
            const std::string name = scene + (contrast ? "-contrast" : "");
            Harness harness(w, h);
            if (contrast)
                harness.applyTheme(true, 1);
            prepare(harness, name);
            harness.stack.push(ui::ScreenId::Title);
            harness.settle();
            const std::string message =
                test::compareWithGolden(harness.render(), harness.name(name));
            INFO(harness.name(name));
            CHECK(message == "");
        }
    }
}

void typeText(Harness& h, const std::string& text)
{
    for (const char c : text)
    {
        sf::Event event{};
        event.type = sf::Event::TextEntered;
        event.text.unicode = static_cast<sf::Uint32>(c);
        h.stack.handleEvent(event);
    }
    h.settle();
}

} // namespace

TEST_CASE("Render: home screen on a first start, with the name prompt", "[render][display][home]")
{
    checkHome("home-first-start", [](Harness& h, const std::string& name) { firstStart(h, name); });
}

TEST_CASE("Render: home screen of a player with history and reviews due", "[render][display][home]")
{
    checkHome("home-history", [](Harness& h, const std::string& name) { fillProgress(h, name); });
}

TEST_CASE("Home: Continue reviews the due questions first, most urgent first",
          "[render][display][home]")
{
    Harness h(1280, 720);
    fillProgress(h, "home-continue");
    const std::vector<core::QuestionKey> due = h.progress.getDueKeys(h.context.packs, kRenderNow);
    REQUIRE_FALSE(due.empty());
    h.stack.push(ui::ScreenId::Title);
    h.settle();
    h.key(sf::Keyboard::Enter); // Continue has the focus
    REQUIRE(h.context.session);
    CHECK(h.context.session->getConfig().keepListedOrder);
    CHECK(h.context.session->getConfig().onlyQuestions == due);
    CHECK(h.stack.getTopId() == ui::ScreenId::Question);
}

TEST_CASE("Home: Continue starts new questions for a new player", "[render][display][home]")
{
    Harness h(1280, 720);
    firstStart(h, "home-continue-new");
    h.stack.push(ui::ScreenId::Title);
    h.settle();
    h.key(sf::Keyboard::Enter);
    REQUIRE(h.context.session);
    CHECK(h.context.session->getQuestionCount() > 0);
    CHECK_FALSE(h.context.session->getConfig().keepListedOrder);
    CHECK(h.stack.getTopId() == ui::ScreenId::Question);
}

TEST_CASE("Home: the first-start prompt renames the player from the keyboard",
          "[render][display][home]")
{
    Harness h(1280, 720);
    firstStart(h, "home-rename");
    h.stack.push(ui::ScreenId::Title);
    h.settle();
    // Shift+Tab from Continue passes Save name and reaches the field, filled with "ana".
    h.key(sf::Keyboard::Tab, true);
    h.key(sf::Keyboard::Tab, true);
    for (int i = 0; i < 3; ++i)
        h.key(sf::Keyboard::BackSpace);
    typeText(h, "Ana Lima");
    h.key(sf::Keyboard::Enter);
    CHECK(h.progress.getPlayerName() == "Ana Lima");
    CHECK_FALSE(h.progress.isNewOnFirstStart());
    std::string error;
    CHECK(h.progress.listProfiles(error).size() == 1);
    CHECK_FALSE(h.context.session); // Enter in the field saved the name, it started nothing
    // Enter now goes to Continue again.
    h.key(sf::Keyboard::Enter);
    CHECK(h.context.session);
}

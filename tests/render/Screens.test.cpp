// Every screen rendered off-screen at 1280x720 and 800x600 and compared with reviewed goldens.
#include "ui/screens/Screens.hpp"

#include "Golden.hpp"
#include "RenderHarness.hpp"
#include "core/pack/PackChecker.hpp"
#include "ui/Audio.hpp"
#include "ui/ClassGame.hpp"
#include "ui/GameContext.hpp"
#include "ui/PlayerProgress.hpp"
#include "ui/Screen.hpp"
#include "ui/Theme.hpp"
#include "ui/screens/ScreenRegistry.hpp"

#include <SFML/Graphics/RenderTexture.hpp>
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <string>

using namespace quiz;
using namespace quiz::test;
using namespace std::chrono_literals;

TEST_CASE("Render: title screen with history and a broken pack", "[render][display]")
{
    checkScene("title",
               [](Harness& h)
               {
                   h.context.missedHistory = {{kPackId, "mech-01"}, {kPackId, "mon-02"}};
                   h.stack.push(ui::ScreenId::Title);
                   h.settle();
               });
}

TEST_CASE("Render: title screen when no pack could be loaded", "[render][display]")
{
    checkScene("title-no-packs",
               [](Harness& h)
               {
                   h.context.packs.clear();
                   h.context.dataDir = "/usr/share/heparin-quiz/questions";
                   h.stack.push(ui::ScreenId::Title);
                   h.settle();
               });
}

TEST_CASE("Render: set-up screen", "[render][display]")
{
    checkScene("setup",
               [](Harness& h)
               {
                   h.stack.push(ui::ScreenId::Title);
                   h.stack.push(ui::ScreenId::Setup);
                   h.settle();
               });
}

TEST_CASE("Render: single-answer question with a hint shown", "[render][display]")
{
    checkScene("question-hint",
               [](Harness& h)
               {
                   h.start({"mech-01", "mon-01"}, core::Mode::Tutor);
                   h.key(sf::Keyboard::H);
               });
}

TEST_CASE("Render: select-all question with ticks and a running timer", "[render][display]")
{
    checkScene("question-multiple",
               [](Harness& h)
               {
                   h.start({"mon-02"}, core::Mode::Exam, 30);
                   h.key(sf::Keyboard::Num1);
                   h.key(sf::Keyboard::Num3);
                   h.stack.update(std::chrono::milliseconds(12000));
               });
}

TEST_CASE("Render: a question with a figure", "[render][display]")
{
    checkScene("question-figure", [](Harness& h)
               { h.start({"chart-01"}, core::Mode::Tutor, 0, "org.heparinquiz.test-figure"); });
}

TEST_CASE("Render: feedback after a critical choice", "[render][display]")
{
    checkScene("feedback-critical",
               [](Harness& h)
               {
                   h.start({"safe-02"}, core::Mode::Tutor);
                   // Select the critical option (massaging the site) wherever it is shown.
                   for (int position = 0; position < 3; ++position)
                   {
                       if (h.context.session->getShownOption(static_cast<std::size_t>(position))
                               ->severity == core::OptionSeverity::Critical)
                           h.key(static_cast<sf::Keyboard::Key>(sf::Keyboard::Num1 + position));
                   }
                   h.key(sf::Keyboard::Enter);
                   REQUIRE(h.context.session->getAnswers().back().score.critical);
               });
}

TEST_CASE("Render: results with review after an exam", "[render][display]")
{
    checkScene("results", [](Harness& h) { playExamToResults(h); });
}

TEST_CASE("Render: settings screen", "[render][display]")
{
    checkScene("settings",
               [](Harness& h)
               {
                   h.stack.push(ui::ScreenId::Settings);
                   h.settle();
               });
}

TEST_CASE("Render: packs with errors and their diagnostics", "[render][display]")
{
    checkScene("pack-errors",
               [](Harness& h)
               {
                   h.stack.push(ui::ScreenId::PackErrors);
                   h.settle();
               });
}

TEST_CASE("Render: leave-the-round confirmation over a question", "[render][display]")
{
    checkScene("confirm",
               [](Harness& h)
               {
                   h.start({"mon-01"}, core::Mode::Exam);
                   h.key(sf::Keyboard::Escape);
               });
}

TEST_CASE("Render: high contrast with the largest text keeps the question inside its box",
          "[render][display]")
{
    checkScene("question-contrast-large",
               [](Harness& h)
               {
                   h.applyTheme(true, 3);
                   h.start({"safe-02"}, core::Mode::Tutor);
               });
}

TEST_CASE("Render: feedback in high contrast with the largest text", "[render][display]")
{
    checkScene("feedback-contrast-large",
               [](Harness& h)
               {
                   h.applyTheme(true, 3);
                   h.start({"mon-02"}, core::Mode::Tutor);
                   h.key(sf::Keyboard::Num1);
                   h.key(sf::Keyboard::Enter);
               });
}

namespace
{

/// A projector game with `teams`, played by `prepare`, then shown over the title screen;
/// `keys` are pressed on the class screen before it is drawn.
void checkClassScene(const std::string& scene, unsigned width, unsigned height,
                     const std::vector<std::string>& teams,
                     const std::function<void(ui::ClassGame&)>& prepare,
                     const std::vector<sf::Keyboard::Key>& keys = {})
{
    Harness h(width, height);
    core::ClassSettings settings;
    settings.closeWhenAllAnswered = false;
    h.context.classGame = std::make_shared<ui::ClassGame>(
        classQuestions(h.context, {"mon-01", "mech-01", "safe-01", "mon-02"}), settings, teams);
    prepare(*h.context.classGame);
    h.stack.push(ui::ScreenId::Title);
    h.stack.push(ui::ScreenId::ClassHost);
    h.settle();
    for (sf::Keyboard::Key key : keys)
        h.key(key);
    const std::string message = test::compareWithGolden(h.render(), h.name(scene));
    INFO(h.name(scene));
    CHECK(message == "");
}

const std::vector<std::string> kTeams = {"Red Pandas", "Blue Herons", "Night Shift", "Ward 4B"};

/// Plays question `index` of the projector game: team i answers `answers[i]` ("" stays silent).
void playRound(ui::ClassGame& game, const std::vector<std::string>& answers)
{
    for (std::size_t team = 0; team < answers.size(); ++team)
    {
        if (!answers[team].empty())
            REQUIRE(game.answer(team, {answers[team]}) == core::ClassRefusal::None);
    }
}

} // namespace

TEST_CASE("Render: live class lobby with address, code and students", "[render][display][class]")
{
    const std::vector<std::string> students = {"amira", "Ben K",   "chloe.r", "Dev",       "Eun-ji",
                                               "Farah", "Gabriel", "Hana",    "Ikechukwu", "Jo",
                                               "Kasia", "Liam",    "Mateus",  "Noor"};
    checkClassScene("class-lobby", 1920, 1080, students,
                    [](ui::ClassGame& game)
                    {
                        game.showAsLive("192.168.1.20:47100", "K7QX9M");
                        game.setAddresses({"192.168.1.20:47100", "10.8.0.14:47100"});
                    });
}

TEST_CASE("Render: projector question with teams locking answers", "[render][display][class]")
{
    checkClassScene("class-question", 1920, 1080, kTeams,
                    [](ui::ClassGame& game)
                    {
                        REQUIRE(game.command(core::HostCommand::Start) == core::ClassRefusal::None);
                        playRound(game, {"b", "", "a", ""});
                    },
                    {sf::Keyboard::Num2}); // Blue Herons are choosing
}

TEST_CASE("Render: answer distribution with team answers and a show of hands",
          "[render][display][class]")
{
    checkClassScene("class-distribution", 1920, 1080, kTeams,
                    [](ui::ClassGame& game)
                    {
                        REQUIRE(game.command(core::HostCommand::Start) == core::ClassRefusal::None);
                        playRound(game, {"b", "b", "a", "c"});
                        for (int i = 0; i < 9; ++i)
                            game.adjustHands(1, 1);
                        for (int i = 0; i < 4; ++i)
                            game.adjustHands(0, 1);
                        game.adjustHands(2, 1);
                        REQUIRE(game.command(core::HostCommand::Reveal) ==
                                core::ClassRefusal::None);
                    });
}

TEST_CASE("Render: leaderboard after two questions", "[render][display][class]")
{
    checkClassScene(
        "class-leaderboard", 1920, 1080, kTeams,
        [](ui::ClassGame& game)
        {
            REQUIRE(game.command(core::HostCommand::Start) == core::ClassRefusal::None);
            playRound(game, {"b", "b", "a", "c"});
            REQUIRE(game.command(core::HostCommand::Reveal) == core::ClassRefusal::None);
            REQUIRE(game.command(core::HostCommand::Next) == core::ClassRefusal::None);
            REQUIRE(game.command(core::HostCommand::Next) == core::ClassRefusal::None);
            const core::Question& q = game.getClassroom().getQuestion(1);
            std::string right;
            std::string wrong;
            for (const core::Option& option : q.options)
                (option.correct ? right : wrong) = option.id;
            playRound(game, {right, wrong, right, right});
            REQUIRE(game.command(core::HostCommand::Reveal) == core::ClassRefusal::None);
            REQUIRE(game.command(core::HostCommand::Next) == core::ClassRefusal::None);
        });
}

TEST_CASE("Render: final podium with every place", "[render][display][class]")
{
    const std::vector<std::string> teams = {"Red Pandas", "Blue Herons", "Night Shift",
                                            "Ward 4B",    "Day Team",    "Students of 2027"};
    checkClassScene(
        "class-podium", 1920, 1080, teams,
        [](ui::ClassGame& game)
        {
            REQUIRE(game.command(core::HostCommand::Start) == core::ClassRefusal::None);
            for (std::size_t q = 0; q < 3; ++q)
            {
                const core::Question& question = game.getClassroom().getQuestion(q);
                std::string right;
                std::string wrong;
                for (const core::Option& option : question.options)
                    (option.correct ? right : wrong) = option.id;
                // Team i is right on questions below its own share.
                std::vector<std::string> answers;
                for (std::size_t team = 0; team < 6; ++team)
                    answers.push_back((team + q) % 4 == 0 || team == 2 ? wrong : right);
                playRound(game, answers);
                REQUIRE(game.command(core::HostCommand::Reveal) == core::ClassRefusal::None);
                REQUIRE(game.command(core::HostCommand::Next) == core::ClassRefusal::None);
                REQUIRE(game.command(core::HostCommand::Next) == core::ClassRefusal::None);
            }
            REQUIRE(game.command(core::HostCommand::End) == core::ClassRefusal::None);
        });
}

TEST_CASE("Render: join screen filled in for a rejoin", "[render][display][class]")
{
    Harness h(1280, 720);
    h.context.student = std::make_shared<ui::StudentState>();
    h.context.student->config.address = sf::IpAddress(192, 168, 1, 20);
    h.context.student->config.port = 47100;
    h.context.student->config.classCode = "K7QX";
    h.context.student->config.nickname = "Eun-ji";
    h.stack.push(ui::ScreenId::Title);
    h.stack.push(ui::ScreenId::ClassJoin);
    h.settle();
    const std::string message = test::compareWithGolden(h.render(), h.name("class-join"));
    CHECK(message == "");
}

namespace
{

/// A student seated in a class, shown question mon-01; `reveal` gets its answer key.
std::shared_ptr<ui::StudentState> seatStudent(Harness& h, net::Reveal& reveal)
{
    auto student = std::make_shared<ui::StudentState>();
    student->config.nickname = "Eun-ji";
    student->apply(net::Welcome{"Eun-ji", "", false, 0, net::WirePhase::Lobby, "", 10});
    const core::Question question = classQuestions(h.context, {"mon-01"}).front();
    net::QuestionShow show;
    show.index = 0;
    show.total = 10;
    show.questionId = question.id;
    show.stem = question.stem;
    reveal.index = 0;
    for (std::size_t i = 0; i < question.options.size(); ++i)
    {
        const core::Option& option = question.options[i];
        show.options.push_back(
            {option.id, std::string(1, static_cast<char>('A' + i)), option.text});
        if (option.correct)
            reveal.correctIds.push_back(option.id);
        reveal.options.push_back(
            {option.id, std::string(1, static_cast<char>('A' + i)), 0, option.rationale});
    }
    reveal.explanation = question.explanation;
    student->apply(show);
    return student;
}

void checkStudentScene(Harness& h, const std::shared_ptr<ui::StudentState>& student,
                       const std::string& scene)
{
    h.context.student = student;
    h.stack.push(ui::ScreenId::Title);
    h.stack.push(ui::ScreenId::ClassStudent);
    h.settle();
    const std::string message = test::compareWithGolden(h.render(), h.name(scene));
    CHECK(message == "");
}

} // namespace

TEST_CASE("Render: a student's own screen after the reveal", "[render][display][class]")
{
    Harness h(1280, 720);
    net::Reveal reveal;
    const std::shared_ptr<ui::StudentState> student = seatStudent(h, reveal);
    student->picked = {reveal.correctIds.front()};
    reveal.you = {{reveal.correctIds.front()}, true, false, false, 1000, {}, {}, {}, {}, {}};
    reveal.score = 1000;
    student->apply(reveal);
    checkStudentScene(h, student, "class-student");
}

TEST_CASE("Render: a student sees that the instructor paused the question",
          "[render][display][class]")
{
    Harness h(1280, 720);
    net::Reveal reveal;
    const std::shared_ptr<ui::StudentState> student = seatStudent(h, reveal);
    student->picked = {reveal.correctIds.front()};
    student->apply(net::Pause{0, 0});
    checkStudentScene(h, student, "class-student-paused");
}

TEST_CASE("Render: class set-up with projector teams", "[render][display][class]")
{
    checkScene("class-setup",
               [](Harness& h)
               {
                   h.stack.push(ui::ScreenId::Title);
                   h.stack.push(ui::ScreenId::ClassSetup);
                   h.settle();
               });
}

TEST_CASE("Render: the player picker with three players, the current one marked",
          "[render][display][progress]")
{
    checkScene("profiles",
               [](Harness& h)
               {
                   fillProgress(h, "profiles");
                   h.stack.push(ui::ScreenId::Title);
                   h.stack.push(ui::ScreenId::Profiles);
                   h.settle();
               });
}

TEST_CASE("Render: deleting a player asks for confirmation first", "[render][display][progress]")
{
    checkScene("profiles-delete",
               [](Harness& h)
               {
                   fillProgress(h, "profiles-delete");
                   h.stack.push(ui::ScreenId::Title);
                   h.stack.push(ui::ScreenId::Profiles);
                   h.settle();
                   // Tab from the name field: Create, Rename, Delete.
                   for (int i = 0; i < 3; ++i)
                       h.key(sf::Keyboard::Tab);
                   h.key(sf::Keyboard::Enter);
                   REQUIRE(h.progress.hasPlayer()); // nothing deleted before the confirmation
               });
}

TEST_CASE("Render: title screen with a player and reviews due", "[render][display][progress]")
{
    checkScene("title-player",
               [](Harness& h)
               {
                   fillProgress(h, "title-player");
                   // Ana's own misses, not a shared list: two questions last answered wrong.
                   CHECK(h.progress.getMissedKeys(h.context.packs).size() == 2);
                   h.stack.push(ui::ScreenId::Title);
                   h.settle();
               });
}

TEST_CASE("Render: statistics with mastery bars, charts and weakest topics",
          "[render][display][progress]")
{
    checkScene("statistics",
               [](Harness& h)
               {
                   fillProgress(h, "statistics");
                   h.stack.push(ui::ScreenId::Title);
                   h.stack.push(ui::ScreenId::Statistics);
                   h.settle();
               });
}

TEST_CASE("Render: statistics in high contrast with large text", "[render][display][progress]")
{
    checkScene("statistics-contrast",
               [](Harness& h)
               {
                   fillProgress(h, "statistics-contrast");
                   h.applyTheme(true, 2);
                   h.stack.push(ui::ScreenId::Title);
                   h.stack.push(ui::ScreenId::Statistics);
                   h.settle();
               });
}

TEST_CASE("Render: Sure / Unsure / Guess asked after a tutor answer, before the feedback",
          "[render][display][progress]")
{
    checkScene("confidence",
               [](Harness& h)
               {
                   fillProgress(h, "confidence");
                   h.start({"mon-01"}, core::Mode::Tutor);
                   h.key(sf::Keyboard::Num2);
                   h.key(sf::Keyboard::Enter);
                   REQUIRE(h.stack.getTopId() == ui::ScreenId::Confidence);
               });
}

TEST_CASE("Set-up: the keyboard alone picks a topic and starts a round of it",
          "[render][display][setup]")
{
    Harness h(1280, 720);
    h.stack.push(ui::ScreenId::Title);
    h.stack.push(ui::ScreenId::Setup);
    h.settle();
    h.key(sf::Keyboard::Tab);   // from Start round into the list: the whole test pack
    h.key(sf::Keyboard::Space); // untick it
    h.key(sf::Keyboard::Down);  // "Mechanism of action"
    h.key(sf::Keyboard::Space); // tick it
    REQUIRE(h.context.setup.selections.size() == 1);
    CHECK(h.context.setup.selections[0].topicId == "mech");
    h.key(sf::Keyboard::Enter);
    REQUIRE(h.context.session.has_value());
    REQUIRE(h.context.session->getQuestionCount() == 2);
    for (std::size_t i = 0; i < 2; ++i)
    {
        const std::string& topic = h.context.session->getQuestion(i).question.topicId;
        CHECK((topic == "mech" || topic == "mech.at"));
    }
}

TEST_CASE("Set-up: a ticked pack shows its topics ticked, and unticking one keeps the rest",
          "[render][display][setup]")
{
    Harness h(800, 600);
    h.stack.push(ui::ScreenId::Setup);
    h.settle();
    REQUIRE(h.context.setup.selections.size() == 1);
    CHECK(h.context.setup.selections[0].topicId.empty()); // the whole test pack
    h.key(sf::Keyboard::Tab);                             // the pack box
    h.key(sf::Keyboard::Down);  // "Mechanism of action": shown ticked, inside the pack
    h.key(sf::Keyboard::Down);  // "Antithrombin"
    h.key(sf::Keyboard::Space); // untick it: every other branch stays chosen
    std::vector<std::string> topics;
    for (const core::TopicSelection& selection : h.context.setup.selections)
        topics.push_back(selection.topicId);
    std::sort(topics.begin(), topics.end());
    CHECK(topics == std::vector<std::string>{"mon", "safety"});
    // Antithrombin was mech's only subtopic: mech itself is no longer asked as a whole.
    h.key(sf::Keyboard::Up, true);
    h.key(sf::Keyboard::Up, true);
    h.key(sf::Keyboard::Space); // the pack again: tick it, the topics go
    REQUIRE(h.context.setup.selections.size() == 1);
    CHECK(h.context.setup.selections[0].topicId.empty());
}

TEST_CASE("Set-up: Tab passes the list of packs and topics in one step", "[render][display][setup]")
{
    Harness h(1280, 720);
    h.stack.push(ui::ScreenId::Setup);
    h.settle();
    h.key(sf::Keyboard::Tab); // Start round -> the list
    h.key(sf::Keyboard::Tab); // the list -> the first control after it (questions: fewer)
    const std::size_t before = static_cast<std::size_t>(h.context.setup.count);
    h.key(sf::Keyboard::Space);
    CHECK(static_cast<std::size_t>(h.context.setup.count) < before);
    h.key(sf::Keyboard::Tab, true); // back into the list, onto its first box
    h.key(sf::Keyboard::Space);     // unticks the whole pack
    CHECK(h.context.setup.selections.empty());
}

TEST_CASE("Set-up: the ticked packs are remembered for the next start, and a first start "
          "avoids the hardest pack",
          "[render][display][setup]")
{
    const std::filesystem::path profile =
        std::filesystem::path(QUIZ_BINARY_DIR) / "render-progress" / "setup-remembered";
    std::filesystem::remove_all(profile);
    {
        Harness h(1280, 720);
        h.context.profileDir = profile.string();
        h.stack.push(ui::ScreenId::Setup);
        h.settle();
        // The figure pack (one question) does not count as gentler than the demo pack.
        REQUIRE(h.context.setup.selections.size() == 1);
        CHECK(h.context.setup.selections[0].packId == kPackId);
        h.key(sf::Keyboard::Tab);
        h.key(sf::Keyboard::Space); // untick the demo pack
        h.key(sf::Keyboard::Down);
        h.key(sf::Keyboard::Space); // tick "Mechanism of action"
        h.key(sf::Keyboard::Enter);
        REQUIRE(h.context.session.has_value());
    }
    Harness again(1280, 720);
    again.context.profileDir = profile.string();
    again.stack.push(ui::ScreenId::Setup);
    again.settle();
    REQUIRE(again.context.setup.selections.size() == 1);
    CHECK(again.context.setup.selections[0].packId == kPackId);
    CHECK(again.context.setup.selections[0].topicId == "mech");
}

// The layout check over every screen: at 800x600, 1280x720 and 1920x1080, at every text size
// in both themes, every text drawn stays inside its box and off every other text. Content is
// the real packs of questions/ (their longest stems and options) and stress content: a
// 40-character player name, long team names and nicknames.
#include "DoseScenes.hpp"
#include "LayoutCheck.hpp"
#include "RenderHarness.hpp"
#include "ui/ClassGame.hpp"
#include "ui/widgets/Button.hpp"
#include "ui/widgets/TextRecorder.hpp"

#include <SFML/Graphics/RenderTexture.hpp>
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <optional>
#include <sstream>

using namespace quiz;
using namespace quiz::test;

namespace
{

const std::string kLongName = "Maximiliana Alexandra Fitzgerald-Okonkwo"; // 40, the limit
const std::vector<std::string> kLongTeams = {
    "Intensive Care Unit Team", "CARDIAC STEP-DOWN UNIT B", "Oncology Day Unit Nurses",
    "Night Shift Nurses 4West", "Paediatric Ward Students", "Emergency Department Two"};

/// Glyph positions are rounded to whole pixels and glyph boxes carry a pixel of padding.
constexpr float kTolerance = 2.0F;

const std::vector<std::pair<unsigned, unsigned>> kSizes = {{800, 600}, {1280, 720}, {1920, 1080}};

/// Adds the shipped packs of questions/ to the harness's test packs.
void addRealPacks(Harness& h)
{
    core::CheckOptions check;
    for (core::CheckedPack& checked :
         core::loadAndCheckAll({std::string(QUIZ_SOURCE_DIR) + "/questions"}, check))
    {
        REQUIRE(checked.pack);
        h.context.packs.push_back(*checked.pack);
    }
}

/// The published question of the real packs that scores highest on `measure`.
core::QuestionKey longest(const Harness& h,
                          const std::function<std::size_t(const core::Question&)>& measure)
{
    core::QuestionKey best;
    std::size_t most = 0;
    for (const core::Pack& pack : h.context.packs)
    {
        if (pack.id.find("test") != std::string::npos)
            continue;
        for (const core::Question& q : pack.questions)
        {
            if (q.status == core::QuestionStatus::Published && measure(q) > most)
            {
                most = measure(q);
                best = {pack.id, q.id};
            }
        }
    }
    REQUIRE(!best.packId.empty());
    return best;
}

std::size_t stemLength(const core::Question& q)
{
    return q.stem.toPlain().size();
}

std::size_t optionsLength(const core::Question& q)
{
    std::size_t total = 0;
    for (const core::Option& option : q.options)
        total += option.text.toPlain().size() + option.rationale.toPlain().size();
    return total;
}

std::size_t longestOption(const core::Question& q)
{
    std::size_t most = 0;
    for (const core::Option& option : q.options)
        most = std::max(most, option.text.toPlain().size());
    return most * 10 + q.options.size();
}

void startReal(Harness& h, const core::QuestionKey& key, core::Mode mode)
{
    core::SessionConfig config;
    config.onlyQuestions = {key};
    config.mode = mode;
    config.seed = 7;
    REQUIRE(h.context.startSession(config).empty());
    h.settle();
}

/// Ana's filled-in history (see fillProgress), under the longest name a player may have.
void longNamedPlayer(Harness& h, const std::string& scene)
{
    fillProgress(h, "layout-" + scene);
    REQUIRE(h.progress.renamePlayer("Ana", kLongName).empty());
    REQUIRE(h.progress.selectPlayer(kLongName, kRenderNow).empty());
}

void classGame(Harness& h, const std::vector<std::string>& teams,
               const std::function<void(ui::ClassGame&)>& play)
{
    core::ClassSettings settings;
    settings.closeWhenAllAnswered = false;
    h.context.classGame = std::make_shared<ui::ClassGame>(
        classQuestions(h.context, {"mon-01", "mech-01", "safe-01", "mon-02"}), settings, teams);
    play(*h.context.classGame);
    h.stack.push(ui::ScreenId::Title);
    h.stack.push(ui::ScreenId::ClassHost);
    h.settle();
}

/// Every team answers question `q`: the even ones right, the odd ones wrong.
void answerAll(ui::ClassGame& game, std::size_t q, std::size_t teams)
{
    const core::Question& question = game.getClassroom().getQuestion(q);
    std::string right;
    std::string wrong;
    for (const core::Option& option : question.options)
        (option.correct ? right : wrong) = option.id;
    for (std::size_t team = 0; team < teams; ++team)
        REQUIRE(game.answer(team, {team % 2 == 0 ? right : wrong}) == core::ClassRefusal::None);
    REQUIRE(game.command(core::HostCommand::Reveal) == core::ClassRefusal::None);
}

/// The long-named teams start the class and all answer its first question, which is revealed;
/// then the host gives `then`, if any (Next for the leaderboard, End for the podium).
void firstQuestionAnswered(Harness& h, std::optional<core::HostCommand> then)
{
    classGame(h, kLongTeams,
              [then](ui::ClassGame& game)
              {
                  REQUIRE(game.command(core::HostCommand::Start) == core::ClassRefusal::None);
                  answerAll(game, 0, kLongTeams.size());
                  if (then)
                      REQUIRE(game.command(*then) == core::ClassRefusal::None);
              });
}

/// Clicks the middle of the text `label` as the screen draws it now.
void clickText(Harness& h, const std::string& label)
{
    sf::RenderTexture texture;
    REQUIRE(texture.create(h.getSize().x, h.getSize().y));
    ui::TextRecorder recorder;
    h.stack.draw(texture, *h.context.theme);
    for (const ui::DrawnText& text : recorder.getTexts())
    {
        if (text.text != label)
            continue;
        sf::Event event{};
        event.type = sf::Event::MouseButtonReleased;
        event.mouseButton.button = sf::Mouse::Left;
        event.mouseButton.x = static_cast<int>(text.bounds.left + text.bounds.width / 2.0F);
        event.mouseButton.y = static_cast<int>(text.bounds.top + text.bounds.height / 2.0F);
        h.stack.handleEvent(event);
        h.settle();
        return;
    }
    FAIL("no text \"" << label << "\" on the screen");
}

void type(Harness& h, const std::string& ascii)
{
    for (const char c : ascii)
    {
        sf::Event event{};
        event.type = sf::Event::TextEntered;
        event.text.unicode = static_cast<sf::Uint32>(c);
        h.stack.handleEvent(event);
    }
    h.settle();
}

/// The ordering or matching question of the steps test pack, answered as it is shown when
/// `answer` is set (its feedback is then on the screen).
void startSteps(Harness& h, const std::string& id, bool answer)
{
    h.context.load({std::string(QUIZ_SOURCE_DIR) + "/tests/data/packs/steps"});
    h.start({id}, core::Mode::Tutor, 0, "org.example.steps-test");
    if (answer)
        h.key(sf::Keyboard::Enter);
}

using Prepare = std::function<void(Harness&)>;

const std::vector<std::pair<std::string, Prepare>>& scenes()
{
    static const std::vector<std::pair<std::string, Prepare>> all = {
        {"title",
         [](Harness& h)
         {
             longNamedPlayer(h, "title");
             h.context.lastError = "Could not start a round: no question matches the topics "
                                   "ticked in the packs chosen.";
             h.stack.push(ui::ScreenId::Title);
         }},
        {"title-no-player",
         [](Harness& h)
         {
             h.context.missedHistory = {{kPackId, "mech-01"}};
             h.stack.push(ui::ScreenId::Title);
         }},
        {"setup",
         [](Harness& h)
         {
             addRealPacks(h);
             h.stack.push(ui::ScreenId::Title);
             h.stack.push(ui::ScreenId::Setup);
         }},
        {"dose-question", doseQuestionScene},
        {"dose-feedback-mistake", doseFeedbackScene},
        {"dose-case", doseCaseScene},
        {"question-longest-stem",
         [](Harness& h)
         {
             addRealPacks(h);
             startReal(h, longest(h, stemLength), core::Mode::Tutor);
         }},
        {"question-longest-options",
         [](Harness& h)
         {
             addRealPacks(h);
             startReal(h, longest(h, longestOption), core::Mode::Exam);
             h.key(sf::Keyboard::Num1);
         }},
        {"confidence",
         [](Harness& h)
         {
             longNamedPlayer(h, "confidence");
             addRealPacks(h);
             startReal(h, longest(h, longestOption), core::Mode::Tutor);
             h.key(sf::Keyboard::Num1);
             h.key(sf::Keyboard::Enter);
             REQUIRE(h.stack.getTopId() == ui::ScreenId::Confidence);
         }},
        {"feedback-longest",
         [](Harness& h)
         {
             addRealPacks(h);
             startReal(h, longest(h, optionsLength), core::Mode::Tutor);
             h.key(sf::Keyboard::Num2);
             h.key(sf::Keyboard::Enter);
             REQUIRE(h.stack.getTopId() == ui::ScreenId::Feedback);
         }},
        {"results", [](Harness& h) { playExamToResults(h); }},
        {"settings", [](Harness& h) { h.stack.push(ui::ScreenId::Settings); }},
        {"pack-errors", [](Harness& h) { h.stack.push(ui::ScreenId::PackErrors); }},
        {"leave-round",
         [](Harness& h)
         {
             h.start({"mon-01"}, core::Mode::Exam);
             h.key(sf::Keyboard::Escape);
         }},
        {"quit-confirm",
         [](Harness& h)
         {
             longNamedPlayer(h, "quit");
             h.stack.push(ui::ScreenId::Title);
             h.settle();
             h.key(sf::Keyboard::Escape);
         }},
        {"profiles",
         [](Harness& h)
         {
             longNamedPlayer(h, "profiles");
             h.stack.push(ui::ScreenId::Title);
             h.stack.push(ui::ScreenId::Profiles);
         }},
        {"statistics",
         [](Harness& h)
         {
             longNamedPlayer(h, "statistics");
             h.stack.push(ui::ScreenId::Title);
             h.stack.push(ui::ScreenId::Statistics);
         }},
        {"class-setup",
         [](Harness& h)
         {
             addRealPacks(h);
             h.stack.push(ui::ScreenId::Title);
             h.stack.push(ui::ScreenId::ClassSetup);
         }},
        {"class-setup-live",
         [](Harness& h)
         {
             h.stack.push(ui::ScreenId::Title);
             h.stack.push(ui::ScreenId::ClassSetup);
             h.settle();
             clickText(h, "○ Live class");
         }},
        {"class-setup-long-teams",
         [](Harness& h)
         {
             h.stack.push(ui::ScreenId::Title);
             h.stack.push(ui::ScreenId::ClassSetup);
             h.settle();
             // Type a long name into every team's field, as an instructor does.
             for (std::size_t i = 0; i < 4; ++i)
             {
                 clickText(h, "Team " + std::to_string(i + 1));
                 for (int k = 0; k < 8; ++k)
                     h.key(sf::Keyboard::BackSpace);
                 type(h, kLongTeams[i]);
             }
         }},
        {"class-lobby",
         [](Harness& h)
         {
             std::vector<std::string> students = kLongTeams;
             for (const char* name : {"Wilhelmina Oyelaran-Smit", "Bartholomew Nakamura-Li", "Jo",
                                      "Ikechukwu Chukwuemeka O", "Dev", "Anastasiya Kovalenko"})
                 students.push_back(name);
             classGame(h, students,
                       [](ui::ClassGame& game)
                       {
                           game.showAsLive("192.168.100.200:47100", "K7QX9M");
                           game.setAddresses({"192.168.100.200:47100", "10.108.200.14:47100",
                                              "172.16.254.101:47100"});
                       });
         }},
        {"class-question",
         [](Harness& h)
         {
             classGame(h, kLongTeams,
                       [](ui::ClassGame& game)
                       {
                           REQUIRE(game.command(core::HostCommand::Start) ==
                                   core::ClassRefusal::None);
                           REQUIRE(game.answer(0, {"b"}) == core::ClassRefusal::None);
                       });
             h.key(sf::Keyboard::Num2);
         }},
        {"class-reveal", [](Harness& h) { firstQuestionAnswered(h, {}); }},
        {"class-leaderboard",
         [](Harness& h) { firstQuestionAnswered(h, core::HostCommand::Next); }},
        {"class-podium", [](Harness& h) { firstQuestionAnswered(h, core::HostCommand::End); }},
        {"class-join",
         [](Harness& h)
         {
             h.stack.push(ui::ScreenId::Title);
             h.stack.push(ui::ScreenId::ClassJoin);
         }},
        {"class-student",
         [](Harness& h)
         {
             auto student = std::make_shared<ui::StudentState>();
             const std::string nick = "Wilhelmina Oyelaran-Smit";
             student->config.nickname = nick;
             student->apply(net::Welcome{nick, "", false, 0, net::WirePhase::Lobby, "", 10});
             const core::Question question = classQuestions(h.context, {"mon-02"}).front();
             net::QuestionShow show;
             show.index = 0;
             show.total = 10;
             show.questionId = question.id;
             show.stem = question.stem;
             for (std::size_t i = 0; i < question.options.size(); ++i)
                 show.options.push_back({question.options[i].id,
                                         std::string(1, static_cast<char>('A' + i)),
                                         question.options[i].text});
             student->apply(show);
             h.context.student = student;
             h.stack.push(ui::ScreenId::Title);
             h.stack.push(ui::ScreenId::ClassStudent);
         }},
        {"steps-ordering", [](Harness& h) { startSteps(h, "or-1", false); }},
        {"steps-ordering-feedback", [](Harness& h) { startSteps(h, "or-1", true); }},
        {"steps-matching", [](Harness& h) { startSteps(h, "ma-1", false); }},
        {"steps-matching-feedback", [](Harness& h) { startSteps(h, "ma-1", true); }},
    };
    return all;
}

/// Draws `h` in both themes at each of `steps` and returns every problem found, named.
std::string checkAllThemes(Harness& h, const std::string& scene, const std::vector<int>& steps)
{
    const sf::Vector2u size = h.getSize();
    sf::RenderTexture texture;
    REQUIRE(texture.create(size.x, size.y));
    std::ostringstream out;
    for (const bool highContrast : {false, true})
    {
        for (const int step : steps)
        {
            h.applyTheme(highContrast, step);
            ui::TextRecorder recorder;
            h.stack.draw(texture, *h.context.theme);
            REQUIRE(!recorder.getTexts().empty());
            // QUIZ_LAYOUT_SHOTS=DIR keeps a picture of each screen at the largest text in high
            // contrast, to look at.
            const char* shots = std::getenv("QUIZ_LAYOUT_SHOTS");
            if (shots != nullptr && highContrast && step == steps.back())
            {
                texture.display();
                std::filesystem::create_directories(shots);
                const std::string path =
                    (std::filesystem::path(shots) / (h.name(scene) + ".png")).string();
                CHECK(texture.getTexture().copyToImage().saveToFile(path));
            }
            const std::string problems = layoutProblems(recorder.getTexts(), kTolerance);
            if (!problems.empty())
                out << h.name(scene) << (highContrast ? " high contrast" : "") << " text size "
                    << step << ":\n"
                    << problems;
        }
    }
    return out.str();
}

} // namespace

TEST_CASE("Layout: every text of every screen stays in its box and off other text, at three "
          "window sizes, every text size and both themes",
          "[render][display][layout]")
{
    const std::vector<int> steps = {0, 1, 2, 3};
    for (const auto& [scene, prepare] : scenes())
    {
        for (const auto& [width, height] : kSizes)
        {
            Harness h(width, height);
            prepare(h);
            h.settle();
            const std::string problems = checkAllThemes(h, scene, steps);
            INFO(problems);
            CHECK(problems.empty());
        }
    }
}

TEST_CASE("Layout: the check sees a text that leaves its box and two texts that overlap",
          "[render][display][layout]")
{
    ui::DrawnText inside{"Play", {10, 10, 40, 16}, {0, 0, 100, 40}, {0, 0, 800, 600}, 1};
    CHECK(layoutProblems({inside}).empty());
    ui::DrawnText wide = inside;
    wide.bounds.width = 120.0F;
    CHECK(layoutProblems({wide}).find("leaves its box") != std::string::npos);
    ui::DrawnText offWindow = inside;
    offWindow.bounds.left = 790.0F;
    offWindow.box = offWindow.clip;
    CHECK(layoutProblems({offWindow}).find("leaves the window") != std::string::npos);
    ui::DrawnText other = inside;
    other.text = "Quit";
    other.bounds.left = 30.0F;
    CHECK(layoutProblems({inside, other}).find("overlaps") != std::string::npos);
    other.layer = 2; // an overlay over the screen below: not an overlap
    CHECK(layoutProblems({inside, other}).empty());
    // Scrolled half out of a scroll area: cut at the bottom is fine, at a side is not.
    ui::DrawnText scrolled{"stem", {10, 390, 40, 20}, {0, 300, 100, 400}, {0, 100, 800, 300}, 1};
    CHECK(layoutProblems({scrolled}).empty());
    scrolled.bounds.left = -10.0F;
    CHECK(!layoutProblems({scrolled}).empty());
}

TEST_CASE("Layout: a button cuts a label too long for it with an ellipsis, at every text size",
          "[render][display][layout]")
{
    // A class found on the network, as the join screen lists it.
    Harness h(800, 600);
    sf::RenderTexture texture;
    REQUIRE(texture.create(800, 600));
    ui::Button found("Pharmacology 2 (Tuesday) — 192.168.100.200:47100 (24 joined)", nullptr);
    ui::Button key("Start the round now", nullptr, ui::Button::Kind::Primary);
    key.setShortcut("Enter");
    for (const int step : {0, 1, 2, 3})
    {
        h.applyTheme(false, step);
        const ui::Theme& theme = *h.context.theme;
        found.setBounds({20, 20, 400, ui::Button::preferredHeight(theme)});
        key.setBounds({20, 120, 200, ui::Button::preferredHeight(theme)});
        ui::TextRecorder recorder;
        found.draw(texture, theme);
        key.draw(texture, theme);
        REQUIRE(recorder.getTexts().size() >= 2);
        CHECK(recorder.getTexts().front().text.find("…") != std::string::npos);
        const std::string problems = layoutProblems(recorder.getTexts(), kTolerance);
        INFO("text size " << step << ":\n" << problems);
        CHECK(problems.empty());
    }
}

// A round as a person meets it: selecting before submitting, a blank answer, the way back
// from Sure / Unsure / Guess, a key held over a screen change, many options, the review list.
#include "RenderHarness.hpp"
#include "ui/ClassGame.hpp"
#include "ui/screens/Screens.hpp"

#include <fstream>

using namespace quiz;
using namespace quiz::test;

namespace
{

const core::AnswerRecord* answerOf(const Harness& h, std::size_t index)
{
    return h.context.session->getAnswer(index);
}

/// The id of the option shown at `position` of the current question.
std::vector<std::string> shownId(const Harness& h, std::size_t position)
{
    return {h.context.session->getShownOption(position)->id};
}

/// A pack of two long select-all questions (7 and 8 options), written for the test.
std::string writeManyOptionsPack()
{
    const std::filesystem::path dir =
        std::filesystem::path(QUIZ_BINARY_DIR) / "render-data" / "many-options";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "many.xml") << R"(<?xml version="1.0" encoding="UTF-8"?>
<pack formatVersion="1" id="org.heparinquiz.test-many" version="1.0.0" lang="en">
  <title>Many options (test pack)</title>
  <description>Select-all questions with many options.</description>
  <author name="Heparin Quiz tests" role="author"/>
  <license spdx="CC-BY-4.0"/>
  <dates created="2026-11-01" updated="2026-11-20" reviewBy="2030-11-01"/>
  <sources><source id="label" type="label" accessed="2026-11-01">Heparin label.</source></sources>
  <topics><topic id="care" title="Nursing care"/></topics>
  <questions>
    <question id="pci-7" type="multiple" topic="care" difficulty="3">
      <stem>After PCI through the femoral artery, a patient is on a heparin infusion, aspirin and ticagrelor. Which nursing actions are appropriate? Select all that apply.</stem>
      <options>
        <option id="a" correct="true"><text>Check the puncture site for swelling, oozing or hematoma</text><rationale>Access-site bleeding is the commonest.</rationale></option>
        <option id="b" correct="true"><text>Report new back, flank or groin pain with falling BP at once</text><rationale>A retroperitoneal bleed.</rationale></option>
        <option id="c" correct="true"><text>Compare pedal pulses and warmth in both legs</text><rationale>Limb checks.</rationale></option>
        <option id="d"><text>Hold the aspirin because it is given with heparin</text><rationale>Prescribed deliberately.</rationale></option>
        <option id="e"><text>Ask the patient to sit up and bend the leg early</text><rationale>The leg stays straight.</rationale></option>
        <option id="f"><text>Draw the aPTT from the heparin line to spare a stick</text><rationale>Contaminated sample.</rationale></option>
        <option id="g"><text>Give ibuprofen for groin discomfort as needed</text><rationale>An NSAID adds bleeding risk.</rationale></option>
      </options>
      <ref source="label" locator="5.2"/>
    </question>
    <question id="caution-8" type="multiple" topic="care" difficulty="3">
      <stem>The heparin label calls for extra caution, because the bleeding risk is higher, in which of these conditions? Select all that apply.</stem>
      <options>
        <option id="a" correct="true"><text>Subacute bacterial endocarditis</text><rationale>On the list.</rationale></option>
        <option id="b" correct="true"><text>Severe arterial hypertension</text><rationale>On the list.</rationale></option>
        <option id="c" correct="true"><text>Recent spinal tap or spinal anesthesia</text><rationale>On the list.</rationale></option>
        <option id="d" correct="true"><text>Recent surgery on the brain, spine or eye</text><rationale>On the list.</rationale></option>
        <option id="e"><text>Hypothyroidism treated with levothyroxine</text><rationale>Not a caution.</rationale></option>
        <option id="f"><text>Type 2 diabetes without kidney disease</text><rationale>Not a caution.</rationale></option>
        <option id="g"><text>Breastfeeding a healthy infant</text><rationale>Not a caution.</rationale></option>
        <option id="h"><text>Well-controlled asthma</text><rationale>Not a caution.</rationale></option>
      </options>
      <ref source="label" locator="5"/>
    </question>
  </questions>
</pack>
)";
    return dir.string();
}

} // namespace

TEST_CASE("Round: a single-answer key selects and Enter submits what is selected",
          "[render][display][round]")
{
    checkScene("question-selected",
               [](Harness& h)
               {
                   h.start({"mon-01", "mech-01"}, core::Mode::Tutor);
                   h.key(sf::Keyboard::B);
                   REQUIRE(h.stack.getTopId() == ui::ScreenId::Question);
                   CHECK(answerOf(h, 0) == nullptr); // selected, not answered
                   h.key(sf::Keyboard::A);           // a change of mind is one key
                   CHECK(answerOf(h, 0) == nullptr);
               });
    Harness h(1280, 720);
    h.start({"mon-01", "mech-01"}, core::Mode::Tutor);
    h.key(sf::Keyboard::A);
    h.key(sf::Keyboard::B);
    const std::vector<std::string> second = shownId(h, 1);
    h.key(sf::Keyboard::Enter);
    REQUIRE(h.stack.getTopId() == ui::ScreenId::Feedback);
    REQUIRE(answerOf(h, 0) != nullptr);
    CHECK(answerOf(h, 0)->chosenOptionIds == second);
}

TEST_CASE("Round: a blank Submit warns first, a second one leaves it unanswered and the "
          "feedback says so",
          "[render][display][round]")
{
    checkScene("question-blank-warning",
               [](Harness& h)
               {
                   h.start({"mon-01"}, core::Mode::Tutor);
                   h.key(sf::Keyboard::Enter);
                   REQUIRE(h.stack.getTopId() == ui::ScreenId::Question);
                   CHECK(answerOf(h, 0) == nullptr);
               });
    checkScene("feedback-not-answered",
               [](Harness& h)
               {
                   h.start({"mon-01"}, core::Mode::Tutor);
                   h.key(sf::Keyboard::Enter);
                   h.key(sf::Keyboard::Enter);
                   REQUIRE(h.stack.getTopId() == ui::ScreenId::Feedback);
                   REQUIRE(answerOf(h, 0) != nullptr);
                   CHECK(answerOf(h, 0)->chosenOptionIds.empty());
               });
    // Selecting something after the warning takes the warning away: Enter answers with it.
    Harness h(800, 600);
    h.start({"mon-01"}, core::Mode::Tutor);
    h.key(sf::Keyboard::Enter);
    h.key(sf::Keyboard::C);
    const std::vector<std::string> third = shownId(h, 2);
    h.key(sf::Keyboard::Enter);
    REQUIRE(answerOf(h, 0) != nullptr);
    CHECK(answerOf(h, 0)->chosenOptionIds == third);
}

TEST_CASE("Round: Esc on Sure / Unsure / Guess goes back to the question with nothing answered",
          "[render][display][round][progress]")
{
    Harness h(1280, 720);
    fillProgress(h, "confidence-back");
    h.start({"mon-01"}, core::Mode::Tutor);
    h.key(sf::Keyboard::C);
    h.key(sf::Keyboard::Enter);
    REQUIRE(h.stack.getTopId() == ui::ScreenId::Confidence);
    CHECK(answerOf(h, 0) == nullptr);
    h.key(sf::Keyboard::Escape);
    REQUIRE(h.stack.getTopId() == ui::ScreenId::Question);
    CHECK(h.context.session->getPhase() == core::Phase::Asking);
    h.key(sf::Keyboard::B); // another answer this time
    const std::vector<std::string> second = shownId(h, 1);
    h.key(sf::Keyboard::Enter);
    REQUIRE(h.stack.getTopId() == ui::ScreenId::Confidence);
    h.key(sf::Keyboard::S);
    REQUIRE(h.stack.getTopId() == ui::ScreenId::Feedback);
    REQUIRE(answerOf(h, 0) != nullptr);
    CHECK(answerOf(h, 0)->chosenOptionIds == second);
    CHECK(h.context.roundConfidence.at(0) == core::Confidence::Sure);
}

TEST_CASE("Round: leaving says the answers given are already in the player's history",
          "[render][display][round][progress]")
{
    Harness h(1280, 720);
    fillProgress(h, "leave-message");
    h.start({"mon-01", "mech-01", "mon-02"}, core::Mode::Exam);
    h.key(sf::Keyboard::B);
    h.key(sf::Keyboard::Enter);
    const std::string message = ui::leaveMessage(h.context);
    CHECK(message.find("already saved in Ana's history") != std::string::npos);
    CHECK(message.find("2 questions not asked") != std::string::npos);
    CHECK(message.find("not be") == std::string::npos); // no "will not be saved"
    Harness none(1280, 720);
    none.start({"mon-01"}, core::Mode::Exam);
    CHECK(ui::leaveMessage(none.context).find("No player is chosen") != std::string::npos);
}

namespace
{

/// The middle of the footer's first button (Leave) on the question and feedback screens.
sf::Vector2f leaveButtonCentre(const Harness& h, float width, float height)
{
    const ui::Theme& t = *h.context.theme;
    const float left = (width - t.contentWidth(width)) / 2.0F;
    const float buttonHeight = t.px(54.0F);
    const float footerTop = height - buttonHeight - t.px(28.0F);
    return {left + t.px(20.0F), footerTop + buttonHeight / 2.0F};
}

} // namespace

TEST_CASE("Round: a click on Leave on the question and on the feedback asks to leave the round",
          "[render][display][round]")
{
    for (const auto& [w, hgt] : {std::pair<float, float>{1280.0F, 720.0F}, {800.0F, 600.0F}})
    {
        Harness h(static_cast<unsigned>(w), static_cast<unsigned>(hgt));
        h.context.settings.askConfidence = false;
        h.start({"mon-01", "mech-01"}, core::Mode::Tutor);
        const sf::Vector2f leave = leaveButtonCentre(h, w, hgt);
        h.click(leave.x, leave.y);
        CHECK(h.stack.getTopId() == ui::ScreenId::ConfirmQuit);
        h.key(sf::Keyboard::Escape); // stay
        REQUIRE(h.stack.getTopId() == ui::ScreenId::Question);
        h.key(sf::Keyboard::A);
        h.key(sf::Keyboard::Enter);
        REQUIRE(h.stack.getTopId() == ui::ScreenId::Feedback);
        h.click(leave.x, leave.y);
        CHECK(h.stack.getTopId() == ui::ScreenId::ConfirmQuit);
    }
}

TEST_CASE("Round: the results ignore an Enter still held from the last question",
          "[render][display][round]")
{
    Harness h(1280, 720);
    h.start({"mon-01"}, core::Mode::Exam);
    h.key(sf::Keyboard::B);
    h.press(sf::Keyboard::Enter); // answers the last question: the results show
    REQUIRE(h.stack.getTopId() == ui::ScreenId::Results);
    h.press(sf::Keyboard::Enter); // the same key, repeating while held
    h.press(sf::Keyboard::Enter);
    CHECK(h.stack.getTopId() == ui::ScreenId::Results);
    h.release(sf::Keyboard::Enter);
    h.key(sf::Keyboard::Enter); // a fresh press on the results acts: a new game
    CHECK(h.stack.getTopId() == ui::ScreenId::Setup);
}

TEST_CASE("Round: select-all questions with seven and eight options fit the window",
          "[render][display][round]")
{
    const std::string dir = writeManyOptionsPack();
    for (const char* id : {"pci-7", "caution-8"})
    {
        checkScene(std::string("question-") + id,
                   [&](Harness& h)
                   {
                       h.context.load({dir});
                       h.start({id}, core::Mode::Exam, 0, "org.heparinquiz.test-many");
                       h.key(sf::Keyboard::A);
                   });
    }
    // At the largest text in two columns they still fit; with the figure question they do not,
    // and the footer says that more is below.
    checkScene("question-caution-8-largest",
               [&](Harness& h)
               {
                   h.applyTheme(false, 3);
                   h.context.load({dir});
                   h.start({"caution-8"}, core::Mode::Exam, 0, "org.heparinquiz.test-many");
               });
}

TEST_CASE("Round: a question taller than the window says that more is below",
          "[render][display][round]")
{
    checkScene("question-more-below",
               [](Harness& h)
               {
                   h.applyTheme(true, 3);
                   h.start({"chart-01"}, core::Mode::Tutor, 0, "org.heparinquiz.test-figure");
               });
}

TEST_CASE("Round: a review round says so in its header", "[render][display][round]")
{
    checkScene("question-review",
               [](Harness& h)
               {
                   core::SessionConfig config;
                   config.onlyQuestions = {{kPackId, "mon-01"}, {kPackId, "mech-01"}};
                   config.keepListedOrder = true;
                   config.seed = 7;
                   REQUIRE(h.context.startSession(config).empty());
                   h.settle();
               });
}

TEST_CASE("Round: the results list every question compactly, filter the missed ones and open "
          "one's feedback",
          "[render][display][round]")
{
    const auto play = [](Harness& h) { playExamToResults(h); };
    checkScene("results-missed-open",
               [&](Harness& h)
               {
                   play(h);
                   h.key(sf::Keyboard::M);     // missed only; the focus is on the filter
                   h.key(sf::Keyboard::Tab);   // the first missed question
                   h.key(sf::Keyboard::Enter); // opens its full feedback
                   CHECK(h.stack.getTopId() == ui::ScreenId::Results);
               });
}

TEST_CASE("Round: a topic answered once shows no mastery percentage",
          "[render][display][round][progress]")
{
    checkScene("statistics-one-answer",
               [](Harness& h)
               {
                   const std::filesystem::path root = std::filesystem::path(QUIZ_BINARY_DIR) /
                                                      "render-progress" /
                                                      h.name("statistics-one-answer");
                   std::filesystem::remove_all(root);
                   h.progress = ui::PlayerProgress(root.string());
                   REQUIRE(h.progress.createPlayer("Ana", kRenderNow).empty());
                   h.start({"mon-01"}, core::Mode::Exam);
                   h.key(sf::Keyboard::B);
                   h.key(sf::Keyboard::Enter); // the topic's only answer
                   h.stack.clear();
                   h.stack.push(ui::ScreenId::Title);
                   h.stack.push(ui::ScreenId::Statistics);
                   h.settle();
               });
}

TEST_CASE("Round: the projector asks before End, shows a pause in large type, and its podium "
          "puts tied teams on one step",
          "[render][display][round][class]")
{
    Harness h(1920, 1080);
    core::ClassSettings settings;
    settings.closeWhenAllAnswered = false;
    h.context.classGame = std::make_shared<ui::ClassGame>(
        classQuestions(h.context, {"mon-01", "mech-01"}), settings,
        std::vector<std::string>{"Red Pandas", "Blue Herons", "Night Shift"});
    ui::ClassGame& game = *h.context.classGame;
    h.stack.push(ui::ScreenId::Title);
    h.stack.push(ui::ScreenId::ClassHost);
    h.settle();
    h.key(sf::Keyboard::Space); // start
    REQUIRE(game.getClassroom().getPhase() == core::ClassPhase::Question);
    h.key(sf::Keyboard::P);
    CHECK(compareWithGolden(h.render(), h.name("class-paused")) == "");
    h.key(sf::Keyboard::P);
    h.key(sf::Keyboard::End); // asks
    CHECK(game.getClassroom().getPhase() == core::ClassPhase::Question);
    h.key(sf::Keyboard::S); // another key: the question is withdrawn, nothing skipped
    CHECK(game.getClassroom().getPhase() == core::ClassPhase::Question);
    CHECK(game.getClassroom().getCurrentIndex() == 0);
    h.key(sf::Keyboard::End);
    h.key(sf::Keyboard::End); // confirmed
    CHECK(game.getClassroom().getPhase() == core::ClassPhase::Finished);
    // Nobody scored: all three tie for first, on one step.
    CHECK(compareWithGolden(h.render(), h.name("class-podium-tie")) == "");
}

TEST_CASE("Round: with --mute the settings show sound off, whatever is saved",
          "[render][display][round]")
{
    checkScene("settings-muted",
               [](Harness& h)
               {
                   h.context.settings.sound = true;
                   h.context.mute = true;
                   h.stack.push(ui::ScreenId::Settings);
                   h.settle();
               });
}

TEST_CASE("Round: Up from Continue stays on Continue, and Quit asks first",
          "[render][display][round]")
{
    Harness h(1280, 720);
    h.stack.push(ui::ScreenId::Title);
    h.settle();
    h.key(sf::Keyboard::Up);  // Continue is first: the focus does not wrap round to Quit
    h.key(sf::Keyboard::Tab); // ...so Tab goes on to Play
    h.key(sf::Keyboard::Enter);
    CHECK(h.stack.getTopId() == ui::ScreenId::Setup);
    h.key(sf::Keyboard::Escape);
    h.key(sf::Keyboard::Escape); // on the title: asks before quitting
    REQUIRE(h.stack.getTopId() == ui::ScreenId::ConfirmQuit);
    checkScene("quit-confirm",
               [](Harness& s)
               {
                   s.stack.push(ui::ScreenId::Title);
                   s.settle();
                   s.key(sf::Keyboard::Escape);
               });
    h.key(sf::Keyboard::Enter); // "Stay" has the focus
    CHECK(h.stack.getTopId() == ui::ScreenId::Title);
}

TEST_CASE("Round: each new round draws a new seed unless the player chose one, and R replays the "
          "last round's seed",
          "[render][display][round]")
{
    Harness h(1280, 720);
    h.context.setup.seed = 7;
    const auto startFromSetup = [&h](bool replay)
    {
        h.stack.clear();
        h.stack.push(ui::ScreenId::Title);
        h.stack.push(ui::ScreenId::Setup);
        h.settle();
        if (replay)
            h.key(sf::Keyboard::R);
        h.key(sf::Keyboard::Enter); // Start
        REQUIRE(h.stack.getTopId() == ui::ScreenId::Question);
        return h.context.session->getConfig().seed;
    };
    const std::uint32_t first = startFromSetup(false);
    CHECK(first == 7);
    const std::uint32_t second = startFromSetup(false);
    CHECK(second != first);
    const std::uint32_t third = startFromSetup(false);
    CHECK(third != second);
    CHECK(third != first);
    // One key on set-up replays the round just played, and keeps that seed from then on.
    CHECK(startFromSetup(true) == third);
    CHECK(startFromSetup(false) == third);
}

#pragma once
// The render tests' game without a window: real services, screens, packs and theme drawn into
// a texture, plus the shared scenes (a filled-in player history, the class questions).
#include "Golden.hpp"
#include "core/pack/PackChecker.hpp"
#include "core/progress/ProgressStore.hpp"
#include "core/session/Scoring.hpp"
#include "ui/Audio.hpp"
#include "ui/GameContext.hpp"
#include "ui/PlayerProgress.hpp"
#include "ui/Screen.hpp"
#include "ui/Theme.hpp"
#include "ui/screens/ScreenRegistry.hpp"
#include "ui/widgets/TextRecorder.hpp"

#include <SFML/Graphics/RenderTexture.hpp>
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace quiz::test
{

using namespace std::chrono_literals;

inline const std::string kPackId = "org.heparinquiz.test-demo";
/// The moment every render test plays at (2026-06-01, 09:00 UTC).
inline constexpr core::TimestampMs kRenderNow = 1'780'304'400'000LL;

inline ui::ServiceOptions renderOptions()
{
    ui::ServiceOptions options;
    options.dataDir = "tests/data/ui/packs";
    options.clock = [] { return kRenderNow; };
    return options;
}

/// A game without a window: the real services, screens, packs and theme, drawn into a texture.
class Harness
{
public:
    Harness(unsigned width, unsigned height)
        : context(renderOptions(), m_theme, m_audio, stack), progress(*context.progress),
          m_width(width), m_height(height)
    {
        ui::loadFonts(m_fonts);
        m_theme.setWindowSize(static_cast<float>(width), static_cast<float>(height));
        context.mute = true;
        const std::string data = std::string(QUIZ_SOURCE_DIR) + "/tests/data/ui/";
        context.load({data + "packs", data + "broken"});
        // Show paths relative to the source tree, so goldens do not depend on the checkout.
        for (core::CheckedPack& checked : context.checkedPacks)
        {
            checked.path = relative(checked.path);
            core::DiagnosticList list(checked.path);
            for (core::Diagnostic diagnostic : checked.diagnostics.getAll())
            {
                diagnostic.file = relative(diagnostic.file);
                list.add(diagnostic);
            }
            checked.diagnostics = list;
        }
        ui::registerScreens(stack, context);
    }

    static std::string relative(const std::string& path)
    {
        const std::string root = std::string(QUIZ_SOURCE_DIR) + "/";
        return path.rfind(root, 0) == 0 ? path.substr(root.size()) : path;
    }

    void start(const std::vector<std::string>& ids, core::Mode mode, int timer = 0,
               const std::string& packId = kPackId)
    {
        core::SessionConfig config;
        for (const std::string& id : ids)
            config.onlyQuestions.push_back({packId, id});
        config.mode = mode;
        config.seed = 7;
        config.timerSeconds = timer;
        REQUIRE(context.startSession(config).empty());
        settle();
    }

    /// Presses and releases `code` as a person does: the release comes after the screen change.
    void key(sf::Keyboard::Key code, bool shift = false)
    {
        press(code, shift);
        release(code);
    }

    /// A key going down (again, for an auto-repeat) with no release.
    void press(sf::Keyboard::Key code, bool shift = false)
    {
        sf::Event event{};
        event.type = sf::Event::KeyPressed;
        event.key.code = code;
        event.key.shift = shift;
        stack.handleEvent(event);
        settle();
    }

    void release(sf::Keyboard::Key code)
    {
        sf::Event event{};
        event.type = sf::Event::KeyReleased;
        event.key.code = code;
        stack.handleEvent(event);
        settle();
    }

    /// One mouse event at (x, y): a move, or the left button going down or up.
    void mouse(sf::Event::EventType type, float x, float y)
    {
        sf::Event event{};
        event.type = type;
        if (type == sf::Event::MouseMoved)
        {
            event.mouseMove.x = static_cast<int>(x);
            event.mouseMove.y = static_cast<int>(y);
        }
        else
        {
            event.mouseButton.button = sf::Mouse::Left;
            event.mouseButton.x = static_cast<int>(x);
            event.mouseButton.y = static_cast<int>(y);
        }
        stack.handleEvent(event);
        settle();
    }

    /// A click as a person makes it: the pointer moves there, the button goes down and up.
    void click(float x, float y)
    {
        mouse(sf::Event::MouseMoved, x, y);
        mouse(sf::Event::MouseButtonPressed, x, y);
        mouse(sf::Event::MouseButtonReleased, x, y);
    }

    /// The centre of the `nth` text `label` the screen draws now.
    sf::Vector2f textCentre(const std::string& label, std::size_t nth = 0)
    {
        sf::RenderTexture texture;
        REQUIRE(texture.create(m_width, m_height));
        ui::TextRecorder recorder;
        stack.draw(texture, m_theme);
        for (const ui::DrawnText& text : recorder.getTexts())
        {
            if (text.text == label && nth-- == 0)
                return {text.bounds.left + text.bounds.width / 2.0F,
                        text.bounds.top + text.bounds.height / 2.0F};
        }
        FAIL("no text \"" << label << "\" on the screen");
        return {};
    }

    /// Applies screen changes and lets every transition finish.
    void settle()
    {
        const sf::Vector2f size(static_cast<float>(m_width), static_cast<float>(m_height));
        stack.applyPendingChanges(size);
        for (int i = 0; i < 20; ++i)
            stack.update(20ms);
        stack.applyPendingChanges(size);
        stack.layout(size);
    }

    void applyTheme(bool highContrast, int textSize)
    {
        context.settings.highContrast = highContrast;
        context.settings.textSize = textSize;
        context.applySettings();
        settle();
    }

    sf::Image render()
    {
        sf::RenderTexture texture;
        REQUIRE(texture.create(m_width, m_height));
        stack.draw(texture, m_theme);
        texture.display();
        return texture.getTexture().copyToImage();
    }

    [[nodiscard]] sf::Vector2u getSize() const { return {m_width, m_height}; }

    std::string name(const std::string& scene) const
    {
        return scene + "_" + std::to_string(m_width) + "x" + std::to_string(m_height);
    }

private:
    ui::FontSet m_fonts;
    ui::Theme m_theme{m_fonts};
    ui::AudioPlayer m_audio;

public:
    ui::ScreenStack stack;
    ui::GameContext context;
    ui::PlayerProgress& progress; ///< no profile folder unless a test gives one

private:
    unsigned m_width;
    unsigned m_height;
};

/// Plays the four-question exam the results scenes show (mon-01 answered wrong with "b", the
/// select-all with a and c) and leaves the results screen over the title.
inline void playExamToResults(Harness& h)
{
    h.start({"mech-01", "mon-01", "safe-01", "mon-02"}, core::Mode::Exam);
    core::Session& session = *h.context.session;
    while (!session.isFinished())
    {
        const core::Question& q = session.getCurrent().question;
        if (q.type == core::QuestionType::Multiple)
        {
            session.pick("a");
            session.pick("c");
            session.submit();
        }
        else
        {
            session.pick(q.id == "mon-01" ? "b" : q.options.front().id);
        }
    }
    h.stack.clear();
    h.stack.push(ui::ScreenId::Title);
    h.stack.push(ui::ScreenId::Results);
    h.settle();
}

inline void checkScene(const std::string& scene, const std::function<void(Harness&)>& prepare)
{
    for (const auto& [w, h] : {std::pair<unsigned, unsigned>{1280, 720}, {800, 600}})
    {
        Harness harness(w, h);
        prepare(harness);
        const std::string message = test::compareWithGolden(harness.render(), harness.name(scene));
        INFO(harness.name(scene));
        CHECK(message == "");
    }
}

/// Questions of the test pack in the given order, options as authored.
inline std::vector<core::Question> classQuestions(const ui::GameContext& context,
                                                  const std::vector<std::string>& ids)
{
    std::vector<core::Question> out;
    for (const std::string& id : ids)
    {
        for (const core::Pack& pack : context.packs)
        {
            for (const core::Question& question : pack.questions)
            {
                if (pack.id == kPackId && question.id == id)
                    out.push_back(question);
            }
        }
    }
    return out;
}

/// Gives the harness a profile folder with players Ana (chosen), Ben Okafor and Chloé, and
/// fills Ana's history: two weeks of rounds that get better, a few critical choices, and
/// mistakes made just now (so reviews are due).
inline void fillProgress(Harness& h, const std::string& scene)
{
    const std::filesystem::path root =
        std::filesystem::path(QUIZ_BINARY_DIR) / "render-progress" / h.name(scene);
    std::filesystem::remove_all(root);
    h.progress = ui::PlayerProgress(root.string());
    REQUIRE(h.progress.createPlayer("Ben Okafor", kRenderNow).empty());
    REQUIRE(h.progress.createPlayer("Chloé", kRenderNow).empty());
    REQUIRE(h.progress.createPlayer("Ana", kRenderNow).empty());
    const auto demo = std::find_if(h.context.packs.begin(), h.context.packs.end(),
                                   [](const core::Pack& p) { return p.id == kPackId; });
    REQUIRE(demo != h.context.packs.end());
    const core::Pack& pack = *demo;
    std::vector<core::StoredAnswer> records;
    const std::vector<int> studyDays = {13, 12, 10, 9, 8, 6, 5, 4, 3, 2, 1, 0};
    for (std::size_t d = 0; d < studyDays.size(); ++d)
    {
        const core::TimestampMs day = kRenderNow - studyDays[d] * core::kMsPerDay;
        for (std::size_t q = 0; q < pack.questions.size(); ++q)
        {
            const core::Question& question = pack.questions[q];
            if (question.status != core::QuestionStatus::Published)
                continue;
            // Early days miss more; safety questions stay the hardest.
            const bool right = (d + q) % 3 != 0 && (question.topicId != "safety" || d % 2 == 1);
            std::vector<std::string> chosen;
            if (right)
                chosen = question.getCorrectOptionIds();
            else
                for (const core::Option& option : question.options)
                    if (!option.correct)
                    {
                        chosen = {option.id};
                        if (option.severity == core::OptionSeverity::Critical || d % 4 != 0)
                            break;
                    }
            const core::AnswerScore score = core::scoreAnswer(question, chosen);
            records.push_back(core::makeStoredAnswer(
                pack, question, chosen, score,
                right ? core::Confidence::Sure : core::Confidence::Unsure, 9000,
                day - static_cast<core::TimestampMs>(q) * 60000, "tutor"));
        }
    }
    REQUIRE(h.progress.getStore()->recordAnswers(records).isOk());
}

} // namespace quiz::test

#include "ScreenKit.hpp"
#include "Screens.hpp"
#include "core/session/Random.hpp"
#include "core/util/AtomicFile.hpp"
#include "ui/GameContext.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace quiz::ui
{
namespace
{

constexpr int kCountChoices[] = {5, 10, 15, 20, 25, 30, 40, 50, 0};

template <typename T, std::size_t N> int indexOf(const T (&items)[N], const T& value)
{
    for (std::size_t i = 0; i < N; ++i)
    {
        if (items[i] == value)
            return static_cast<int>(i);
    }
    return -1;
}

template <typename T, std::size_t N> T stepChoice(const T (&items)[N], const T& value, int step)
{
    const int found = indexOf(items, value);
    const int last = static_cast<int>(N) - 1;
    const int next = std::clamp(found < 0 ? 1 : found + step, 0, last);
    return items[next];
}

/// The pack a first round starts on: the gentlest one (lowest mean difficulty), so a new
/// player does not meet the advanced pack first because its name sorts first. The mean is
/// pulled towards the middle (3) as if by five more questions, so a pack of one easy question
/// does not count as the gentlest.
std::string gentlestPack(const std::vector<core::Pack>& packs)
{
    std::string best;
    double bestMean = 1e9;
    for (const core::Pack& pack : packs)
    {
        double sum = 0.0;
        int count = 0;
        for (const core::Question& question : pack.questions)
        {
            if (question.status != core::QuestionStatus::Published)
                continue;
            sum += question.getEffectiveDifficulty();
            ++count;
        }
        constexpr double kPrior = 5.0;
        const double mean = count == 0 ? 1e8 : (sum + 3.0 * kPrior) / (count + kPrior);
        if (mean < bestMean)
        {
            bestMean = mean;
            best = pack.id;
        }
    }
    return best;
}

std::string setupPath(const GameContext& context)
{
    return context.profileDir.empty() ? std::string() : context.profileDir + "/setup.txt";
}

/// Reads the packs and topics ticked last time (one "PACK [TOPIC]" a line), keeping only those
/// still loaded.
std::vector<core::TopicSelection> loadSelections(const GameContext& context)
{
    std::vector<core::TopicSelection> out;
    const std::string path = setupPath(context);
    if (path.empty())
        return out;
    std::ifstream file(path);
    std::string line;
    while (std::getline(file, line))
    {
        std::istringstream words(line);
        core::TopicSelection selection;
        words >> selection.packId >> selection.topicId;
        const auto pack =
            std::find_if(context.packs.begin(), context.packs.end(),
                         [&](const core::Pack& p) { return p.id == selection.packId; });
        if (pack != context.packs.end() &&
            (selection.topicId.empty() || pack->findTopic(selection.topicId) != nullptr))
            out.push_back(selection);
    }
    return out;
}

void saveSelections(const GameContext& context)
{
    const std::string path = setupPath(context);
    if (path.empty())
        return;
    std::string text;
    for (const core::TopicSelection& selection : context.setup.selections)
        text +=
            selection.packId + (selection.topicId.empty() ? "" : " " + selection.topicId) + "\n";
    std::error_code ignored;
    std::filesystem::create_directories(context.profileDir, ignored);
    const std::string error = core::writeFileAtomically(path, text);
    if (!error.empty())
        std::cerr << "heparin-quiz: " << error << '\n';
}

} // namespace

SetupScreen::SetupScreen(ScreenStack& stack, GameContext& context)
    : Screen(stack, context), m_picker(m_topics, context.setup.selections, [this] { refresh(); })
{
    SetupChoice& setup = context.setup;
    if (setup.selections.empty())
        setup.selections = loadSelections(context);
    if (setup.selections.empty() && !context.packs.empty())
        setup.selections.push_back({gentlestPack(context.packs), ""});

    m_picker.rebuild(context.packs);
    m_widgets.push_back(&m_topics);

    const auto add = [this](const std::string& label, std::function<void()> action,
                            Button::Kind kind = Button::Kind::Secondary)
    {
        m_buttons.push_back(std::make_unique<Button>(label, std::move(action), kind));
        m_widgets.push_back(m_buttons.back().get());
        return m_buttons.back().get();
    };
    add("−",
        [this]
        {
            this->context().setup.count =
                stepChoice(kCountChoices, this->context().setup.count, -1);
            refresh();
        });
    add("+",
        [this]
        {
            this->context().setup.count = stepChoice(kCountChoices, this->context().setup.count, 1);
            refresh();
        });
    m_modeTutor = add("Tutor",
                      [this]
                      {
                          this->context().setup.mode = core::Mode::Tutor;
                          refresh();
                      });
    m_modeExam = add("Exam",
                     [this]
                     {
                         this->context().setup.mode = core::Mode::Exam;
                         refresh();
                     });
    add("−",
        [this]
        {
            this->context().setup.timerSeconds =
                stepChoice(kTimerChoices, this->context().setup.timerSeconds, -1);
            refresh();
        });
    add("+",
        [this]
        {
            this->context().setup.timerSeconds =
                stepChoice(kTimerChoices, this->context().setup.timerSeconds, 1);
            refresh();
        });
    m_seed = std::make_unique<TextField>(
        std::to_string(setup.seed), 9,
        [this](const std::string& text)
        {
            SetupChoice& s = this->context().setup;
            s.seed = text.empty() ? 0U : static_cast<std::uint32_t>(std::stoul(text));
            s.seedChosen = true; // typed: every round plays it
        });
    m_widgets.push_back(m_seed.get());
    add("New seed",
        [this]
        {
            // A fresh seed from the previous one: reproducible, yet a different round.
            SetupChoice& s = this->context().setup;
            s.seed = core::nextRoundSeed(s.seed);
            s.seedChosen = false;
            m_seed->setText(std::to_string(s.seed));
        });
    add("Back", [this] { requestPop(); });
    m_start = add(
        "Start", [this] { start(); }, Button::Kind::Primary);
    m_start->setShortcut("Enter");
    // An instructor replays the round just played with one key (R) or one click.
    m_replay = add("Replay seed " + (setup.lastSeed ? std::to_string(*setup.lastSeed) : ""),
                   [this] { replayLastSeed(); });
    m_replay->setShortcut("R");
    m_replay->setVisible(setup.lastSeed.has_value());
    // Focus order: the topic boxes (inside the scroll area) first, then the controls.
    m_focus.clear();
    m_picker.joinFocus(m_focus, m_widgets);
    m_focus.focus(m_start);
    refresh();
}

void SetupScreen::replayLastSeed()
{
    SetupChoice& setup = context().setup;
    if (!setup.lastSeed)
        return;
    setup.seed = *setup.lastSeed;
    setup.seedChosen = true;
    m_seed->setText(std::to_string(setup.seed));
}

void SetupScreen::refresh()
{
    const SetupChoice& setup = context().setup;
    m_matching = core::Session::countMatching(context().packs, setup.selections);
    if (setup.selections.empty())
        m_matching = 0;
    m_modeTutor->setLabel(std::string(setup.mode == core::Mode::Tutor ? "● " : "○ ") + "Tutor");
    m_modeExam->setLabel(std::string(setup.mode == core::Mode::Exam ? "● " : "○ ") + "Exam");
    m_modeTutor->setKind(setup.mode == core::Mode::Tutor ? Button::Kind::Primary
                                                         : Button::Kind::Secondary);
    m_modeExam->setKind(setup.mode == core::Mode::Exam ? Button::Kind::Primary
                                                       : Button::Kind::Secondary);
    m_start->setEnabled(m_matching > 0);
    const std::size_t playing =
        setup.count == 0 ? m_matching : std::min(m_matching, static_cast<std::size_t>(setup.count));
    m_message = m_matching == 0 ? "Tick at least one pack or topic."
                                : "Plays " + std::to_string(playing) + " of " +
                                      std::to_string(m_matching) + " matching questions";
}

void SetupScreen::start()
{
    const SetupChoice& setup = context().setup;
    if (m_matching == 0)
        return;
    core::SessionConfig config;
    config.selections = setup.selections;
    config.count = static_cast<std::size_t>(setup.count);
    config.mode = setup.mode;
    config.timerSeconds = setup.timerSeconds;
    config.seed = setup.seed;
    saveSelections(context());
    const std::string error = context().startSession(config);
    if (!error.empty())
        m_message = error;
}

void SetupScreen::layout(sf::Vector2f size)
{
    setSize(size);
    const Theme& t = theme();
    const float content = t.contentWidth(size.x);
    const float left = (size.x - content) / 2.0F;
    const float top = headerHeight(t) + t.px(24.0F);
    const float footer = size.y - t.px(84.0F);
    const float listWidth = content * 0.54F;
    const float rowHeight = std::max(t.px(46.0F), t.bodySize() * 1.9F);

    m_topics.setBounds({left, top + t.bodySize() * 1.6F, listWidth,
                        footer - top - t.bodySize() * 1.6F - t.px(16.0F)});
    float y = m_topics.getBounds().top;
    for (Checkbox* box : m_picker.getBoxes())
    {
        box->setBounds({left, y, listWidth - t.px(14.0F), rowHeight});
        y += rowHeight + t.px(4.0F);
    }
    m_topics.setContentHeight(y - m_topics.getBounds().top);

    // Right column: caption above each row of controls.
    const float colX = left + listWidth + t.px(32.0F);
    const float colWidth = left + content - colX;
    const float small = t.px(48.0F);
    const float controlHeight = std::max(t.px(46.0F), t.bodySize() * 2.0F);
    m_labels.clear();
    float rowY = top;
    const auto caption = [&](const std::string& text)
    {
        // A caption longer than the column wraps (large text in a small window).
        m_labels.push_back({text, {colX, rowY}, colWidth});
        rowY += captionHeight(t, text, colWidth) + t.bodySize() * 0.15F;
    };
    caption("Questions");
    m_buttons[0]->setBounds({colX, rowY, small, controlHeight});
    m_countBox = {colX + small, rowY, t.px(110.0F), controlHeight};
    m_buttons[1]->setBounds({colX + small + t.px(110.0F), rowY, small, controlHeight});
    rowY += controlHeight + t.px(14.0F);
    caption("Mode");
    const float half = (colWidth - t.px(12.0F)) / 2.0F;
    m_modeTutor->setBounds({colX, rowY, half, controlHeight});
    m_modeExam->setBounds({colX + half + t.px(12.0F), rowY, half, controlHeight});
    rowY += controlHeight + t.px(4.0F);
    m_modeHelpPos = {colX, rowY};
    rowY += t.smallSize() * 1.4F + t.px(10.0F);
    caption("Timer per question");
    m_buttons[4]->setBounds({colX, rowY, small, controlHeight});
    m_timerBox = {colX + small, rowY, t.px(110.0F), controlHeight};
    m_buttons[5]->setBounds({colX + small + t.px(110.0F), rowY, small, controlHeight});
    rowY += controlHeight + t.px(14.0F);
    caption("Seed (same seed, same order)");
    const float newSeedWidth = std::min(m_buttons[6]->preferredWidth(t), colWidth * 0.5F);
    m_seed->setBounds({colX, rowY, colWidth - newSeedWidth - t.px(12.0F), controlHeight});
    m_buttons[6]->setBounds({colX + colWidth - newSeedWidth, rowY, newSeedWidth, controlHeight});
    rowY += controlHeight + t.px(8.0F);
    const float replayWidth = std::min(m_replay->preferredWidth(t), colWidth);
    m_replay->setBounds({colX, rowY, replayWidth, controlHeight});

    const float buttonHeight = t.px(54.0F);
    const float startWidth = std::max(t.px(220.0F), m_start->preferredWidth(t));
    m_start->setBounds(
        {left + content - startWidth, footer + t.px(12.0F), startWidth, buttonHeight});
    m_buttons[7]->setBounds({left, footer + t.px(12.0F), t.px(160.0F), buttonHeight});
    m_messagePos = {left + t.px(176.0F),
                    footer + t.px(12.0F) + (buttonHeight - t.bodySize() * 1.25F) / 2.0F};
}

bool SetupScreen::handleEvent(const sf::Event& event)
{
    if (isKey(event, sf::Keyboard::Escape))
    {
        requestPop();
        return false;
    }
    if (event.type == sf::Event::MouseButtonReleased &&
        m_seed->getBounds().contains(static_cast<float>(event.mouseButton.x),
                                     static_cast<float>(event.mouseButton.y)))
    {
        m_focus.focus(m_seed.get());
        return false;
    }
    if (isKey(event, sf::Keyboard::R) && m_replay->isVisible())
    {
        replayLastSeed();
        return false;
    }
    if (isKey(event, sf::Keyboard::Enter))
    {
        Widget* focused = m_focus.getFocused();
        pressEnter(focused, focused == m_seed.get(), [this] { start(); });
        return false;
    }
    if (event.type == sf::Event::KeyPressed && event.key.code == sf::Keyboard::Tab &&
        !event.key.control && !event.key.alt)
    {
        tabPastList(event.key.shift ? -1 : 1);
        return false;
    }
    dispatchToWidgets(event);
    return false;
}

void SetupScreen::tabPastList(int direction)
{
    m_picker.tabPast(m_focus, direction);
}

void SetupScreen::draw(sf::RenderTarget& target) const
{
    const Theme& t = theme();
    const Palette& c = t.colors();
    drawHeader(target, t, "Set up a round", "Esc: back");
    const sf::FloatRect list = m_topics.getBounds();
    drawLabel(target, t, "Packs and topics", list.left, list.top - t.bodySize() * 1.6F,
              t.bodySize(), c.muted, true);
    for (const Caption& caption : m_labels)
        drawCaption(target, t, caption);
    const SetupChoice& setup = context().setup;
    const auto valueBox = [&](const sf::FloatRect& box, const std::string& text)
    {
        drawBox(target, box, c.background, c.border, 1.0F);
        drawCentred(target, t, text, box.left + box.width / 2.0F,
                    box.top + (box.height - t.bodySize() * 1.25F) / 2.0F, t.bodySize(), c.text,
                    true);
    };
    valueBox(m_countBox, setup.count == 0 ? "All" : std::to_string(setup.count));
    valueBox(m_timerBox,
             setup.timerSeconds == 0 ? "Off" : std::to_string(setup.timerSeconds) + " s");
    const std::string help = setup.mode == core::Mode::Tutor
                                 ? "Feedback after every question."
                                 : "Feedback only at the end, like a test.";
    drawLabel(
        target, t,
        fitText(t.fonts().regular, help, t.smallSize(),
                m_modeExam->getBounds().left + m_modeExam->getBounds().width - m_modeHelpPos.x),
        m_modeHelpPos.x, m_modeHelpPos.y, t.smallSize(), c.muted);
    drawWidgets(target);
    const float messageRoom = m_start->getBounds().left - m_messagePos.x - t.px(16.0F);
    drawLabel(target, t, fitText(t.fonts().regular, m_message, t.bodySize(), messageRoom),
              m_messagePos.x, m_messagePos.y, t.bodySize(), m_matching == 0 ? c.critical : c.muted);
}

} // namespace quiz::ui

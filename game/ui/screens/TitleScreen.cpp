#include "ScreenKit.hpp"
#include "Screens.hpp"
#include "ui/GameContext.hpp"
#include "ui/PlayerProgress.hpp"
#include "ui/widgets/Button.hpp"

#include <algorithm>

namespace quiz::ui
{
namespace
{

/// A review round plays at most this many due questions, most urgent first.
constexpr std::size_t kReviewRoundSize = 20;

} // namespace

TitleScreen::TitleScreen(ScreenStack& stack, GameContext& context) : Screen(stack, context)
{
    const auto add = [this](const std::string& label, std::function<void()> action,
                            Button::Kind kind = Button::Kind::Secondary)
    {
        m_buttons.push_back(std::make_unique<Button>(label, std::move(action), kind));
        m_widgets.push_back(m_buttons.back().get());
        m_focus.add(m_buttons.back().get());
        return m_buttons.back().get();
    };
    m_play = add(
        "Play", [this] { requestPush(ScreenId::Setup); }, Button::Kind::Primary);
    m_reviewDue = add("Review due",
                      [this]
                      {
                          core::SessionConfig config;
                          config.onlyQuestions = m_due;
                          config.keepListedOrder = true;
                          config.count = kReviewRoundSize;
                          config.mode = core::Mode::Tutor;
                          config.seed = this->context().setup.seed;
                          this->context().roundMode = "review";
                          this->context().lastError = this->context().startSession(config);
                      });
    m_review = add("Review missed",
                   [this]
                   {
                       core::SessionConfig config;
                       config.onlyQuestions = m_missed;
                       config.keepListedOrder = true;
                       config.count = std::min(m_missed.size(), kReviewRoundSize);
                       config.mode = core::Mode::Tutor;
                       config.seed = this->context().setup.seed;
                       this->context().lastError = this->context().startSession(config);
                   });
    m_statistics = add("Statistics", [this] { requestPush(ScreenId::Statistics); });
    add("Settings", [this] { requestPush(ScreenId::Settings); });
    Button* player = add("Choose player", [this] { requestPush(ScreenId::Profiles); });
    m_classroom = add("Class game", [this] { requestPush(ScreenId::ClassSetup); });
    add("Join a class", [this] { requestPush(ScreenId::ClassJoin); });
    m_errors = add("Pack problems", [this] { requestPush(ScreenId::PackErrors); });
    add("Quit", [this] { confirmQuit(); });

    m_play->setEnabled(!context.packs.empty());
    m_classroom->setEnabled(!context.packs.empty());
    m_player = player;
    refreshProgress();
    const std::size_t errors = context.getErrorPackCount();
    m_errors->setVisible(errors > 0);
    m_errors->setLabel("Pack problems (" + std::to_string(errors) + ")");
    m_focus.setArrowsWrap(false); // Up from the first button must not land on Quit
    m_focus.focus(m_play->isEnabled() ? m_play : m_buttons.back().get());
    if (m_reviewDue->isVisible())
        m_focus.focus(m_reviewDue);
}

void TitleScreen::confirmQuit()
{
    GameContext& c = context();
    c.confirmRequest = ConfirmRequest{
        "Quit Heparin Quiz?",
        c.progress->hasPlayer()
            ? "Every answer is already saved in " + c.progress->getPlayerName() + "'s history."
            : "No player is chosen, so nothing from this visit is kept.",
        "Quit", "Stay", [&c] { c.quit(); }};
    requestPush(ScreenId::ConfirmQuit);
}

void TitleScreen::refreshProgress()
{
    const PlayerProgress& progress = *context().progress;
    m_due = context().progress->getDueKeys(context().packs, context().now());
    m_reviewDue->setVisible(!m_due.empty());
    // One emphasis: the button that has the focus at the start is the one drawn as primary.
    m_reviewDue->setKind(m_due.empty() ? Button::Kind::Secondary : Button::Kind::Primary);
    m_play->setKind(m_due.empty() ? Button::Kind::Primary : Button::Kind::Secondary);
    m_reviewDue->setLabel("Review due (" + std::to_string(m_due.size()) + ")");
    // A player's misses come from their own history; without a player, from the last round.
    m_missed = progress.hasPlayer() ? context().progress->getMissedKeys(context().packs)
                                    : context().missedHistory;
    m_review->setVisible(!m_missed.empty());
    m_review->setLabel("Review missed (" + std::to_string(m_missed.size()) + ")");
    m_statistics->setVisible(progress.hasPlayer());
    m_player->setVisible(progress.isAvailable());
    m_player->setLabel(progress.hasPlayer() ? "Player: " + progress.getPlayerName()
                                            : "Choose player");
}

void TitleScreen::layout(sf::Vector2f size)
{
    setSize(size);
    refreshProgress();
    const Theme& t = theme();
    layoutStatus(size);
    std::vector<Button*> shown;
    for (const auto& button : m_buttons)
    {
        if (button->isVisible())
            shown.push_back(button.get());
    }
    const float titleBlock = t.textSize(60.0F) * 1.3F + t.textSize(22.0F) * 1.6F + t.px(56.0F);
    // Buttons are as tall as their text needs; when one column of them does not fit between
    // the title and the status lines, they go in two.
    const float buttonHeight = Button::preferredHeight(t);
    const float gap = t.px(12.0F);
    const float below = t.px(8.0F) + m_status.getLayoutHeight() + t.px(12.0F) + noticeHeight();
    const auto heightFor = [&](std::size_t rows)
    { return titleBlock + static_cast<float>(rows) * (buttonHeight + gap) + below; };
    const std::size_t columns = heightFor(shown.size()) + t.px(48.0F) > size.y ? 2 : 1;
    const std::size_t rows = (shown.size() + columns - 1) / columns;
    const float buttonWidth =
        std::min(t.px(380.0F), (size.x - t.px(64.0F) - static_cast<float>(columns - 1) * gap) /
                                   static_cast<float>(columns));
    const float rowWidth =
        static_cast<float>(columns) * buttonWidth + static_cast<float>(columns - 1) * gap;
    m_titleY = std::max(t.px(24.0F), (size.y - heightFor(rows)) / 2.0F);
    const float top = m_titleY + titleBlock;
    // Column by column, so Up and Down walk the buttons in the order they are listed.
    for (std::size_t i = 0; i < shown.size(); ++i)
    {
        const float x =
            (size.x - rowWidth) / 2.0F + static_cast<float>(i / rows) * (buttonWidth + gap);
        const float y = top + static_cast<float>(i % rows) * (buttonHeight + gap);
        shown[i]->setBounds({x, y, buttonWidth, buttonHeight});
    }
    const float statusTop = top + static_cast<float>(rows) * (buttonHeight + gap) + t.px(8.0F);
    m_status.setPosition((size.x - m_status.getLayoutWidth()) / 2.0F, statusTop);
}

float TitleScreen::noticeHeight() const
{
    return theme().smallSize() * 2.2F;
}

void TitleScreen::layoutStatus(sf::Vector2f size)
{
    const Theme& t = theme();
    std::size_t questions = 0;
    for (const core::Pack& pack : context().packs)
        questions += pack.countPlayableQuestions();
    std::string status;
    if (context().packs.empty())
    {
        status = context().dataDir.empty()
                     ? "No question packs found: the questions folder is missing."
                     : "No question packs found in " + context().dataDir +
                           ". Add .xml packs there (see questions/README.md).";
    }
    else
    {
        const std::size_t packs = context().packs.size();
        status = std::to_string(packs) + (packs == 1 ? " pack, " : " packs, ") +
                 std::to_string(questions) + (questions == 1 ? " question" : " questions");
    }
    const PlayerProgress& progress = *context().progress;
    if (progress.isAvailable() && !progress.hasPlayer())
        status += "\nNo player chosen: choose one to keep your progress and reviews.";
    if (!context().lastError.empty())
        status += "\n" + context().lastError;
    TextStyle style;
    style.size = t.smallSize();
    style.color = context().lastError.empty() && !context().packs.empty() ? t.colors().muted
                                                                          : t.colors().critical;
    m_status.setStyle(style);
    m_status.setText(core::RichText::fromPlain(status));
    // The lines wrap inside the column; the block is centred as a whole.
    m_status.layout(std::min(size.x - t.px(64.0F), t.px(900.0F)), t);
}

bool TitleScreen::handleEvent(const sf::Event& event)
{
    if (isKey(event, sf::Keyboard::Escape))
    {
        confirmQuit();
        return false;
    }
    dispatchToWidgets(event);
    return false;
}

void TitleScreen::draw(sf::RenderTarget& target) const
{
    const Theme& t = theme();
    const Palette& c = t.colors();
    const sf::Vector2f size = getSize();
    // A quiet band behind the title with an accent rule: drawn, not loaded.
    const float bandTop = m_titleY - t.px(28.0F);
    const float bandHeight = t.textSize(60.0F) * 1.3F + t.textSize(22.0F) * 1.6F + t.px(44.0F);
    drawBox(target, {0.0F, bandTop, size.x, bandHeight}, c.backgroundAccent);
    drawBox(
        target,
        {size.x / 2.0F - t.px(60.0F), bandTop + bandHeight - t.px(4.0F), t.px(120.0F), t.px(4.0F)},
        c.accent);
    drawCentred(target, t, "Heparin Quiz", size.x / 2.0F, m_titleY, t.textSize(60.0F), c.text,
                true);
    drawCentred(target, t, "Learn heparin one explained question at a time", size.x / 2.0F,
                m_titleY + t.textSize(60.0F) * 1.3F + t.px(8.0F), t.textSize(22.0F), c.muted);
    drawWidgets(target);
    m_status.draw(target, t);
    const std::string notice = "For education; follow your institution's protocol.";
    drawCentred(target, t, fitText(t.fonts().regular, notice, t.smallSize(), size.x - t.px(32.0F)),
                size.x / 2.0F, size.y - noticeHeight(), t.smallSize(), c.muted);
}

} // namespace quiz::ui

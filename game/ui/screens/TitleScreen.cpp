#include "ScreenKit.hpp"
#include "Screens.hpp"
#include "TitleScreenText.hpp"
#include "ui/GameContext.hpp"
#include "ui/PlayerProgress.hpp"
#include "ui/widgets/Button.hpp"

#include <algorithm>
#include <cmath>

namespace quiz::ui
{
namespace
{

/// A review of missed questions plays at most this many, most urgent first.
constexpr std::size_t kReviewRoundSize = 20;

core::RichText boldName(const std::string& before, const std::string& name,
                        const std::string& after = {})
{
    core::RichText text;
    text.runs.push_back({before});
    core::TextRun bold{name};
    bold.bold = true;
    text.runs.push_back(bold);
    if (!after.empty())
        text.runs.push_back({after});
    return text;
}

} // namespace

TitleScreen::TitleScreen(ScreenStack& stack, GameContext& context) : Screen(stack, context)
{
    const auto add = [this](const std::string& label, std::function<void()> action,
                            Button::Kind kind = Button::Kind::Secondary)
    {
        m_buttons.push_back(std::make_unique<Button>(label, std::move(action), kind));
        return m_buttons.back().get();
    };
    m_rename = add("Rename", [this] { startRename(); });
    m_saveName = add("Save name", [this] { saveName(); });
    m_continue = add(
        "Continue", [this] { startContinue(); }, Button::Kind::Primary);
    m_play = add("Play", [this] { requestPush(ScreenId::Setup); });
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
    m_player = add("Choose player", [this] { requestPush(ScreenId::Profiles); });
    m_classroom = add("Class game", [this] { requestPush(ScreenId::ClassSetup); });
    Button* join = add("Join a class", [this] { requestPush(ScreenId::ClassJoin); });
    m_errors = add("Pack problems", [this] { requestPush(ScreenId::PackErrors); });
    Button* settings = add("Settings", [this] { requestPush(ScreenId::Settings); });
    m_quit = add("Quit", [this] { confirmQuit(); });
    m_grid = {m_play, m_review, m_statistics, m_player, m_classroom,
              join,   m_errors, settings,     m_quit};
    m_name =
        std::make_unique<TextField>("", core::kMaxProfileNameLength, [](const std::string&) {});
    m_name->setAcceptsAnyText(true);

    m_play->setEnabled(!context.packs.empty());
    m_classroom->setEnabled(!context.packs.empty());
    const std::size_t errors = context.getErrorPackCount();
    m_errors->setVisible(errors > 0);
    m_errors->setLabel("Pack problems (" + std::to_string(errors) + ")");
    // A first start offers the name at once; the player may simply carry on.
    m_renaming = context.progress->isNewOnFirstStart();
    if (m_renaming)
        m_name->setText(context.progress->getPlayerName());
    refreshProgress();
    rebuildFocus();
    m_focus.focus(m_continue->isEnabled() ? m_continue : m_quit);
}

void TitleScreen::rebuildFocus()
{
    Widget* focused = m_focus.getFocused();
    m_widgets.clear();
    m_focus.clear();
    const bool hasPlayer = context().progress->hasPlayer();
    m_rename->setVisible(hasPlayer && !m_renaming);
    m_saveName->setVisible(hasPlayer && m_renaming);
    m_name->setVisible(hasPlayer && m_renaming);
    std::vector<Widget*> order = {m_name.get(), m_saveName, m_rename, m_continue};
    order.insert(order.end(), m_grid.begin(), m_grid.end());
    for (Widget* widget : order)
    {
        m_widgets.push_back(widget);
        m_focus.add(widget);
    }
    m_focus.setArrowsWrap(false); // Up from the first button must not land on Quit
    m_focus.setArrowsAcross(true);
    if (focused != nullptr && focused->isFocusable())
        m_focus.focus(focused);
    else
        m_focus.focus(m_continue->isEnabled() ? m_continue : m_quit);
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

void TitleScreen::startContinue()
{
    const core::NextStep& next = m_home.next;
    core::SessionConfig config;
    config.mode = core::Mode::Tutor;
    config.seed = context().setup.seed;
    config.count = kHomeRoundSize;
    context().roundMode.clear();
    switch (next.kind)
    {
    case core::NextStepKind::None:
        return;
    case core::NextStepKind::Review:
        config.onlyQuestions = next.questions;
        config.keepListedOrder = true;
        config.count = next.questions.size();
        context().roundMode = "review";
        break;
    case core::NextStepKind::WeakTopic:
        config.selections = {{next.packId, next.topicId}};
        break;
    case core::NextStepKind::NewQuestions:
        config.onlyQuestions = next.questions;
        config.count = std::min(kHomeRoundSize, next.questions.size());
        break;
    case core::NextStepKind::Practice:
        break;
    }
    context().lastError = context().startSession(config);
}

void TitleScreen::startRename()
{
    m_renaming = true;
    m_nameError.clear();
    m_name->setText(context().progress->getPlayerName());
    rebuildFocus();
    m_focus.focus(m_name.get());
    layout(getSize());
}

void TitleScreen::saveName()
{
    PlayerProgress& progress = *context().progress;
    const std::string wanted = core::trimProfileName(m_name->getText());
    if (wanted != progress.getPlayerName())
    {
        // Only a change of case of the same name is also a rename, never a clash.
        const std::string failed = progress.renamePlayer(progress.getPlayerName(), wanted);
        if (!failed.empty())
        {
            m_nameError = failed;
            layout(getSize());
            return;
        }
    }
    cancelRename();
}

void TitleScreen::cancelRename()
{
    m_renaming = false;
    m_nameError.clear();
    rebuildFocus();
    m_focus.focus(m_continue->isEnabled() ? m_continue : m_quit);
    layout(getSize());
}

void TitleScreen::refreshProgress()
{
    PlayerProgress& progress = *context().progress;
    m_home = progress.getHomeSummary(context().packs, context().now(), context().utcOffsetMinutes);
    m_continue->setEnabled(m_home.next.kind != core::NextStepKind::None);
    // A player's misses come from their own history; without a player, from the last round.
    m_missed =
        progress.hasPlayer() ? progress.getMissedKeys(context().packs) : context().missedHistory;
    m_review->setEnabled(!m_missed.empty());
    // A button that cannot be used says why in words, not by its muted colour alone: its
    // count here, the player line and the card for Statistics and Choose player.
    m_review->setLabel("Review missed (" + std::to_string(m_missed.size()) + ")");
    m_statistics->setEnabled(progress.hasPlayer());
    m_player->setEnabled(progress.isAvailable());
    if (!progress.hasPlayer())
        m_renaming = false;
    fillStanding();
}

void TitleScreen::layout(sf::Vector2f size)
{
    setSize(size);
    refreshProgress();
    rebuildFocus();
    const Theme& t = theme();
    const float content = t.contentWidth(size.x);
    const float left = (size.x - content) / 2.0F;
    m_titleY = t.px(22.0F);
    m_bandHeight = m_titleY + t.textSize(50.0F) * 1.3F + t.textSize(20.0F) * 1.5F + t.px(18.0F);
    float y = m_bandHeight + t.px(16.0F);
    y += layoutPlayerLine(left, y, content) + t.px(16.0F);

    // Two columns where they fit: the card on the left, what to do on the right. Narrow
    // windows and large text stack them, actions first.
    const float gap = t.px(28.0F);
    const float cardWidth = std::floor((content - gap) * 0.46F);
    const bool twoColumns = cardWidth >= t.px(300.0F) * t.textSize(1.0F) / t.px(1.0F);
    // Buttons keep the height their text needs. When everything does not fit above the status
    // and the notice, the buttons go three to a row, then the card gives way to them (large
    // text in a small window): what to do next matters more than the figures.
    TextStyle style;
    style.size = t.smallSize();
    style.color = context().lastError.empty() && !context().packs.empty() ? t.colors().muted
                                                                          : t.colors().critical;
    m_status.setStyle(style);
    m_status.setText(core::RichText::fromPlain(statusText()));
    m_status.layout(content, t);
    // Room for the status lines (as many as they wrap to) and the notice under them.
    const float bottom = size.y - t.px(14.0F) - m_status.getLayoutHeight() - t.smallSize() * 2.8F;
    const float top = y;
    const float buttonHeight = std::max(t.px(48.0F), Button::preferredHeight(t));
    for (int attempt = 0; attempt < 4; ++attempt)
    {
        const bool withCard = attempt < 2;
        const std::size_t columns = attempt % 2 == 0 ? 2 : 3;
        m_standing.setVisible(withCard);
        y = top;
        if (withCard && twoColumns)
        {
            const float cardHeight = m_standing.layout(left, y, cardWidth, t);
            y += std::max(cardHeight,
                          layoutActions(left + cardWidth + gap, y, content - cardWidth - gap,
                                        buttonHeight, columns));
        }
        else
        {
            y += layoutActions(left, y, content, buttonHeight, columns);
            if (withCard)
                y += t.px(16.0F) + m_standing.layout(left, y + t.px(16.0F), content, t);
        }
        if (y <= bottom)
            break;
    }

    m_status.setPosition((size.x - m_status.getLayoutWidth()) / 2.0F, y + t.px(14.0F));
}

float TitleScreen::layoutPlayerLine(float left, float top, float width)
{
    const Theme& t = theme();
    const PlayerProgress& progress = *context().progress;
    TextStyle style;
    style.size = t.bodySize();
    style.color = t.colors().text;
    m_playerText.setStyle(style);
    const float buttonHeight = std::max(t.px(40.0F), t.bodySize() * 1.8F);
    if (!progress.hasPlayer())
    {
        m_playerText.setText(core::RichText::fromPlain(
            progress.isAvailable() ? "Nobody is playing: choose your player to keep your progress."
                                   : "Answers are not kept: there is no profile folder."));
        const float height = m_playerText.layout(width, t);
        m_playerText.setPosition(left, top);
        return height;
    }
    const std::string& name = progress.getPlayerName();
    if (!m_renaming)
    {
        m_playerText.setText(boldName("Playing as ", name));
        const float renameWidth = m_rename->preferredWidth(t);
        const float textHeight = m_playerText.layout(width - renameWidth - t.px(16.0F), t);
        const float rowHeight = std::max(textHeight, buttonHeight);
        m_playerText.setPosition(left, top + (rowHeight - textHeight) / 2.0F);
        m_rename->setBounds({left + m_playerText.getLayoutWidth() + t.px(16.0F),
                             top + (rowHeight - buttonHeight) / 2.0F, renameWidth, buttonHeight});
        return rowHeight;
    }
    // The one-line prompt: what it is for, the name field and Save; the words wrap above
    // the field when the line is too narrow for all three.
    std::string prompt =
        progress.isNewOnFirstStart() ? "Welcome! You are playing as" : "Your name:";
    if (!m_nameError.empty())
        prompt = m_nameError + ". Your name:";
    m_playerText.setText(core::RichText::fromPlain(prompt));
    if (!m_nameError.empty())
        m_playerText.setColor(t.colors().critical);
    const float saveWidth = m_saveName->preferredWidth(t);
    const float fieldWidth = std::min(t.px(320.0F), width - saveWidth - t.px(12.0F));
    const float controls = fieldWidth + t.px(12.0F) + saveWidth;
    float textHeight = m_playerText.layout(width - controls - t.px(16.0F), t);
    float rowTop = top;
    float x = left + m_playerText.getLayoutWidth() + t.px(16.0F);
    if (m_playerText.getLineCount() > 1)
    {
        // Too narrow for one line: the words above, the field and Save below.
        textHeight = m_playerText.layout(width, t);
        m_playerText.setPosition(left, top);
        rowTop = top + textHeight + t.px(8.0F);
        x = left;
        textHeight = 0.0F;
    }
    const float rowHeight = std::max(textHeight, buttonHeight);
    if (textHeight > 0.0F)
        m_playerText.setPosition(left, top + (rowHeight - textHeight) / 2.0F);
    m_name->setBounds({x, rowTop + (rowHeight - buttonHeight) / 2.0F, fieldWidth, buttonHeight});
    m_saveName->setBounds({x + fieldWidth + t.px(12.0F), rowTop + (rowHeight - buttonHeight) / 2.0F,
                           saveWidth, buttonHeight});
    return rowTop - top + rowHeight;
}

float TitleScreen::layoutActions(float left, float top, float width, float buttonHeight,
                                 std::size_t columns)
{
    const Theme& t = theme();
    const float gap = t.px(12.0F);
    m_continue->setBounds({left, top, width, buttonHeight * 1.3F});
    TextStyle style;
    style.size = t.smallSize();
    style.color = t.colors().muted;
    m_nextText.setStyle(style);
    m_nextText.setText(core::RichText::fromPlain(describeNextStep()));
    float y = top + buttonHeight * 1.3F + t.px(8.0F);
    y += m_nextText.layout(width, t);
    m_nextText.setPosition(left, y - m_nextText.getLayoutHeight());
    y += t.px(18.0F);

    // `columns` buttons a row while every label fits its share of the width (fewer otherwise).
    // With two a row Pack problems takes a row of its own, keeping the pairs; with three the
    // nine buttons fill three rows.
    std::size_t perRow = std::max<std::size_t>(1, columns);
    const auto cell = [&](std::size_t n)
    { return (width - gap * static_cast<float>(n - 1)) / static_cast<float>(n); };
    const auto labelsFit = [&](std::size_t n)
    {
        for (const Button* button : m_grid)
        {
            if ((n != 2 || button != m_errors) && button->isVisible() &&
                button->preferredWidth(t) - t.px(24.0F) > cell(n))
                return false;
        }
        return true;
    };
    while (perRow > 1 && !labelsFit(perRow))
        --perRow;
    const float share = cell(perRow);
    std::size_t column = 0;
    for (Button* button : m_grid)
    {
        if (!button->isVisible())
            continue;
        const bool wide = perRow == 1 || (perRow == 2 && button == m_errors);
        if (wide && column > 0)
        {
            column = 0;
            y += buttonHeight + gap;
        }
        const float x = left + (wide ? 0.0F : static_cast<float>(column) * (share + gap));
        button->setBounds({x, y, wide ? width : share, buttonHeight});
        column = wide ? perRow : column + 1;
        if (column == perRow)
        {
            column = 0;
            y += buttonHeight + gap;
        }
    }
    if (column > 0)
        y += buttonHeight + gap;
    return y - gap - top;
}

bool TitleScreen::handleEvent(const sf::Event& event)
{
    const bool typing = m_renaming && m_focus.getFocused() == m_name.get();
    if (isKey(event, sf::Keyboard::Escape))
    {
        if (typing)
            cancelRename();
        else
            confirmQuit();
        return false;
    }
    if (typing && isKey(event, sf::Keyboard::Enter))
    {
        saveName();
        return false;
    }
    if (event.type == sf::Event::MouseButtonReleased && m_name->isVisible() &&
        m_name->getBounds().contains(static_cast<float>(event.mouseButton.x),
                                     static_cast<float>(event.mouseButton.y)))
        m_focus.focus(m_name.get());
    dispatchToWidgets(event);
    return false;
}

void TitleScreen::draw(sf::RenderTarget& target) const
{
    const Theme& t = theme();
    const Palette& c = t.colors();
    const sf::Vector2f size = getSize();
    // A quiet band behind the title with an accent rule: drawn, not loaded.
    drawBox(target, {0.0F, 0.0F, size.x, m_bandHeight}, c.backgroundAccent);
    drawBox(target, {0.0F, m_bandHeight - t.px(3.0F), size.x, t.px(3.0F)},
            t.isHighContrast() ? c.border : c.accent);
    drawCentred(target, t, "Heparin Quiz", size.x / 2.0F, m_titleY, t.textSize(50.0F), c.text,
                true);
    drawCentred(target, t,
                fitText(t.fonts().regular, "Learn heparin one explained question at a time",
                        t.textSize(20.0F), size.x - t.px(32.0F)),
                size.x / 2.0F, m_titleY + t.textSize(50.0F) * 1.3F, t.textSize(20.0F), c.muted);
    m_playerText.draw(target, t);
    if (m_standing.isVisible())
        m_standing.draw(target, t);
    m_nextText.draw(target, t);
    drawWidgets(target);
    m_status.draw(target, t);
    const std::string notice = "For education; follow your institution's protocol.";
    drawCentred(target, t, fitText(t.fonts().regular, notice, t.smallSize(), size.x - t.px(32.0F)),
                size.x / 2.0F, size.y - t.smallSize() * 2.0F, t.smallSize(), c.muted);
}

} // namespace quiz::ui

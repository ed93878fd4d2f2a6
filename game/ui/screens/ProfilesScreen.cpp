#include "ProgressScreens.hpp"
#include "ScreenKit.hpp"
#include "ui/GameContext.hpp"
#include "ui/PlayerProgress.hpp"

namespace quiz::ui
{

ProfilesScreen::ProfilesScreen(ScreenStack& stack, GameContext& context) : Screen(stack, context)
{
    m_name =
        std::make_unique<TextField>("", core::kMaxProfileNameLength, [](const std::string&) {});
    m_name->setAcceptsAnyText(true);
    const auto action = [this](const std::string& label, std::function<void()> onClick,
                               Button::Kind kind = Button::Kind::Secondary)
    {
        m_actions.push_back(std::make_unique<Button>(label, std::move(onClick), kind));
        return m_actions.back().get();
    };
    m_create = action(
        "Create player", [this] { create(); }, Button::Kind::Primary);
    m_create->setShortcut("Enter");
    m_rename = action("Rename current", [this] { rename(); });
    m_delete = action("Delete current", [this] { askDelete(); });
    m_back = action("Back", [this] { requestPop(); });
    m_back->setShortcut("Esc");
    m_confirmYes = action("Delete", [this] { confirmDelete(true); });
    m_confirmNo = action(
        "Keep", [this] { confirmDelete(false); }, Button::Kind::Primary);
    rebuild();
}

void ProfilesScreen::rebuild()
{
    std::string error;
    const std::vector<core::Profile> profiles = context().progress->listProfiles(error);
    m_players.clear();
    for (const core::Profile& profile : profiles)
    {
        const bool current = profile.name == context().progress->getPlayerName();
        const std::string name = profile.name;
        m_players.push_back(std::make_unique<Button>(
            current ? name + "  (playing now)" : name,
            [this, name]
            {
                const std::string failed =
                    this->context().progress->selectPlayer(name, this->context().now());
                if (!failed.empty())
                {
                    // No rebuild here: it would destroy the button running this callback.
                    m_message = failed;
                    m_messageIsError = true;
                    return;
                }
                requestPop(); // back to the title with the chosen player
            },
            current ? Button::Kind::Primary : Button::Kind::Secondary));
    }
    if (!error.empty())
    {
        m_message = error;
        m_messageIsError = true;
    }
    else if (!context().progress->isAvailable())
    {
        m_message = "No profile folder: start the game with --profile-dir to keep progress.";
        m_messageIsError = true;
    }
    const bool hasPlayer = context().progress->hasPlayer();
    m_rename->setVisible(hasPlayer && !m_confirming);
    m_delete->setVisible(hasPlayer && !m_confirming);
    m_create->setVisible(!m_confirming);
    m_name->setVisible(!m_confirming);
    m_confirmYes->setVisible(m_confirming);
    m_confirmNo->setVisible(m_confirming);

    m_back->setVisible(!m_confirming);

    m_widgets.clear();
    m_focus.clear();
    std::vector<Widget*> shown;
    if (m_confirming)
    {
        shown = {m_confirmYes, m_confirmNo};
    }
    else
    {
        for (const auto& player : m_players)
            shown.push_back(player.get());
        shown.push_back(m_name.get());
        for (Button* button : {m_create, m_rename, m_delete, m_back})
            shown.push_back(button);
    }
    for (Widget* widget : shown)
    {
        m_widgets.push_back(widget);
        m_focus.add(widget);
    }
    if (m_confirming)
        m_focus.focus(m_confirmNo);
    else
        m_focus.focus(m_name.get());
    if (getSize().x > 0.0F)
        layout(getSize());
}

void ProfilesScreen::create()
{
    const std::string failed = context().progress->createPlayer(m_name->getText(), context().now());
    m_messageIsError = !failed.empty();
    m_message =
        failed.empty() ? "Created and chosen: " + context().progress->getPlayerName() : failed;
    if (failed.empty())
        m_name->setText("");
    rebuild();
}

void ProfilesScreen::rename()
{
    const std::string oldName = context().progress->getPlayerName();
    const std::string failed = context().progress->renamePlayer(oldName, m_name->getText());
    m_messageIsError = !failed.empty();
    m_message =
        failed.empty() ? oldName + " is now " + context().progress->getPlayerName() : failed;
    if (failed.empty())
        m_name->setText("");
    rebuild();
}

void ProfilesScreen::askDelete()
{
    m_confirming = true;
    m_message.clear();
    rebuild();
}

void ProfilesScreen::drawConfirmation(sf::RenderTarget& target) const
{
    const Theme& t = theme();
    const Palette& c = t.colors();
    const sf::FloatRect& box = m_confirmBox;
    drawBox(target, box, c.panel, c.critical, t.borderWidth() + 1.0F);
    const float pad = t.px(24.0F);
    const float width = box.width - 2 * pad;
    const std::string name = context().progress->getPlayerName();
    drawLabel(target, t, fitText(t.fonts().bold, "! Delete " + name + "?", t.headingSize(), width),
              box.left + pad, box.top + pad, t.headingSize(), c.text, true);
    float y = box.top + pad + t.headingSize() * 1.5F;
    for (const std::string& line :
         {"Every answer " + name + " gave will be removed.", std::string("This cannot be undone.")})
    {
        drawLabel(target, t, fitText(t.fonts().regular, line, t.bodySize(), width), box.left + pad,
                  y, t.bodySize(), c.text);
        y += t.bodySize() * 1.5F;
    }
    drawWidgets(target);
}

void ProfilesScreen::confirmDelete(bool yes)
{
    m_confirming = false;
    const std::string name = context().progress->getPlayerName();
    const std::string failed = yes ? context().progress->deletePlayer(name) : std::string();
    m_messageIsError = !failed.empty();
    m_message = !yes ? "Nothing was deleted." : failed.empty() ? "Deleted " + name : failed;
    rebuild();
}

void ProfilesScreen::layout(sf::Vector2f size)
{
    setSize(size);
    const Theme& t = theme();
    const float width = std::min(t.contentWidth(size.x), size.x - t.px(48.0F));
    const float left = (size.x - width) / 2.0F;
    const float buttonHeight = t.px(48.0F);
    const float gap = t.px(10.0F);
    m_listTop = headerHeight(t) + t.px(20.0F) + t.bodySize() * 1.5F;

    // The bottom block: name field, actions, message; the list takes what is left above it.
    const float bottomBlock = t.smallSize() * 1.5F + buttonHeight + gap + buttonHeight +
                              t.smallSize() * 3.2F + t.px(24.0F);
    const float listBottom = size.y - bottomBlock - t.px(12.0F);
    const std::size_t fits =
        static_cast<std::size_t>(std::max(0.0F, (listBottom - m_listTop) / (buttonHeight + gap)));
    m_hiddenPlayers = m_players.size() > fits ? m_players.size() - fits : 0;
    float y = m_listTop;
    for (std::size_t i = 0; i < m_players.size(); ++i)
    {
        const bool shown = i < fits && !m_confirming;
        m_players[i]->setVisible(shown);
        if (shown)
        {
            m_players[i]->setBounds({left, y, width, buttonHeight});
            y += buttonHeight + gap;
        }
    }
    y = listBottom + t.px(12.0F);
    m_fieldLabelY = y;
    y += t.smallSize() * 1.5F;
    m_name->setBounds({left, y, width, buttonHeight});
    y += buttonHeight + gap;
    std::vector<Button*> visible;
    for (Button* button : {m_create, m_rename, m_delete, m_back})
        if (button->isVisible())
            visible.push_back(button);
    const float buttonWidth =
        (width - gap * static_cast<float>(visible.size() - 1)) / static_cast<float>(visible.size());
    float x = left;
    for (Button* button : visible)
    {
        button->setBounds({x, y, buttonWidth, buttonHeight});
        x += buttonWidth + gap;
    }
    m_messagePos = {left, y + buttonHeight + t.px(10.0F)};

    // The confirmation: a box in the middle with its two buttons.
    const float boxWidth = std::min(width, t.px(640.0F));
    const float pad = t.px(24.0F);
    const float boxHeight = pad + t.headingSize() * 1.5F + t.bodySize() * 1.5F * 2.0F +
                            t.px(16.0F) + buttonHeight + pad;
    m_confirmBox = {(size.x - boxWidth) / 2.0F, (size.y - boxHeight) / 2.0F, boxWidth, boxHeight};
    const float half = (boxWidth - 2 * pad - gap) / 2.0F;
    const float buttonsY = m_confirmBox.top + boxHeight - pad - buttonHeight;
    m_confirmYes->setBounds({m_confirmBox.left + pad, buttonsY, half, buttonHeight});
    m_confirmNo->setBounds({m_confirmBox.left + pad + half + gap, buttonsY, half, buttonHeight});
}

bool ProfilesScreen::handleEvent(const sf::Event& event)
{
    if (isKey(event, sf::Keyboard::Escape))
    {
        if (m_confirming)
            confirmDelete(false);
        else
            requestPop();
        return false;
    }
    if (isKey(event, sf::Keyboard::Enter))
    {
        Widget* focused = m_focus.getFocused();
        if (focused == m_name.get())
            create();
        else if (focused != nullptr)
            focused->activate();
        return false;
    }
    dispatchToWidgets(event);
    return false;
}

void ProfilesScreen::draw(sf::RenderTarget& target) const
{
    const Theme& t = theme();
    const Palette& c = t.colors();
    const sf::Vector2f size = getSize();
    drawBox(target, {0.0F, 0.0F, size.x, size.y}, c.background);
    drawHeader(target, t, "Players");
    const float width = std::min(t.contentWidth(size.x), size.x - t.px(48.0F));
    const float left = (size.x - width) / 2.0F;
    if (m_confirming)
    {
        drawConfirmation(target);
        return;
    }
    std::string intro;
    if (m_players.empty())
        intro = "No players yet: type a name below and create one.";
    else
        intro = "Choose who is playing; each player's progress is kept apart.";
    drawLabel(target, t, fitText(t.fonts().regular, intro, t.bodySize(), width), left,
              headerHeight(t) + t.px(14.0F), t.bodySize(), c.muted);
    if (m_hiddenPlayers > 0)
        drawLabel(target, t, "+" + std::to_string(m_hiddenPlayers) + " more players", left,
                  m_fieldLabelY - t.smallSize() * 1.6F, t.smallSize(), c.muted);
    drawLabel(target, t, "Name (new player, or new name for the current one)", left, m_fieldLabelY,
              t.smallSize(), c.text);
    drawWidgets(target);
    if (!m_message.empty())
    {
        const std::string shown = (m_messageIsError ? "! " : "") + m_message;
        drawLabel(target, t, fitText(t.fonts().regular, shown, t.smallSize(), width), left,
                  m_messagePos.y, t.smallSize(), m_messageIsError ? c.critical : c.text,
                  m_messageIsError);
    }
}

} // namespace quiz::ui

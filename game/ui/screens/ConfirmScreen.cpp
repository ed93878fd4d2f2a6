#include "ProgressScreens.hpp"
#include "ScreenKit.hpp"
#include "Screens.hpp"
#include "ui/GameContext.hpp"

namespace quiz::ui
{

ConfirmScreen::ConfirmScreen(ScreenStack& stack, GameContext& context) : Screen(stack, context)
{
    m_stay = std::make_unique<Button>(
        "Keep playing", [this] { requestPop(); }, Button::Kind::Primary);
    m_leave = std::make_unique<Button>("Leave round",
                                       [this]
                                       {
                                           this->context().session.reset();
                                           requestClear();
                                           requestPush(ScreenId::Title);
                                       });
    m_widgets = {m_stay.get(), m_leave.get()};
    m_focus.add(m_stay.get());
    m_focus.add(m_leave.get());
    m_focus.setArrowsAcross(true);
    m_focus.focus(m_stay.get());
    m_message.setText(
        core::RichText::fromPlain("The answers you gave so far will not be scored or saved."));
}

void ConfirmScreen::layout(sf::Vector2f size)
{
    setSize(size);
    const Theme& t = theme();
    const float width = std::min(size.x - t.px(48.0F), t.px(620.0F));
    TextStyle style;
    style.size = t.bodySize();
    style.color = t.colors().text;
    m_message.setStyle(style);
    const float pad = t.px(28.0F);
    const float textHeight = m_message.layout(width - 2 * pad, t);
    const float buttonHeight = t.px(54.0F);
    const float height =
        pad + t.headingSize() * 1.5F + textHeight + t.px(24.0F) + buttonHeight + pad;
    m_box = {(size.x - width) / 2.0F, (size.y - height) / 2.0F, width, height};
    m_message.setPosition(m_box.left + pad, m_box.top + pad + t.headingSize() * 1.5F);
    const float buttonWidth = (width - 2 * pad - t.px(16.0F)) / 2.0F;
    const float buttonY = m_box.top + height - pad - buttonHeight;
    m_leave->setBounds({m_box.left + pad, buttonY, buttonWidth, buttonHeight});
    m_stay->setBounds({m_box.left + width - pad - buttonWidth, buttonY, buttonWidth, buttonHeight});
}

bool ConfirmScreen::handleEvent(const sf::Event& event)
{
    if (isKey(event, sf::Keyboard::Escape))
    {
        requestPop();
        return false;
    }
    if (isKey(event, sf::Keyboard::Enter))
    {
        if (Widget* focused = m_focus.getFocused())
            focused->activate();
        return false;
    }
    dispatchToWidgets(event);
    return false; // modal: nothing reaches the round underneath
}

void ConfirmScreen::draw(sf::RenderTarget& target) const
{
    const Theme& t = theme();
    const sf::Vector2f size = getSize();
    sf::Color dim = t.colors().background;
    dim.a = 210;
    drawBox(target, {0.0F, 0.0F, size.x, size.y}, dim);
    drawBox(target, m_box, t.colors().panel, t.colors().focus, t.borderWidth() + 1.0F);
    drawLabel(target, t, "Leave the round?", m_box.left + t.px(28.0F), m_box.top + t.px(28.0F),
              t.headingSize(), t.colors().text, true);
    m_message.draw(target, t);
    drawWidgets(target);
}

} // namespace quiz::ui

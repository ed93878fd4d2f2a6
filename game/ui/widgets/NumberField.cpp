#include "NumberField.hpp"

#include "Button.hpp"
#include "TextRecorder.hpp"
#include "ui/Theme.hpp"
#include "ui/screens/ScreenKit.hpp"

#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/System/String.hpp>

#include <algorithm>
#include <cmath>

namespace quiz::ui
{
namespace
{

bool keeps(sf::Uint32 c, NumberField::Accepts accepts)
{
    if (accepts == NumberField::Accepts::Letters)
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == ',' || c == ' ';
    return (c >= '0' && c <= '9') || c == '.' || c == ',' || c == '-' || c == ' ';
}

} // namespace

NumberField::NumberField(std::string unit, std::function<void(const std::string&)> onRefused,
                         Accepts accepts)
    : m_unit(std::move(unit)), m_onRefused(std::move(onRefused)), m_accepts(accepts)
{
}

void NumberField::type(sf::Uint32 c)
{
    const bool printable = c >= 32 && c != 127 && !(c >= 0x80 && c < 0xA0);
    if (!printable || !isEnabled())
        return;
    if (!keeps(c, m_accepts))
    {
        const std::basic_string<sf::Uint8> bytes = sf::String(c).toUtf8();
        if (m_onRefused)
            m_onRefused(std::string(bytes.begin(), bytes.end()));
        return;
    }
    if (m_accepts == Accepts::Letters && c >= 'a' && c <= 'z')
        c -= 'a' - 'A';
    if (m_text.size() < kMaxLength)
        m_text += static_cast<char>(c);
    // Typing again answers the message: the next Submit says what is wrong, if anything.
    setMessage("");
}

void NumberField::erase(bool all)
{
    if (all)
        m_text.clear();
    else if (!m_text.empty())
        m_text.pop_back(); // only ASCII is ever kept
    setMessage("");
}

void NumberField::setMessage(const std::string& message)
{
    m_message = message;
    m_messageBlock.setText(core::RichText::fromPlain(message.empty() ? "" : "⚠ " + message));
}

bool NumberField::handleEvent(const sf::Event& event)
{
    if (event.type == sf::Event::MouseButtonReleased && isEnabled() && isVisible() &&
        getBounds().contains(static_cast<float>(event.mouseButton.x),
                             static_cast<float>(event.mouseButton.y)))
        return true; // the screen's focus group gives it focus
    return Widget::handleEvent(event);
}

float NumberField::layout(float x, float y, float width, const Theme& theme)
{
    const float height = Button::preferredHeight(theme);
    const float unitWidth =
        m_unit.empty() ? 0.0F
                       : measureText(theme.fonts().bold, m_unit, theme.bodySize()) + theme.px(8.0F);
    const float boxWidth =
        std::max(theme.px(120.0F), std::min(theme.px(280.0F), width - unitWidth - theme.px(16.0F)));
    setBounds({x, y, boxWidth, height});
    m_unitBox = {x + boxWidth + theme.px(12.0F), y, std::max(0.0F, unitWidth), height};
    float used = height;
    if (!m_message.empty())
    {
        TextStyle style;
        style.size = theme.bodySize();
        style.color = theme.colors().critical;
        style.bold = true;
        m_messageBlock.setStyle(style);
        used += theme.px(8.0F);
        m_messageBlock.setPosition(x, y + used);
        used += m_messageBlock.layout(width, theme);
    }
    return used;
}

void NumberField::draw(sf::RenderTarget& target, const Theme& theme) const
{
    if (!isVisible())
        return;
    const Palette& c = theme.colors();
    const sf::FloatRect box = getBounds();
    const sf::Color outline = !m_message.empty() ? c.critical : isFocused() ? c.focus : c.border;
    drawBox(target, box, c.background, outline, theme.borderWidth() + 1.0F);
    {
        const TextBox textBox(target, box);
        // A caret while focused, so the player sees where typing goes.
        const std::string shown = m_text + (isFocused() ? "|" : "");
        sf::Text text = makeText(shown, theme.fonts().regular, theme.textSize(25.0F), c.text);
        text.setPosition(std::round(box.left + theme.px(12.0F)),
                         std::round(box.top + (box.height - theme.textSize(25.0F) * 1.2F) / 2.0F));
        drawText(target, text);
    }
    if (!m_unit.empty())
    {
        const TextBox unitBox(target, m_unitBox);
        sf::Text unit = makeText(m_unit, theme.fonts().bold, theme.bodySize(), c.text);
        unit.setPosition(
            std::round(m_unitBox.left),
            std::round(m_unitBox.top + (m_unitBox.height - theme.bodySize() * 1.2F) / 2.0F));
        drawText(target, unit);
    }
    if (!m_message.empty())
        m_messageBlock.draw(target, theme);
    if (isFocused())
        drawFocusRing(target, theme, box);
}

} // namespace quiz::ui

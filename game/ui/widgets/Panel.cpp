#include "Panel.hpp"

#include "Button.hpp"
#include "TextRecorder.hpp"
#include "ui/Theme.hpp"

#include <SFML/Graphics/RenderTarget.hpp>

#include <algorithm>
#include <cmath>

namespace quiz::ui
{

std::size_t Panel::addText(core::RichText text, const TextStyle& style, float indent)
{
    Item item;
    item.block = TextBlock(std::move(text), style);
    item.indent = indent;
    m_items.push_back(std::move(item));
    return m_items.size() - 1;
}

void Panel::setColors(const sf::Color& fill, const sf::Color& border, float borderWidth)
{
    m_fill = fill;
    m_border = border;
    m_borderWidth = borderWidth;
}

float Panel::layout(float x, float y, float width, const Theme& theme)
{
    const float padX = m_fill.a > 0 || m_borderWidth > 0.0F ? theme.px(18.0F) : 0.0F;
    const float padY = m_fill.a > 0 || m_borderWidth > 0.0F ? theme.px(12.0F) : 0.0F;
    const float stripe = m_stripe.a > 0 ? theme.px(8.0F) : 0.0F;
    float cursor = y + padY;
    for (std::size_t i = 0; i < m_items.size(); ++i)
    {
        Item& item = m_items[i];
        const float left = x + padX + stripe + item.indent;
        const float inner = width - 2 * padX - stripe - item.indent;
        item.block.layout(inner, theme);
        item.block.setPosition(left, cursor);
        cursor += item.block.getLayoutHeight();
        if (i + 1 < m_items.size())
            cursor += theme.px(6.0F);
    }
    const float height = cursor + padY - y;
    setBounds({x, y, width, height});
    return height;
}

void Panel::draw(sf::RenderTarget& target, const Theme& theme) const
{
    if (!isVisible())
        return;
    const sf::FloatRect box = getBounds();
    if (m_fill.a > 0 || m_borderWidth > 0.0F)
        drawBox(target, box, m_fill, m_border, m_borderWidth);
    if (m_stripe.a > 0)
        drawBox(target, {box.left, box.top, theme.px(8.0F), box.height}, m_stripe);
    const TextBox textBox(target, box);
    for (const Item& item : m_items)
        item.block.draw(target, theme);
}

OptionButton::OptionButton(std::string badge, core::RichText text, bool multiple,
                           std::function<void()> onPick)
    : m_badge(std::move(badge)), m_multiple(multiple), m_onPick(std::move(onPick))
{
    m_text.setText(std::move(text));
}

void OptionButton::activate()
{
    if (isEnabled() && m_onPick)
        m_onPick();
}

float OptionButton::layout(float x, float y, float width, const Theme& theme)
{
    TextStyle style;
    style.size = theme.bodySize();
    style.color = theme.colors().text;
    m_text.setStyle(style);
    const float badge = theme.textSize(44.0F); // letter tiles grow with the text
    const float tick = m_multiple ? theme.textSize(40.0F) : 0.0F;
    const float left = x + theme.px(14.0F) + tick + badge + theme.px(10.0F);
    const float inner = width - (left - x) - theme.px(16.0F);
    const float textHeight = m_text.layout(inner, theme);
    const float tile = theme.textSize(38.0F);
    const float height =
        m_compact
            ? std::max({textHeight + theme.px(12.0F), theme.px(46.0F), tile + theme.px(8.0F)})
            : std::max({textHeight + theme.px(24.0F), theme.px(56.0F), tile + theme.px(18.0F)});
    m_text.setPosition(left, y + (height - textHeight) / 2.0F);
    setBounds({x, y, width, height});
    return height;
}

void OptionButton::draw(sf::RenderTarget& target, const Theme& theme) const
{
    const Palette& c = theme.colors();
    const sf::FloatRect box = getBounds();
    const sf::Color fill =
        m_selected ? c.selected : mixColor(c.panel, c.panelHover, getHighlight());
    drawBox(target, box, fill, m_selected ? c.accent : c.border,
            m_selected ? theme.borderWidth() + 1.0F : theme.borderWidth());
    float x = box.left + theme.px(14.0F);
    if (m_multiple)
    {
        const float size = theme.textSize(26.0F);
        drawTickBox(target, theme, {x, box.top + (box.height - size) / 2.0F, size, size},
                    m_selected);
        x += theme.textSize(40.0F);
    }
    if (!m_badge.empty())
    {
        const float size = theme.textSize(38.0F);
        const sf::FloatRect badge(x, box.top + (box.height - size) / 2.0F, size, size);
        drawBox(target, badge, c.background, c.border, 1.0F);
        const TextBox badgeBox(target, badge);
        const float textSize = theme.bodySize();
        sf::Text letter = makeText(m_badge, theme.fonts().bold, textSize, c.text);
        const float w = measureText(theme.fonts().bold, m_badge, textSize);
        letter.setPosition(std::round(badge.left + (size - w) / 2.0F),
                           std::round(badge.top + (size - textSize * 1.2F) / 2.0F));
        drawText(target, letter);
    }
    {
        const TextBox textBox(target, box);
        m_text.draw(target, theme);
    }
    if (isFocused())
        drawFocusRing(target, theme, box);
}

} // namespace quiz::ui

#include "Button.hpp"

#include "TextRecorder.hpp"
#include "ui/Theme.hpp"
#include "ui/screens/ScreenKit.hpp"

#include <SFML/Graphics/RectangleShape.hpp>
#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/VertexArray.hpp>
#include <SFML/System/String.hpp>

#include <algorithm>
#include <cmath>

namespace quiz::ui
{
namespace
{

} // namespace

sf::Color mixColor(const sf::Color& a, const sf::Color& b, float t)
{
    const auto channel = [t](sf::Uint8 x, sf::Uint8 y)
    {
        return static_cast<sf::Uint8>(
            std::lround(static_cast<float>(x) * (1.0F - t) + static_cast<float>(y) * t));
    };
    return {channel(a.r, b.r), channel(a.g, b.g), channel(a.b, b.b), channel(a.a, b.a)};
}

namespace
{

/// A label too long for its button is cut with an ellipsis, never drawn past the edges.
void drawCentredLabel(sf::RenderTarget& target, const std::string& full, const sf::Font& font,
                      float size, const sf::Color& color, const sf::FloatRect& box, float pad)
{
    const std::string label = fitText(font, full, size, box.width - 2.0F * pad);
    sf::Text text = makeText(label, font, size, color);
    const float width = measureText(font, label, size);
    text.setPosition(std::round(box.left + (box.width - width) / 2.0F),
                     std::round(box.top + (box.height - size * 1.2F) / 2.0F));
    drawText(target, text);
}

} // namespace

void drawBox(sf::RenderTarget& target, const sf::FloatRect& bounds, const sf::Color& fill,
             const sf::Color& outline, float thickness)
{
    if (fill.a == 0 && thickness > 0.0F && outline.a == 255)
    {
        // A frame only (a focus ring): four opaque strips. A transparent fill would still be
        // blended over every pixel inside, which software OpenGL pays for in full.
        const float t = std::min(thickness, std::min(bounds.width, bounds.height) / 2.0F);
        const float side = bounds.height - 2.0F * t;
        drawBox(target, {bounds.left, bounds.top, bounds.width, t}, outline);
        drawBox(target, {bounds.left, bounds.top + bounds.height - t, bounds.width, t}, outline);
        drawBox(target, {bounds.left, bounds.top + t, t, side}, outline);
        drawBox(target, {bounds.left + bounds.width - t, bounds.top + t, t, side}, outline);
        return;
    }
    sf::RectangleShape shape({bounds.width, bounds.height});
    shape.setPosition(bounds.left, bounds.top);
    shape.setFillColor(fill);
    if (thickness > 0.0F)
    {
        shape.setOutlineColor(outline);
        shape.setOutlineThickness(-thickness);
    }
    // Opaque boxes skip blending: with software OpenGL most of a frame's time is spent
    // reading back pixels to blend, and panels cover much of the window.
    const bool opaque = fill.a == 255 && (thickness <= 0.0F || outline.a == 255);
    target.draw(shape, opaque ? sf::RenderStates(sf::BlendNone) : sf::RenderStates::Default);
}

void drawFocusRing(sf::RenderTarget& target, const Theme& theme, const sf::FloatRect& bounds)
{
    const float gap = theme.px(3.0F);
    const sf::FloatRect ring(bounds.left - gap, bounds.top - gap, bounds.width + 2 * gap,
                             bounds.height + 2 * gap);
    drawBox(target, ring, sf::Color::Transparent, theme.colors().focus,
            std::max(2.0F, theme.px(3.0F)));
}

Button::Button(std::string label, std::function<void()> onClick, Kind kind)
    : m_label(std::move(label)), m_onClick(std::move(onClick)), m_kind(kind)
{
}

void Button::activate()
{
    if (isEnabled() && m_onClick)
        m_onClick();
}

float Button::preferredHeight(const Theme& theme)
{
    return std::max(theme.px(44.0F), theme.bodySize() * 1.25F + theme.px(20.0F));
}

float Button::preferredWidth(const Theme& theme) const
{
    float width = measureText(theme.fonts().bold, m_label, theme.bodySize()) + theme.px(48.0F);
    if (!m_shortcut.empty())
        width +=
            measureText(theme.fonts().regular, m_shortcut, theme.smallSize()) + theme.px(20.0F);
    return width;
}

void Button::draw(sf::RenderTarget& target, const Theme& theme) const
{
    if (!isVisible())
        return;
    const Palette& c = theme.colors();
    const float t = getHighlight();
    sf::Color fill = m_kind == Kind::Primary ? mixColor(c.accent, sf::Color::White, 0.18F * t)
                                             : mixColor(c.panel, c.panelHover, t);
    sf::Color textColor = m_kind == Kind::Primary ? c.accentText : c.text;
    if (!isEnabled())
    {
        fill = c.panel;
        textColor = c.muted;
    }
    const sf::FloatRect box = getBounds();
    drawBox(target, box, fill, m_kind == Kind::Primary ? fill : c.border, theme.borderWidth());
    const TextBox textBox(target, box);
    sf::FloatRect labelBox = box;
    const float pad = theme.px(10.0F);
    const float keyWidth = measureText(theme.fonts().regular, m_shortcut, theme.smallSize());
    const float labelWidth = measureText(theme.fonts().bold, m_label, theme.bodySize());
    // The key hint gives way first when the label needs the room.
    if (!m_shortcut.empty() && labelWidth + keyWidth + theme.px(24.0F) + 2.0F * pad <= box.width)
    {
        labelBox.width -= keyWidth + theme.px(12.0F);
        sf::Text key = makeText(m_shortcut, theme.fonts().regular, theme.smallSize(),
                                m_kind == Kind::Primary ? c.accentText : c.muted);
        key.setPosition(std::round(box.left + box.width - keyWidth - theme.px(14.0F)),
                        std::round(box.top + (box.height - theme.smallSize() * 1.2F) / 2.0F));
        drawText(target, key);
    }
    drawCentredLabel(target, m_label, theme.fonts().bold, theme.bodySize(), textColor, labelBox,
                     pad);
    if (isFocused())
        drawFocusRing(target, theme, box);
}

Checkbox::Checkbox(std::string label, bool checked, std::function<void(bool)> onChange)
    : m_label(std::move(label)), m_checked(checked), m_onChange(std::move(onChange))
{
}

void Checkbox::activate()
{
    if (!isEnabled())
        return;
    m_checked = !m_checked;
    if (m_onChange)
        m_onChange(m_checked);
}

void drawTickBox(sf::RenderTarget& target, const Theme& theme, const sf::FloatRect& box,
                 bool checked)
{
    const Palette& c = theme.colors();
    drawBox(target, box, checked ? c.accent : c.background, checked ? c.accent : c.text,
            theme.borderWidth());
    if (!checked)
        return;
    // A drawn tick: two thick strokes, so it reads without colour.
    sf::VertexArray tick(sf::Triangles);
    const auto stroke = [&](sf::Vector2f a, sf::Vector2f b)
    {
        const float w = box.width * 0.09F;
        const sf::Vector2f d = b - a;
        const float len = std::sqrt(d.x * d.x + d.y * d.y);
        const sf::Vector2f n(-d.y / len * w, d.x / len * w);
        for (const sf::Vector2f& p : {a + n, a - n, b + n, a - n, b - n, b + n})
            tick.append(sf::Vertex(p, c.accentText));
    };
    const sf::Vector2f o(box.left, box.top);
    const float s = box.width;
    stroke(o + sf::Vector2f(s * 0.20F, s * 0.52F), o + sf::Vector2f(s * 0.42F, s * 0.74F));
    stroke(o + sf::Vector2f(s * 0.42F, s * 0.74F), o + sf::Vector2f(s * 0.80F, s * 0.28F));
    target.draw(tick);
}

void Checkbox::draw(sf::RenderTarget& target, const Theme& theme) const
{
    if (!isVisible())
        return;
    const Palette& c = theme.colors();
    const sf::FloatRect box = getBounds();
    const TextBox textBox(target, box);
    if (getHighlight() > 0.0F) // an unlit row is the background already: skip the fill
        drawBox(target, box, mixColor(c.background, c.panelHover, getHighlight() * 0.7F));
    const float size = theme.textSize(24.0F); // the box grows with the text beside it
    const float x = box.left + m_indent + theme.px(8.0F);
    drawTickBox(target, theme, {x, box.top + (box.height - size) / 2.0F, size, size}, m_checked);
    const float textX = x + size + theme.px(12.0F);
    float detailWidth = 0.0F;
    if (!m_detail.empty())
    {
        detailWidth = measureText(theme.fonts().regular, m_detail, theme.smallSize());
        sf::Text detail = makeText(m_detail, theme.fonts().regular, theme.smallSize(), c.muted);
        detail.setPosition(std::round(box.left + box.width - detailWidth - theme.px(10.0F)),
                           std::round(box.top + (box.height - theme.smallSize() * 1.2F) / 2.0F));
        drawText(target, detail);
    }
    // Labels that do not fit are cut with an ellipsis rather than overflowing.
    const float room = box.left + box.width - textX - detailWidth - theme.px(22.0F);
    std::string label = m_label;
    const sf::Font& font = theme.fonts().regular;
    if (measureText(font, label, theme.bodySize()) > room)
    {
        while (!label.empty() && measureText(font, label + "…", theme.bodySize()) > room)
        {
            label.pop_back();
            while (!label.empty() && (static_cast<unsigned char>(label.back()) & 0xC0U) == 0x80U)
                label.pop_back();
            if (!label.empty() && static_cast<unsigned char>(label.back()) >= 0xC0U)
                label.pop_back();
        }
        label += "…";
    }
    sf::Text text = makeText(label, font, theme.bodySize(), isEnabled() ? c.text : c.muted);
    text.setPosition(std::round(textX),
                     std::round(box.top + (box.height - theme.bodySize() * 1.2F) / 2.0F));
    drawText(target, text);
    if (isFocused())
        drawFocusRing(target, theme, box);
}

void ProgressBar::setValue(float value)
{
    m_value = std::clamp(value, 0.0F, 1.0F);
}

void ProgressBar::draw(sf::RenderTarget& target, const Theme& theme) const
{
    if (!isVisible())
        return;
    const Palette& c = theme.colors();
    const sf::FloatRect box = getBounds();
    // Thin bars get no outline (it would read as a double rule); the track colour is enough.
    const bool outline = theme.isHighContrast() || box.height >= 12.0F;
    drawBox(target, box, c.panel, c.border,
            outline ? (theme.isHighContrast() ? 2.0F : 1.0F) : 0.0F);
    sf::FloatRect filled = box;
    filled.width *= m_value;
    drawBox(target, filled, m_fill == sf::Color::Transparent ? c.accent : m_fill);
}

TextField::TextField(std::string text, std::size_t maxLength,
                     std::function<void(const std::string&)> onChange)
    : m_text(std::move(text)), m_maxLength(maxLength), m_onChange(std::move(onChange))
{
}

bool TextField::handleEvent(const sf::Event& event)
{
    if (event.type == sf::Event::MouseButtonReleased && isEnabled() && isVisible() &&
        getBounds().contains(static_cast<float>(event.mouseButton.x),
                             static_cast<float>(event.mouseButton.y)))
    {
        return true; // the screen's focus group gives it focus
    }
    if (!isFocused() || !isEnabled())
        return Widget::handleEvent(event);
    if (event.type == sf::Event::TextEntered)
    {
        const sf::Uint32 c = event.text.unicode;
        const sf::String all = sf::String::fromUtf8(m_text.begin(), m_text.end());
        const bool printable = c >= 32 && c != 127 && !(c >= 0x80 && c < 0xA0);
        if ((m_anyText ? printable : c >= '0' && c <= '9') && all.getSize() < m_maxLength)
        {
            const sf::String added(c);
            const std::basic_string<sf::Uint8> bytes = added.toUtf8();
            m_text.append(bytes.begin(), bytes.end());
            if (m_onChange)
                m_onChange(m_text);
        }
        return printable;
    }
    if (event.type == sf::Event::KeyPressed && event.key.code == sf::Keyboard::BackSpace)
    {
        if (!m_text.empty())
        {
            // Remove one whole character: continuation bytes are 10xxxxxx.
            while (m_text.size() > 1 &&
                   (static_cast<unsigned char>(m_text.back()) & 0xC0U) == 0x80U)
                m_text.pop_back();
            m_text.pop_back();
            if (m_onChange)
                m_onChange(m_text);
        }
        return true;
    }
    return Widget::handleEvent(event);
}

void TextField::draw(sf::RenderTarget& target, const Theme& theme) const
{
    if (!isVisible())
        return;
    const Palette& c = theme.colors();
    const sf::FloatRect box = getBounds();
    drawBox(target, box, c.background, isFocused() ? c.focus : c.border, theme.borderWidth());
    const TextBox textBox(target, box);
    std::string shown = m_text;
    if (isFocused())
        shown += "|";
    // Longer than the field: its start and an ellipsis, or while typing its end (where the
    // typing happens) after an ellipsis.
    const float room = box.width - 2.0F * theme.px(12.0F);
    const sf::Font& font = theme.fonts().regular;
    if (!isFocused())
    {
        shown = fitText(font, shown, theme.bodySize(), room);
    }
    else if (measureText(font, shown, theme.bodySize()) > room)
    {
        while (!shown.empty() && measureText(font, "…" + shown, theme.bodySize()) > room)
        {
            std::size_t cut = 1;
            while (cut < shown.size() && (static_cast<unsigned char>(shown[cut]) & 0xC0U) == 0x80U)
                ++cut;
            shown.erase(0, cut);
        }
        shown = "…" + shown;
    }
    sf::Text text = makeText(shown, theme.fonts().regular, theme.bodySize(), c.text);
    text.setPosition(std::round(box.left + theme.px(12.0F)),
                     std::round(box.top + (box.height - theme.bodySize() * 1.2F) / 2.0F));
    drawText(target, text);
    if (isFocused())
        drawFocusRing(target, theme, box);
}

} // namespace quiz::ui

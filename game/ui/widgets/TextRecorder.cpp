#include "TextRecorder.hpp"

#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/Text.hpp>

#include <algorithm>

namespace quiz::ui
{
namespace
{

TextRecorder* g_recorder = nullptr;

/// `rect` in view coordinates mapped to the target's pixels under its current view.
sf::FloatRect toPixels(const sf::RenderTarget& target, const sf::FloatRect& rect)
{
    const sf::View& view = target.getView();
    // mapCoordsToPixel rounds to whole pixels; the same sum by hand keeps the fractions
    // (views here are never rotated).
    const sf::FloatRect viewport = sf::FloatRect(target.getViewport(view));
    const sf::Vector2f size = view.getSize();
    const sf::Vector2f origin = view.getCenter() - size / 2.0F;
    const float sx = viewport.width / size.x;
    const float sy = viewport.height / size.y;
    return {viewport.left + (rect.left - origin.x) * sx, viewport.top + (rect.top - origin.y) * sy,
            rect.width * sx, rect.height * sy};
}

sf::FloatRect intersect(const sf::FloatRect& a, const sf::FloatRect& b)
{
    sf::FloatRect out;
    if (!a.intersects(b, out))
        return {std::max(a.left, b.left), std::max(a.top, b.top), 0.0F, 0.0F};
    return out;
}

} // namespace

TextRecorder::TextRecorder()
{
    g_recorder = this;
}

TextRecorder::~TextRecorder()
{
    g_recorder = nullptr;
}

void TextRecorder::clear()
{
    m_texts.clear();
    m_boxes.clear();
    m_layer = 0;
}

TextBox::TextBox(const sf::RenderTarget& target, const sf::FloatRect& box)
{
    if (g_recorder == nullptr)
        return;
    const sf::FloatRect pixels = toPixels(target, box);
    g_recorder->m_boxes.push_back(
        g_recorder->m_boxes.empty() ? pixels : intersect(g_recorder->m_boxes.back(), pixels));
    m_open = true;
}

TextBox::~TextBox()
{
    if (m_open && g_recorder != nullptr && !g_recorder->m_boxes.empty())
        g_recorder->m_boxes.pop_back();
}

void recordText(const sf::RenderTarget& target, const sf::Text& text)
{
    if (g_recorder == nullptr)
        return;
    const sf::String& string = text.getString();
    const std::basic_string<sf::Uint8> utf8 = string.toUtf8();
    DrawnText drawn;
    drawn.text.assign(utf8.begin(), utf8.end());
    drawn.bounds = toPixels(target, text.getGlobalBounds());
    drawn.clip = sf::FloatRect(target.getViewport(target.getView()));
    const sf::Vector2f size(target.getSize());
    drawn.box = g_recorder->m_boxes.empty() ? sf::FloatRect(0.0F, 0.0F, size.x, size.y)
                                            : g_recorder->m_boxes.back();
    drawn.layer = g_recorder->m_layer;
    g_recorder->m_texts.push_back(drawn);
}

void recordLayer()
{
    if (g_recorder != nullptr)
        ++g_recorder->m_layer;
}

} // namespace quiz::ui

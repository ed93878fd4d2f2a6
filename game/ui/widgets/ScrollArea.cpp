#include "ScrollArea.hpp"

#include "Button.hpp"
#include "ui/Theme.hpp"

#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/View.hpp>

#include <algorithm>
#include <cmath>

namespace quiz::ui
{

void ScrollArea::clear()
{
    m_children.clear();
    m_contentHeight = 0.0F;
    m_scroll = 0.0F;
}

void ScrollArea::setContentHeight(float height)
{
    m_contentHeight = height;
    scrollTo(m_scroll);
}

float ScrollArea::getMaxScroll() const
{
    return std::max(0.0F, m_contentHeight - getBounds().height);
}

void ScrollArea::scrollTo(float offset)
{
    m_scroll = std::round(std::clamp(offset, 0.0F, getMaxScroll()));
}

void ScrollArea::ensureVisible(const sf::FloatRect& rect)
{
    const sf::FloatRect box = getBounds();
    const float margin = 12.0F;
    const float top = rect.top - box.top - margin;
    const float bottom = rect.top + rect.height - box.top + margin;
    if (top < m_scroll)
        scrollTo(top);
    else if (bottom > m_scroll + box.height)
        scrollTo(std::min(top, bottom - box.height));
}

bool ScrollArea::containsFocus() const
{
    if (isFocused())
        return true;
    return std::any_of(m_children.begin(), m_children.end(),
                       [](const std::unique_ptr<Widget>& child) { return child->isFocused(); });
}

bool ScrollArea::handleEvent(const sf::Event& event)
{
    if (!isVisible())
        return false;
    const sf::FloatRect box = getBounds();
    const float step = std::max(40.0F, box.height * 0.12F);
    switch (event.type)
    {
    case sf::Event::MouseWheelScrolled:
        if (box.contains(static_cast<float>(event.mouseWheelScroll.x),
                         static_cast<float>(event.mouseWheelScroll.y)))
        {
            scrollBy(-event.mouseWheelScroll.delta * step);
            return true;
        }
        return false;
    case sf::Event::KeyPressed:
        if (event.key.code == sf::Keyboard::PageDown)
            scrollBy(box.height * 0.85F);
        else if (event.key.code == sf::Keyboard::PageUp)
            scrollBy(-box.height * 0.85F);
        else if (event.key.code == sf::Keyboard::Home && isFocused())
            scrollTo(0.0F);
        else if (event.key.code == sf::Keyboard::End && isFocused())
            scrollTo(getMaxScroll());
        else if (event.key.code == sf::Keyboard::Down && isFocused() && m_scroll < getMaxScroll())
            scrollBy(step);
        else if (event.key.code == sf::Keyboard::Up && isFocused() && m_scroll > 0.0F)
            scrollBy(-step);
        else
            break;
        return true;
    default:
        break;
    }
    // Children live in content coordinates: shift the pointer by the scroll offset, and hide
    // it from them when it is outside the visible part.
    sf::Event shifted = event;
    if (event.type == sf::Event::MouseMoved)
    {
        const bool inside = box.contains(static_cast<float>(event.mouseMove.x),
                                         static_cast<float>(event.mouseMove.y));
        shifted.mouseMove.y = inside ? event.mouseMove.y + static_cast<int>(m_scroll) : -100000;
    }
    else if (event.type == sf::Event::MouseButtonPressed ||
             event.type == sf::Event::MouseButtonReleased)
    {
        const bool inside = box.contains(static_cast<float>(event.mouseButton.x),
                                         static_cast<float>(event.mouseButton.y));
        if (!inside)
            return false;
        shifted.mouseButton.y = event.mouseButton.y + static_cast<int>(m_scroll);
    }
    for (const auto& child : m_children)
    {
        if (child->handleEvent(shifted))
            return true;
    }
    return false;
}

bool ScrollArea::update(std::chrono::milliseconds elapsed)
{
    bool animating = Widget::update(elapsed);
    for (const auto& child : m_children)
        animating = child->update(elapsed) || animating;
    return animating;
}

void ScrollArea::draw(sf::RenderTarget& target, const Theme& theme) const
{
    if (!isVisible())
        return;
    const sf::FloatRect box = getBounds();
    const sf::View saved = target.getView();
    target.setView(clippedView(target, box, m_scroll));
    const float top = box.top + m_scroll;
    for (const auto& child : m_children)
    {
        const sf::FloatRect r = child->getBounds();
        // Skip what is out of sight: long reviews stay cheap to draw.
        if (r.top + r.height < top - 10.0F || r.top > top + box.height + 10.0F)
            continue;
        child->draw(target, theme);
    }
    target.setView(saved);

    if (isScrollable())
    {
        const Palette& c = theme.colors();
        const float barWidth = theme.px(8.0F);
        const sf::FloatRect track(box.left + box.width - barWidth, box.top, barWidth, box.height);
        drawBox(target, track, c.backgroundAccent);
        const float thumbHeight =
            std::max(theme.px(30.0F), box.height * box.height / m_contentHeight);
        const float thumbTop = box.top + (box.height - thumbHeight) * (m_scroll / getMaxScroll());
        drawBox(target, {track.left, thumbTop, barWidth, thumbHeight},
                isFocused() ? c.focus : c.border);
        if (isFocused())
            drawFocusRing(target, theme, box);
    }
}

sf::View clippedView(const sf::RenderTarget& target, const sf::FloatRect& box, float scroll)
{
    const sf::Vector2f size(target.getSize());
    const sf::View& current = target.getView();
    const sf::Vector2f shift = current.getCenter() - current.getSize() / 2.0F;
    sf::View view(sf::FloatRect(box.left, box.top + scroll, box.width, box.height));
    view.setViewport(sf::FloatRect((box.left - shift.x) / size.x, (box.top - shift.y) / size.y,
                                   box.width / size.x, box.height / size.y));
    return view;
}

void FocusGroup::clear()
{
    m_widgets.clear();
}

void FocusGroup::add(Widget* widget)
{
    m_widgets.push_back(widget);
}

Widget* FocusGroup::getFocused() const
{
    for (Widget* widget : m_widgets)
    {
        if (widget->isFocused())
            return widget;
    }
    return nullptr;
}

void FocusGroup::focus(Widget* widget)
{
    for (Widget* other : m_widgets)
        other->setFocused(other == widget);
    if (widget != nullptr && m_onFocus)
        m_onFocus(*widget);
}

void FocusGroup::move(int direction, bool wrap)
{
    if (m_widgets.empty())
        return;
    const auto count = static_cast<long>(m_widgets.size());
    long index = -1;
    for (long i = 0; i < count; ++i)
    {
        if (m_widgets[static_cast<std::size_t>(i)]->isFocused())
            index = i;
    }
    if (index < 0 && direction < 0)
        index = count;
    for (long step = 1; step <= count; ++step)
    {
        const long unwrapped = index + direction * step;
        if (!wrap && index >= 0 && (unwrapped < 0 || unwrapped >= count))
            return;
        const long candidate = (unwrapped % count + count) % count;
        Widget* widget = m_widgets[static_cast<std::size_t>(candidate)];
        if (widget->isFocusable())
        {
            focus(widget);
            return;
        }
    }
}

bool FocusGroup::handleEvent(const sf::Event& event)
{
    if (event.type == sf::Event::KeyPressed)
    {
        const sf::Keyboard::Key key = event.key.code;
        if (key == sf::Keyboard::Tab)
        {
            move(event.key.shift ? -1 : 1);
            return true;
        }
        if (key == sf::Keyboard::Down || (m_arrowsAcross && key == sf::Keyboard::Right))
        {
            move(1, m_arrowsWrap);
            return true;
        }
        if (key == sf::Keyboard::Up || (m_arrowsAcross && key == sf::Keyboard::Left))
        {
            move(-1, m_arrowsWrap);
            return true;
        }
    }
    return false;
}

} // namespace quiz::ui

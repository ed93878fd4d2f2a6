#include "Widget.hpp"

#include <algorithm>

namespace quiz::ui
{

bool Widget::handleEvent(const sf::Event& event)
{
    if (!m_visible || !m_enabled)
    {
        m_hovered = false;
        return false;
    }
    if (event.type == sf::Event::MouseMoved)
    {
        m_hovered = m_bounds.contains(static_cast<float>(event.mouseMove.x),
                                      static_cast<float>(event.mouseMove.y));
    }
    else if (event.type == sf::Event::MouseLeft)
    {
        m_hovered = false;
    }
    else if (event.type == sf::Event::MouseButtonReleased &&
             event.mouseButton.button == sf::Mouse::Left && isFocusable() &&
             m_bounds.contains(static_cast<float>(event.mouseButton.x),
                               static_cast<float>(event.mouseButton.y)))
    {
        activate();
        return true;
    }
    else if (event.type == sf::Event::KeyPressed && m_focused &&
             (event.key.code == sf::Keyboard::Space ||
              (event.key.code == sf::Keyboard::Enter && activatesOnEnter())))
    {
        activate();
        return true;
    }
    return false;
}

bool Widget::update(std::chrono::milliseconds elapsed)
{
    const float target = (m_hovered || m_focused) && m_enabled ? 1.0F : 0.0F;
    const float step = static_cast<float>(elapsed.count()) / 120.0F;
    if (m_highlight < target)
        m_highlight = std::min(target, m_highlight + step);
    else if (m_highlight > target)
        m_highlight = std::max(target, m_highlight - step);
    return m_highlight != target;
}

} // namespace quiz::ui

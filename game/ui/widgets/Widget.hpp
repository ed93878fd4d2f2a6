#pragma once

#include <SFML/Graphics/Rect.hpp>
#include <SFML/Window/Event.hpp>

#include <chrono>

namespace sf
{
class RenderTarget;
}

namespace quiz::ui
{

class Theme;

/// Base of every control: a rectangle in window pixels, optional keyboard focus, mouse hover.
/// Widgets hold no quiz rules; they report what the player did through callbacks.
class Widget
{
public:
    virtual ~Widget() = default;

    void setBounds(const sf::FloatRect& bounds) { m_bounds = bounds; }
    [[nodiscard]] const sf::FloatRect& getBounds() const { return m_bounds; }

    [[nodiscard]] virtual bool isFocusable() const { return false; }
    void setFocused(bool focused) { m_focused = focused; }
    [[nodiscard]] bool isFocused() const { return m_focused; }
    void setEnabled(bool enabled) { m_enabled = enabled; }
    [[nodiscard]] bool isEnabled() const { return m_enabled; }
    void setVisible(bool visible) { m_visible = visible; }
    [[nodiscard]] bool isVisible() const { return m_visible; }

    /// Returns true when the event was used and should not reach anything else.
    virtual bool handleEvent(const sf::Event& event);
    /// Click, or Space (and Enter when activatesOnEnter()) while focused.
    virtual void activate() {}
    /// Tick boxes take Space only: Enter belongs to the screen (submit, next, start).
    [[nodiscard]] virtual bool activatesOnEnter() const { return true; }
    /// Advances hover animations; returns true while still animating.
    virtual bool update(std::chrono::milliseconds elapsed);
    virtual void draw(sf::RenderTarget& target, const Theme& theme) const = 0;

protected:
    [[nodiscard]] bool isHovered() const { return m_hovered; }
    /// 0..1, eased towards 1 while hovered or focused.
    [[nodiscard]] float getHighlight() const { return m_highlight; }

private:
    sf::FloatRect m_bounds;
    bool m_focused = false;
    bool m_enabled = true;
    bool m_visible = true;
    bool m_hovered = false;
    float m_highlight = 0.0F;
};

} // namespace quiz::ui

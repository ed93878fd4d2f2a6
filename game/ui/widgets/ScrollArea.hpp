#pragma once

#include "Widget.hpp"

#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/View.hpp>

#include <functional>
#include <memory>
#include <vector>

namespace quiz::ui
{

/// A vertically scrolling viewport over child widgets. Children are placed in content
/// coordinates: as if the area were scrolled to the top. Mouse wheel, PageUp/PageDown,
/// Home/End and (when focused) the arrow keys scroll; the scroll bar shows where one is.
class ScrollArea : public Widget
{
public:
    void clear();
    /// Adds a child and returns a reference to it; the area owns it.
    template <typename T> T& add(std::unique_ptr<T> child)
    {
        T& ref = *child;
        m_children.push_back(std::move(child));
        return ref;
    }
    [[nodiscard]] const std::vector<std::unique_ptr<Widget>>& getChildren() const
    {
        return m_children;
    }

    /// Total height of the content; the scroll range follows from it.
    void setContentHeight(float height);
    [[nodiscard]] float getContentHeight() const { return m_contentHeight; }
    [[nodiscard]] float getScroll() const { return m_scroll; }
    [[nodiscard]] float getMaxScroll() const;
    [[nodiscard]] bool isScrollable() const { return getMaxScroll() > 0.5F; }
    void scrollTo(float offset);
    void scrollBy(float delta) { scrollTo(m_scroll + delta); }
    /// Scrolls the least amount that shows `rect` (content coordinates).
    void ensureVisible(const sf::FloatRect& rect);

    [[nodiscard]] bool isFocusable() const override { return isVisible() && isScrollable(); }
    /// True when the area or one of its children has the keyboard focus.
    [[nodiscard]] bool containsFocus() const;
    bool handleEvent(const sf::Event& event) override;
    bool update(std::chrono::milliseconds elapsed) override;
    void draw(sf::RenderTarget& target, const Theme& theme) const override;

private:
    std::vector<std::unique_ptr<Widget>> m_children;
    float m_contentHeight = 0.0F;
    float m_scroll = 0.0F;
};

/// A view that shows `box` (window pixels, scrolled down by `scroll`) clipped to that box,
/// following any offset the target's current view already has (screen transitions slide).
[[nodiscard]] sf::View clippedView(const sf::RenderTarget& target, const sf::FloatRect& box,
                                   float scroll);

/// Keyboard focus over a screen's widgets in reading order: Tab/Shift+Tab always move it;
/// Up/Down (and Left/Right when `arrowsAcross` is set) move it too unless a focused widget
/// used the key. Clicking a focusable widget focuses it.
class FocusGroup
{
public:
    void clear();
    void add(Widget* widget);
    [[nodiscard]] Widget* getFocused() const;
    void focus(Widget* widget);
    /// Moves focus by `direction` (+1/-1) to the next focusable widget, wrapping around.
    void move(int direction) { move(direction, true); }
    /// Without `wrap`, a move past either end leaves the focus where it is.
    void move(int direction, bool wrap);
    /// Returns true when the event moved the focus.
    bool handleEvent(const sf::Event& event);
    void setArrowsAcross(bool on) { m_arrowsAcross = on; }
    /// Arrow keys stop at the first and last widget (Tab still wraps).
    void setArrowsWrap(bool on) { m_arrowsWrap = on; }
    /// Called after focus moves by keyboard (screens scroll the widget into view).
    void setOnFocus(std::function<void(Widget&)> onFocus) { m_onFocus = std::move(onFocus); }

private:
    std::vector<Widget*> m_widgets;
    bool m_arrowsAcross = false;
    bool m_arrowsWrap = true;
    std::function<void(Widget&)> m_onFocus;
};

} // namespace quiz::ui

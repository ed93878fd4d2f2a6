#pragma once

#include "TextBlock.hpp"
#include "Widget.hpp"

#include <functional>
#include <string>
#include <vector>

namespace quiz::ui
{

/// A card of stacked text blocks with padding, a fill and a border. Used for feedback,
/// review entries, banners and diagnostics.
class Panel : public Widget
{
public:
    Panel() = default;

    /// Adds a block; returns its index.
    std::size_t addText(core::RichText text, const TextStyle& style, float indent = 0.0F);
    void setColors(const sf::Color& fill, const sf::Color& border, float borderWidth = 0.0F);
    /// A coloured strip on the left edge (a second cue next to the words).
    void setStripe(const sf::Color& color) { m_stripe = color; }
    /// Lays out at (x, y) with `width`; returns the height.
    float layout(float x, float y, float width, const Theme& theme);
    void draw(sf::RenderTarget& target, const Theme& theme) const override;

private:
    struct Item
    {
        TextBlock block;
        float indent = 0.0F;
    };
    std::vector<Item> m_items;
    sf::Color m_fill = sf::Color::Transparent;
    sf::Color m_border = sf::Color::Transparent;
    sf::Color m_stripe = sf::Color::Transparent;
    float m_borderWidth = 0.0F;
};

/// One answer option on the question screen: a letter badge, the option's rich text and,
/// for select-all-that-apply, a tick box. Clicking or Enter/Space calls `onPick`.
class OptionButton : public Widget
{
public:
    OptionButton(std::string badge, core::RichText text, bool multiple,
                 std::function<void()> onPick);

    [[nodiscard]] bool isFocusable() const override { return isVisible() && isEnabled(); }
    void activate() override;
    void setSelected(bool selected) { m_selected = selected; }
    /// Tighter padding, so many options fit one screen.
    void setCompact(bool compact) { m_compact = compact; }
    /// Lays out at (x, y) with `width`; returns the height.
    float layout(float x, float y, float width, const Theme& theme);
    void draw(sf::RenderTarget& target, const Theme& theme) const override;

private:
    std::string m_badge;
    TextBlock m_text;
    bool m_multiple;
    bool m_selected = false;
    bool m_compact = false;
    std::function<void()> m_onPick;
};

} // namespace quiz::ui

#pragma once

#include "TextBlock.hpp"
#include "Widget.hpp"

#include <functional>
#include <string>

namespace quiz::ui
{

/// A push button with a text label; `onClick` runs on click, Enter or Space while focused.
class Button : public Widget
{
public:
    enum class Kind
    {
        Primary,  ///< filled with the accent colour
        Secondary ///< panel colour with a border
    };

    Button(std::string label, std::function<void()> onClick, Kind kind = Kind::Secondary);

    [[nodiscard]] bool isFocusable() const override { return isVisible() && isEnabled(); }
    void activate() override;
    void setLabel(std::string label) { m_label = std::move(label); }
    [[nodiscard]] const std::string& getLabel() const { return m_label; }
    void setKind(Kind kind) { m_kind = kind; }
    /// A key hint drawn small at the right, e.g. "Enter".
    void setShortcut(std::string shortcut) { m_shortcut = std::move(shortcut); }
    /// Height a button needs for its label at the theme's text size (never under 44 px at
    /// 1280x720), so buttons grow with the text.
    [[nodiscard]] static float preferredHeight(const Theme& theme);
    /// Width the label needs at the theme's button size, padding included.
    [[nodiscard]] float preferredWidth(const Theme& theme) const;
    void draw(sf::RenderTarget& target, const Theme& theme) const override;

private:
    std::string m_label;
    std::string m_shortcut;
    std::function<void()> m_onClick;
    Kind m_kind;
};

/// A labelled tick box. The box shows a tick mark, not only a colour.
class Checkbox : public Widget
{
public:
    Checkbox(std::string label, bool checked, std::function<void(bool)> onChange);

    [[nodiscard]] bool isFocusable() const override { return isVisible() && isEnabled(); }
    void activate() override;
    [[nodiscard]] bool activatesOnEnter() const override { return false; }
    void setChecked(bool checked) { m_checked = checked; }
    [[nodiscard]] bool isChecked() const { return m_checked; }
    void setLabel(std::string label) { m_label = std::move(label); }
    void setDetail(std::string detail) { m_detail = std::move(detail); }
    void setIndent(float indent) { m_indent = indent; }
    void draw(sf::RenderTarget& target, const Theme& theme) const override;

private:
    std::string m_label;
    std::string m_detail; ///< drawn muted at the right, e.g. "12 questions"
    bool m_checked;
    float m_indent = 0.0F;
    std::function<void(bool)> m_onChange;
};

/// A horizontal bar 0..1 with an optional label drawn beside it (so the value is never
/// shown by length or colour alone).
class ProgressBar : public Widget
{
public:
    void setValue(float value);
    [[nodiscard]] float getValue() const { return m_value; }
    void setFillColor(const sf::Color& color) { m_fill = color; }
    void draw(sf::RenderTarget& target, const Theme& theme) const override;

private:
    float m_value = 0.0F;
    sf::Color m_fill = sf::Color::Transparent; ///< transparent: the theme's accent
};

/// A one-line field for digits (the seed). Typing replaces nothing until focused.
class TextField : public Widget
{
public:
    TextField(std::string text, std::size_t maxLength,
              std::function<void(const std::string&)> onChange);

    [[nodiscard]] bool isFocusable() const override { return isVisible() && isEnabled(); }
    bool handleEvent(const sf::Event& event) override;
    void setText(std::string text) { m_text = std::move(text); }
    [[nodiscard]] const std::string& getText() const { return m_text; }
    /// Takes any printable characters (UTF-8; maxLength counts characters), not only digits.
    void setAcceptsAnyText(bool on) { m_anyText = on; }
    void draw(sf::RenderTarget& target, const Theme& theme) const override;

private:
    std::string m_text;
    std::size_t m_maxLength;
    bool m_anyText = false;
    std::function<void(const std::string&)> m_onChange;
};

/// Draws the keyboard-focus ring around `bounds`.
void drawFocusRing(sf::RenderTarget& target, const Theme& theme, const sf::FloatRect& bounds);

/// Draws a tick box (checked: filled with a drawn tick mark).
void drawTickBox(sf::RenderTarget& target, const Theme& theme, const sf::FloatRect& box,
                 bool checked);

/// Linear blend of two colours, t in 0..1.
[[nodiscard]] sf::Color mixColor(const sf::Color& a, const sf::Color& b, float t);

/// Draws a filled rectangle with an optional outline.
void drawBox(sf::RenderTarget& target, const sf::FloatRect& bounds, const sf::Color& fill,
             const sf::Color& outline = sf::Color::Transparent, float thickness = 0.0F);

} // namespace quiz::ui

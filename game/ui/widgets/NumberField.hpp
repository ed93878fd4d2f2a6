#pragma once

#include "TextBlock.hpp"
#include "Widget.hpp"

#include <functional>
#include <string>

namespace quiz::ui
{

/// The answer field of a numeric question: the typed number, a caret, the unit after the box
/// and, below it, a message (a refused character, text that is not a number). It keeps digits,
/// one decimal point or comma, a leading minus and spaces; any other character is refused and
/// reported through `onRefused` (the screen words the message), never dropped silently.
/// In Letters mode (a team's order or matching on the projector, "CABD") it keeps letters,
/// turned to capitals, spaces and commas instead.
class NumberField : public Widget
{
public:
    enum class Accepts
    {
        Number,
        Letters
    };

    NumberField(std::string unit, std::function<void(const std::string& refused)> onRefused,
                Accepts accepts = Accepts::Number);

    [[nodiscard]] bool isFocusable() const override { return isVisible() && isEnabled(); }
    /// Enter belongs to the screen (it submits).
    [[nodiscard]] bool activatesOnEnter() const override { return false; }
    bool handleEvent(const sf::Event& event) override;
    /// Types one character as the keyboard would (the screen forwards typing to the field
    /// whichever control has focus, since nothing else on a numeric question takes text).
    void type(sf::Uint32 character);
    /// Backspace: removes the last character; Ctrl+Backspace empties the field.
    void erase(bool all);
    void setText(std::string text) { m_text = std::move(text); }
    [[nodiscard]] const std::string& getText() const { return m_text; }
    /// Shown under the field with a warning sign; "" hides it.
    void setMessage(const std::string& message);
    [[nodiscard]] const std::string& getMessage() const { return m_message; }
    /// Lays out the field at (x, y) within `width` (the box, the unit beside it, the message
    /// wrapped below); returns the height used.
    float layout(float x, float y, float width, const Theme& theme);
    void draw(sf::RenderTarget& target, const Theme& theme) const override;

    static constexpr std::size_t kMaxLength = 16;

private:
    std::string m_unit;
    std::string m_text;
    std::string m_message;
    TextBlock m_messageBlock;
    sf::FloatRect m_unitBox;
    std::function<void(const std::string&)> m_onRefused;
    Accepts m_accepts = Accepts::Number;
};

} // namespace quiz::ui

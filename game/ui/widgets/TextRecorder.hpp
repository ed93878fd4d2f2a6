#pragma once

#include <SFML/Graphics/Rect.hpp>

#include <string>
#include <vector>

namespace sf
{
class RenderTarget;
class Text;
} // namespace sf

namespace quiz::ui
{

/// One text as it was drawn, in the target's pixels.
struct DrawnText
{
    std::string text;     ///< UTF-8
    sf::FloatRect bounds; ///< the glyphs' bounds
    /// Where the text belongs: every TextBox open when it was drawn, intersected (the whole
    /// target when none was open).
    sf::FloatRect box;
    /// The part of the target its view drew into: a scroll area's viewport, or the target.
    sf::FloatRect clip;
    int layer = 0; ///< the TextLayer it was drawn in (one per screen drawn), counted from 1
};

/// For the render tests' layout check: while one exists, every text drawn with drawText() is
/// recorded with the box it belongs in. The game never makes one, so drawing records nothing.
/// One at a time (drawing is single-threaded).
class TextRecorder
{
public:
    TextRecorder();
    ~TextRecorder();
    TextRecorder(const TextRecorder&) = delete;
    TextRecorder& operator=(const TextRecorder&) = delete;

    [[nodiscard]] const std::vector<DrawnText>& getTexts() const { return m_texts; }
    void clear();

private:
    friend void recordText(const sf::RenderTarget& target, const sf::Text& text);
    friend void recordLayer();
    friend class TextBox;
    std::vector<DrawnText> m_texts;
    std::vector<sf::FloatRect> m_boxes;
    int m_layer = 0;
};

/// Declares, while it lives, that text drawn on `target` belongs inside `box` (the target's
/// current view coordinates, as the widget's bounds are): a button's face, a tick box row.
/// Costs nothing unless a TextRecorder exists.
class TextBox
{
public:
    TextBox(const sf::RenderTarget& target, const sf::FloatRect& box);
    ~TextBox();
    TextBox(const TextBox&) = delete;
    TextBox& operator=(const TextBox&) = delete;

private:
    bool m_open = false;
};

/// Called by drawText(): records `text` when a TextRecorder exists.
void recordText(const sf::RenderTarget& target, const sf::Text& text);
/// Called when a TextLayer opens: the texts that follow belong to the next layer.
void recordLayer();

} // namespace quiz::ui

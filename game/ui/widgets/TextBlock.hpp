#pragma once

#include "Widget.hpp"
#include "core/pack/RichText.hpp"

#include <SFML/Graphics/Color.hpp>
#include <SFML/Graphics/Text.hpp>
#include <SFML/Graphics/View.hpp>

#include <vector>

namespace quiz::ui
{

/// The base look of a block of text; runs add bold/italic/sub/sup on top.
struct TextStyle
{
    float size = 20.0F; ///< pixels
    sf::Color color = sf::Color::White;
    bool bold = false;
    bool italic = false;
    float lineSpacing = 1.35F; ///< line height as a multiple of size
};

/// Lays out quiz::core::RichText: bold, italic, sub, sup, line breaks, links as "text
/// (address)" (never opened), and word wrap at any width (a word longer than the line is
/// broken between characters). Layout is cached until the text, style or width changes.
class TextBlock : public Widget
{
public:
    TextBlock() = default;
    TextBlock(core::RichText text, const TextStyle& style);

    void setText(core::RichText text);
    void setStyle(const TextStyle& style);
    void setColor(const sf::Color& color);
    [[nodiscard]] const core::RichText& getText() const { return m_text; }
    /// Lays the text out for `width` pixels and returns the height it takes.
    float layout(float width, const Theme& theme);
    /// Width of the widest line after layout().
    [[nodiscard]] float getLayoutWidth() const { return m_usedWidth; }
    [[nodiscard]] float getLayoutHeight() const { return m_height; }
    [[nodiscard]] std::size_t getLineCount() const { return m_lineCount; }
    /// Places the laid-out text with its top-left corner at `position`.
    void setPosition(float x, float y);
    void draw(sf::RenderTarget& target, const Theme& theme) const override;

private:
    core::RichText m_text;
    TextStyle m_style;
    std::vector<sf::Text> m_fragments;
    std::vector<sf::Vector2f> m_offsets;
    float m_width = -1.0F;
    float m_height = 0.0F;
    float m_usedWidth = 0.0F;
    std::size_t m_lineCount = 0;
    unsigned m_themeRevision = 0;
    bool m_dirty = true;
};

/// While a TextLayer is open, text drawn with drawText() on its target is queued and drawn
/// when the layer closes: after the boxes, grouped by clip view and glyph texture. Switching
/// between untextured boxes and glyph textures for every widget is what costs most per frame
/// in software OpenGL. Only one layer is open at a time (drawing is single-threaded).
class TextLayer
{
public:
    explicit TextLayer(sf::RenderTarget& target);
    ~TextLayer();
    TextLayer(const TextLayer&) = delete;
    TextLayer& operator=(const TextLayer&) = delete;

    void add(const sf::Text& text);
    [[nodiscard]] sf::RenderTarget& getTarget() const { return m_target; }

private:
    struct Entry
    {
        sf::Text text;
        std::size_t view;
    };
    sf::RenderTarget& m_target;
    std::vector<Entry> m_entries;
    std::vector<sf::View> m_views;
    TextLayer* m_outer;
};

/// Draws `text` now, or queues it when a TextLayer is open on `target`.
void drawText(sf::RenderTarget& target, const sf::Text& text);

/// Measures one line of plain UTF-8 text (no wrapping) in pixels.
[[nodiscard]] float measureText(const sf::Font& font, const std::string& utf8, float size);

/// Makes an sf::Text from UTF-8 (sf::Text itself takes Latin-1 from a std::string).
[[nodiscard]] sf::Text makeText(const std::string& utf8, const sf::Font& font, float size,
                                const sf::Color& color);

} // namespace quiz::ui

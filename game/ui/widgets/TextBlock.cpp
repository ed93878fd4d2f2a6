#include "TextBlock.hpp"

#include "TextRecorder.hpp"
#include "core/util/Spaces.hpp"
#include "ui/Theme.hpp"

#include <SFML/Graphics/RenderTarget.hpp>

#include <algorithm>
#include <cmath>
#include <functional>

namespace quiz::ui
{
namespace
{

unsigned pixelSize(float size)
{
    return static_cast<unsigned>(std::max(6.0F, std::round(size)));
}

/// UTF-8 to what SFML draws, every Unicode space as a plain space: fonts without U+00A0 and
/// friends draw a box or a dot for them, and "1.5 x control" with dots reads "1.5. x. control".
sf::String displayString(const std::string& utf8)
{
    sf::String text = sf::String::fromUtf8(utf8.begin(), utf8.end());
    for (std::size_t i = 0; i < text.getSize(); ++i)
    {
        if (core::isUnicodeSpace(static_cast<char32_t>(text[i])))
            text[i] = ' ';
    }
    return text;
}

float advanceOf(const sf::Font& font, const sf::String& text, unsigned size)
{
    float width = 0.0F;
    sf::Uint32 previous = 0;
    for (std::size_t i = 0; i < text.getSize(); ++i)
    {
        const sf::Uint32 c = text[i];
        if (previous != 0)
            width += font.getKerning(previous, c, size);
        width += font.getGlyph(c, size, false).advance;
        previous = c;
    }
    return width;
}

/// Builds lines of styled fragments; one fragment per run piece per line.
class LineBuilder
{
public:
    LineBuilder(const Theme& theme, const TextStyle& style, float width,
                std::vector<sf::Text>& fragments, std::vector<sf::Vector2f>& offsets)
        : m_theme(theme), m_style(style), m_width(std::max(width, 10.0F)), m_fragments(fragments),
          m_offsets(offsets), m_lineHeight(style.size * style.lineSpacing)
    {
    }

    void addRun(const core::TextRun& run)
    {
        if (run.lineBreak)
        {
            newLine();
            return;
        }
        const bool bold = m_style.bold || run.bold;
        const bool italic = m_style.italic || run.italic;
        const sf::Font& font = m_theme.fonts().get(bold, italic);
        const float scale = run.script == core::Script::Normal ? 1.0F : 0.72F;
        const unsigned size = pixelSize(m_style.size * scale);
        // Baselines line up: smaller text starts lower, then sub/sup shift it.
        float dy = m_style.size * (1.0F - scale);
        if (run.script == core::Script::Sub)
            dy += m_style.size * 0.16F;
        else if (run.script == core::Script::Super)
            dy -= m_style.size * 0.30F;

        const sf::String text = displayString(run.text);
        const float spaceWidth = advanceOf(font, sf::String(" "), size);
        std::size_t i = 0;
        while (i < text.getSize())
        {
            if (text[i] == '\n')
            {
                // A newline in plain text (status lines, notices) breaks the line like <br/>;
                // left in a fragment, sf::Text would draw the next line over the one below.
                flushPiece();
                newLine();
                ++i;
                continue;
            }
            if (text[i] == ' ')
            {
                // Spaces never start a line; they are kept as a pending gap.
                if (m_x > 0.0F || !m_piece.isEmpty())
                    m_pendingSpace = true;
                ++i;
                continue;
            }
            std::size_t end = i;
            while (end < text.getSize() && text[end] != ' ' && text[end] != '\n')
                ++end;
            placeWord(text.substring(i, end - i), font, size, dy, spaceWidth);
            i = end;
        }
        flushPiece();
    }

    float finish(float& usedWidth, std::size_t& lineCount)
    {
        flushPiece();
        usedWidth = m_usedWidth;
        lineCount = m_lines;
        return m_empty ? 0.0F : m_y + m_lineHeight;
    }

private:
    void placeWord(const sf::String& word, const sf::Font& font, unsigned size, float dy,
                   float spaceWidth)
    {
        const float gap = m_pendingSpace ? spaceWidth : 0.0F;
        const float wordWidth = advanceOf(font, word, size);
        if (m_x + pieceWidth(font, size) + gap + wordWidth > m_width && !atLineStart())
        {
            newLine();
        }
        else if (m_pendingSpace)
        {
            if (m_piece.isEmpty())
                m_x += gap;
            else
                m_piece += ' ';
        }
        m_pendingSpace = false;
        if (m_piece.isEmpty())
            startPiece(font, size, dy);
        if (wordWidth <= m_width - m_x - pieceWidth(font, size))
        {
            m_piece += word;
            m_empty = false;
            return;
        }
        // Longer than a whole line: break it between characters.
        for (std::size_t i = 0; i < word.getSize(); ++i)
        {
            const sf::String one = word.substring(i, 1);
            const float w = advanceOf(font, one, size);
            if (m_x + pieceWidth(font, size) + w > m_width && !atLineStart())
            {
                newLine();
                startPiece(font, size, dy);
            }
            m_piece += one;
            m_empty = false;
        }
    }

    [[nodiscard]] bool atLineStart() const { return m_x <= 0.0F && m_piece.isEmpty(); }

    float pieceWidth(const sf::Font& font, unsigned size) const
    {
        return m_piece.isEmpty() ? 0.0F : advanceOf(font, m_piece, size);
    }

    void startPiece(const sf::Font& font, unsigned size, float dy)
    {
        m_font = &font;
        m_size = size;
        m_dy = dy;
    }

    void flushPiece()
    {
        if (m_piece.isEmpty())
            return;
        sf::Text text(m_piece, *m_font, m_size);
        text.setFillColor(m_style.color);
        m_fragments.push_back(text);
        m_offsets.push_back({m_x, m_y + m_dy});
        m_x += advanceOf(*m_font, m_piece, m_size);
        m_usedWidth = std::max(m_usedWidth, m_x);
        m_piece.clear();
    }

    void newLine()
    {
        flushPiece();
        m_x = 0.0F;
        m_y += m_lineHeight;
        m_pendingSpace = false;
        ++m_lines;
    }

    const Theme& m_theme;
    const TextStyle& m_style;
    float m_width;
    std::vector<sf::Text>& m_fragments;
    std::vector<sf::Vector2f>& m_offsets;
    float m_lineHeight;
    float m_x = 0.0F;
    float m_y = 0.0F;
    float m_usedWidth = 0.0F;
    std::size_t m_lines = 1;
    bool m_pendingSpace = false;
    bool m_empty = true;
    sf::String m_piece;
    const sf::Font* m_font = nullptr;
    unsigned m_size = 12;
    float m_dy = 0.0F;
};

} // namespace

TextBlock::TextBlock(core::RichText text, const TextStyle& style)
    : m_text(std::move(text)), m_style(style)
{
}

void TextBlock::setText(core::RichText text)
{
    if (text != m_text)
    {
        m_text = std::move(text);
        m_dirty = true;
    }
}

void TextBlock::setStyle(const TextStyle& style)
{
    m_style = style;
    m_dirty = true;
}

void TextBlock::setColor(const sf::Color& color)
{
    m_style.color = color;
    for (sf::Text& text : m_fragments)
        text.setFillColor(color);
}

float TextBlock::layout(float width, const Theme& theme)
{
    if (!m_dirty && width == m_width && theme.getRevision() == m_themeRevision)
        return m_height;
    m_fragments.clear();
    m_offsets.clear();
    LineBuilder builder(theme, m_style, width, m_fragments, m_offsets);
    // A link is text with its address after it; nothing here can open it.
    for (const core::TextRun& run : core::withLinkAddresses(m_text).runs)
        builder.addRun(run);
    m_height = builder.finish(m_usedWidth, m_lineCount);
    m_width = width;
    m_themeRevision = theme.getRevision();
    m_dirty = false;
    const sf::FloatRect bounds = getBounds();
    setBounds({bounds.left, bounds.top, width, m_height});
    setPosition(bounds.left, bounds.top);
    return m_height;
}

void TextBlock::setPosition(float x, float y)
{
    setBounds({x, y, m_width, m_height});
    for (std::size_t i = 0; i < m_fragments.size(); ++i)
        m_fragments[i].setPosition(std::round(x + m_offsets[i].x), std::round(y + m_offsets[i].y));
}

void TextBlock::draw(sf::RenderTarget& target, const Theme& /*theme*/) const
{
    if (!isVisible())
        return;
    const TextBox box(target, getBounds());
    for (const sf::Text& text : m_fragments)
        drawText(target, text);
}

namespace
{
TextLayer* g_openLayer = nullptr;

bool sameView(const sf::View& a, const sf::View& b)
{
    return a.getCenter() == b.getCenter() && a.getSize() == b.getSize() &&
           a.getViewport() == b.getViewport() && a.getRotation() == b.getRotation();
}
} // namespace

TextLayer::TextLayer(sf::RenderTarget& target) : m_target(target), m_outer(g_openLayer)
{
    g_openLayer = this;
    recordLayer();
}

TextLayer::~TextLayer()
{
    g_openLayer = m_outer;
    // Text never overlaps other text, so regrouping it cannot change the picture.
    std::stable_sort(m_entries.begin(), m_entries.end(),
                     [](const Entry& a, const Entry& b)
                     {
                         if (a.view != b.view)
                             return a.view < b.view;
                         const auto* fa = a.text.getFont();
                         const auto* fb = b.text.getFont();
                         if (fa != fb)
                             return std::less<const sf::Font*>()(fa, fb);
                         return a.text.getCharacterSize() < b.text.getCharacterSize();
                     });
    const sf::View saved = m_target.getView();
    std::size_t current = m_views.size();
    for (const Entry& entry : m_entries)
    {
        if (entry.view != current)
        {
            m_target.setView(m_views[entry.view]);
            current = entry.view;
        }
        m_target.draw(entry.text);
    }
    m_target.setView(saved);
}

void TextLayer::add(const sf::Text& text)
{
    const sf::View& view = m_target.getView();
    std::size_t index = m_views.size();
    for (std::size_t i = 0; i < m_views.size(); ++i)
    {
        if (sameView(m_views[i], view))
            index = i;
    }
    if (index == m_views.size())
        m_views.push_back(view);
    m_entries.push_back({text, index});
}

void drawText(sf::RenderTarget& target, const sf::Text& text)
{
    recordText(target, text);
    if (g_openLayer != nullptr && &g_openLayer->getTarget() == &target)
        g_openLayer->add(text);
    else
        target.draw(text);
}

float measureText(const sf::Font& font, const std::string& utf8, float size)
{
    return advanceOf(font, displayString(utf8), pixelSize(size));
}

sf::Text makeText(const std::string& utf8, const sf::Font& font, float size, const sf::Color& color)
{
    sf::Text text(displayString(utf8), font, pixelSize(size));
    text.setFillColor(color);
    return text;
}

} // namespace quiz::ui

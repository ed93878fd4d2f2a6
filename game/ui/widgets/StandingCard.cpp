#include "StandingCard.hpp"

#include "ui/Theme.hpp"

#include <SFML/Graphics/RenderTarget.hpp>

#include <algorithm>
#include <cmath>

namespace quiz::ui
{
namespace
{

float figureValueSize(const Theme& theme)
{
    return theme.textSize(34.0F);
}

float titleSize(const Theme& theme)
{
    return theme.textSize(23.0F);
}

void drawString(sf::RenderTarget& target, const Theme& theme, const std::string& utf8,
                sf::Vector2f at, float size, const sf::Color& color, bool bold)
{
    sf::Text text = makeText(utf8, bold ? theme.fonts().bold : theme.fonts().regular, size, color);
    text.setPosition(std::round(at.x), std::round(at.y));
    drawText(target, text);
}

} // namespace

void StandingCard::setContent(std::string title, std::vector<Figure> figures, std::string barsTitle,
                              std::vector<Bar> bars, std::string note)
{
    m_title = std::move(title);
    m_figures = std::move(figures);
    m_barsTitle = std::move(barsTitle);
    m_bars = std::move(bars);
    m_note = std::move(note);
}

float StandingCard::layout(float x, float y, float width, const Theme& theme)
{
    const Palette& c = theme.colors();
    const float pad = theme.px(22.0F);
    const float inner = width - 2.0F * pad;
    float cursor = y + pad;
    m_titlePos = {x + pad, cursor};
    cursor += titleSize(theme) * 1.5F;

    // Figures side by side; a caption that does not fit its box wraps and every box grows to
    // the tallest.
    m_figureBoxes.assign(m_figures.size(), {});
    const float gap = theme.px(12.0F);
    const float count = static_cast<float>(std::max<std::size_t>(1, m_figures.size()));
    const float boxWidth = (inner - gap * (count - 1.0F)) / count;
    const float boxPad = theme.px(12.0F);
    float captionHeight = 0.0F;
    TextStyle caption;
    caption.size = theme.smallSize();
    caption.color = c.muted;
    caption.lineSpacing = 1.25F;
    for (std::size_t i = 0; i < m_figures.size(); ++i)
    {
        m_figureBoxes[i].caption.setStyle(caption);
        m_figureBoxes[i].caption.setText(core::RichText::fromPlain(m_figures[i].caption));
        captionHeight = std::max(captionHeight,
                                 m_figureBoxes[i].caption.layout(boxWidth - 2.0F * boxPad, theme));
    }
    const float valueHeight = figureValueSize(theme) * 1.25F;
    const float boxHeight = 2.0F * boxPad + valueHeight + captionHeight;
    for (std::size_t i = 0; i < m_figureBoxes.size(); ++i)
    {
        FigureBox& figure = m_figureBoxes[i];
        const float left = x + pad + static_cast<float>(i) * (boxWidth + gap);
        figure.box = {left, cursor, boxWidth, boxHeight};
        const float natural = figureValueSize(theme);
        const float wide = measureText(theme.fonts().bold, m_figures[i].value, natural);
        const float room = boxWidth - 2.0F * boxPad;
        figure.valueSize = wide > room ? std::floor(natural * room / wide) : natural;
        figure.valuePos = {left + boxPad,
                           cursor + boxPad * 0.7F + (natural - figure.valueSize) * 0.8F};
        figure.caption.setPosition(left + boxPad, cursor + boxPad + valueHeight);
    }
    if (!m_figureBoxes.empty())
        cursor += boxHeight + theme.px(22.0F);

    m_barsTitlePos = {x + pad, cursor};
    if (!m_barsTitle.empty())
        cursor += theme.bodySize() * 1.5F;
    m_barRows.assign(m_bars.size(), {});
    TextStyle label;
    label.size = theme.smallSize();
    label.color = c.text;
    label.lineSpacing = 1.25F;
    for (std::size_t i = 0; i < m_bars.size(); ++i)
    {
        BarRow& row = m_barRows[i];
        const float valueWidth =
            measureText(theme.fonts().bold, m_bars[i].valueText, theme.smallSize());
        row.label.setStyle(label);
        row.label.setText(core::RichText::fromPlain(m_bars[i].label));
        const float height = row.label.layout(inner - valueWidth - theme.px(16.0F), theme);
        row.label.setPosition(x + pad, cursor);
        row.valuePos = {x + pad + inner - valueWidth, cursor};
        cursor += std::max(height, theme.smallSize() * 1.25F) + theme.px(6.0F);
        row.bar.setValue(m_bars[i].value);
        row.bar.setBounds({x + pad, cursor, inner, theme.px(12.0F)});
        cursor += theme.px(12.0F) + theme.px(16.0F);
    }
    if (!m_note.empty())
    {
        TextStyle note;
        note.size = theme.smallSize();
        note.color = c.muted;
        m_noteBlock.setStyle(note);
        m_noteBlock.setText(core::RichText::fromPlain(m_note));
        cursor += m_noteBlock.layout(inner, theme);
        m_noteBlock.setPosition(x + pad, cursor - m_noteBlock.getLayoutHeight());
        cursor += theme.px(6.0F);
    }
    const float height = cursor - y + pad - theme.px(10.0F);
    setBounds({x, y, width, height});
    return height;
}

void StandingCard::draw(sf::RenderTarget& target, const Theme& theme) const
{
    if (!isVisible())
        return;
    const Palette& c = theme.colors();
    drawBox(target, getBounds(), c.panel, c.border, theme.borderWidth());
    drawString(target, theme, m_title, m_titlePos, titleSize(theme), c.text, true);
    for (std::size_t i = 0; i < m_figureBoxes.size(); ++i)
    {
        const FigureBox& figure = m_figureBoxes[i];
        drawBox(target, figure.box, c.background, c.border, 1.0F);
        drawString(target, theme, m_figures[i].value, figure.valuePos, figure.valueSize, c.text,
                   true);
        figure.caption.draw(target, theme);
    }
    if (!m_barsTitle.empty())
        drawString(target, theme, m_barsTitle, m_barsTitlePos, theme.bodySize(), c.text, true);
    for (std::size_t i = 0; i < m_barRows.size(); ++i)
    {
        const BarRow& row = m_barRows[i];
        row.label.draw(target, theme);
        // The track, so the bar's length reads against the whole; the value is in words too.
        const sf::FloatRect track = row.bar.getBounds();
        drawBox(target, track, c.background, c.border, 1.0F);
        drawBox(target, {track.left, track.top, track.width * row.bar.getValue(), track.height},
                c.accent);
        drawString(target, theme, m_bars[i].valueText, row.valuePos, theme.smallSize(), c.text,
                   true);
    }
    if (!m_note.empty())
        m_noteBlock.draw(target, theme);
}

} // namespace quiz::ui

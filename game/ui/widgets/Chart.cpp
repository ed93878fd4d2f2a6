#include "Chart.hpp"

#include "Button.hpp"
#include "TextBlock.hpp"
#include "ui/Theme.hpp"
#include "ui/screens/ScreenKit.hpp"

#include <SFML/Graphics/RectangleShape.hpp>
#include <SFML/Graphics/RenderTarget.hpp>

#include <algorithm>
#include <cmath>

namespace quiz::ui
{
namespace
{

/// A straight segment `thickness` pixels wide (SFML lines are always one pixel).
void drawSegment(sf::RenderTarget& target, sf::Vector2f from, sf::Vector2f to, float thickness,
                 const sf::Color& color)
{
    const sf::Vector2f delta = to - from;
    const float length = std::sqrt(delta.x * delta.x + delta.y * delta.y);
    sf::RectangleShape line({length, thickness});
    line.setOrigin(0.0F, thickness / 2.0F);
    line.setPosition(from);
    line.setRotation(std::atan2(delta.y, delta.x) * 180.0F / 3.14159265F);
    line.setFillColor(color);
    target.draw(line);
}

/// The plot area inside `bounds`, leaving room for value labels at the left and dates below.
sf::FloatRect plotArea(const sf::FloatRect& bounds, const Theme& theme, float leftRoom)
{
    const float bottomRoom = theme.smallSize() * 1.6F;
    const float topRoom = theme.smallSize() * 1.3F;
    return {bounds.left + leftRoom, bounds.top + topRoom,
            std::max(1.0F, bounds.width - leftRoom - theme.px(8.0F)),
            std::max(1.0F, bounds.height - topRoom - bottomRoom)};
}

/// Room at the left of both charts for the value axis ("100%"), so their plots, and the days
/// in them, line up when one chart is drawn above the other.
float axisRoom(const Theme& theme)
{
    return measureText(theme.fonts().regular, "100%", theme.smallSize()) + theme.px(8.0F);
}

/// The centre x of day `i` of `count`: both charts put a day in the middle of its slot.
float slotCentre(const sf::FloatRect& plot, std::size_t i, std::size_t count)
{
    const float slot = plot.width / static_cast<float>(std::max<std::size_t>(1, count));
    return plot.left + slot * (static_cast<float>(i) + 0.5F);
}

/// The first and last labels centred under the first and last day (kept inside the plot).
void drawAxisLabels(sf::RenderTarget& target, const Theme& theme, const sf::FloatRect& plot,
                    std::size_t count, const std::string& first, const std::string& last)
{
    const float y = plot.top + plot.height + theme.px(4.0F);
    const auto under = [&](const std::string& label, std::size_t i)
    {
        const float width = measureText(theme.fonts().regular, label, theme.smallSize());
        const float x = std::clamp(slotCentre(plot, i, count) - width / 2.0F, plot.left,
                                   plot.left + plot.width - width);
        drawLabel(target, theme, label, x, y, theme.smallSize(), theme.colors().muted);
    };
    under(first, 0);
    if (!last.empty() && last != first && count > 1)
        under(last, count - 1);
}

} // namespace

void LineChart::setValues(std::vector<float> values, std::string firstLabel, std::string lastLabel)
{
    m_values = std::move(values);
    m_firstLabel = std::move(firstLabel);
    m_lastLabel = std::move(lastLabel);
}

void LineChart::draw(sf::RenderTarget& target, const Theme& theme) const
{
    const Palette& c = theme.colors();
    const float small = theme.smallSize();
    const sf::FloatRect plot = plotArea(getBounds(), theme, axisRoom(theme));
    drawBox(target, plot, c.panel, c.border, 1.0F);
    for (int step = 0; step <= 2; ++step)
    {
        const float y = plot.top + plot.height * (1.0F - static_cast<float>(step) / 2.0F);
        drawBox(target, {plot.left, y, plot.width, 1.0F}, c.border);
        const std::string label = std::to_string(step * 50) + "%";
        const float width = measureText(theme.fonts().regular, label, small);
        drawLabel(target, theme, label, plot.left - width - theme.px(6.0F), y - small * 0.65F,
                  small, c.muted);
    }
    if (m_values.empty())
        return;
    const auto pointAt = [&](std::size_t i)
    {
        const float value = std::clamp(m_values[i], 0.0F, 1.0F);
        return sf::Vector2f(slotCentre(plot, i, m_values.size()),
                            plot.top + (1.0F - value) * plot.height);
    };
    const float thickness = theme.isHighContrast() ? theme.px(4.0F) : theme.px(3.0F);
    for (std::size_t i = 1; i < m_values.size(); ++i)
        drawSegment(target, pointAt(i - 1), pointAt(i), thickness, c.accent);
    const float marker = theme.px(9.0F);
    for (std::size_t i = 0; i < m_values.size(); ++i)
    {
        const sf::Vector2f p = pointAt(i);
        drawBox(target, {p.x - marker / 2.0F, p.y - marker / 2.0F, marker, marker}, c.text,
                c.background, 1.0F);
    }
    const sf::Vector2f last = pointAt(m_values.size() - 1);
    const std::string value =
        std::to_string(static_cast<int>(std::lround(m_values.back() * 100.0F))) + "%";
    const float width = measureText(theme.fonts().bold, value, small);
    const float labelY = last.y < plot.top + small * 1.5F ? last.y + marker : last.y - small * 1.5F;
    drawLabel(target, theme, value, std::min(last.x - width / 2.0F, plot.left + plot.width - width),
              labelY, small, c.text, true);
    drawAxisLabels(target, theme, plot, m_values.size(), m_firstLabel, m_lastLabel);
}

void BarChart::setValues(std::vector<long long> values, std::string firstLabel,
                         std::string lastLabel)
{
    m_values = std::move(values);
    m_firstLabel = std::move(firstLabel);
    m_lastLabel = std::move(lastLabel);
}

void BarChart::draw(sf::RenderTarget& target, const Theme& theme) const
{
    const Palette& c = theme.colors();
    const float small = theme.smallSize();
    const sf::FloatRect plot = plotArea(getBounds(), theme, axisRoom(theme));
    drawBox(target, {plot.left, plot.top + plot.height, plot.width, 2.0F}, c.border);
    if (m_values.empty())
        return;
    const long long highest = std::max(1LL, *std::max_element(m_values.begin(), m_values.end()));
    const float slot = plot.width / static_cast<float>(m_values.size());
    const float barWidth = std::max(2.0F, std::min(slot * 0.7F, theme.px(40.0F)));
    const bool labelAll = slot >= measureText(theme.fonts().bold, "00", small) + theme.px(2.0F);
    for (std::size_t i = 0; i < m_values.size(); ++i)
    {
        const long long value = m_values[i];
        const float height =
            std::max(2.0F, static_cast<float>(value) / static_cast<float>(highest) *
                               (plot.height - small * 1.4F));
        const float x = slotCentre(plot, i, m_values.size()) - barWidth / 2.0F;
        const float top = plot.top + plot.height - height;
        drawBox(target, {x, top, barWidth, height}, value > 0 ? c.critical : c.border, c.text,
                value > 0 ? 1.0F : 0.0F);
        if (value > 0 && (labelAll || value == highest))
        {
            const std::string label = std::to_string(value);
            const float width = measureText(theme.fonts().bold, label, small);
            drawLabel(target, theme, label, x + (barWidth - width) / 2.0F, top - small * 1.3F,
                      small, c.text, true);
        }
    }
    drawAxisLabels(target, theme, plot, m_values.size(), m_firstLabel, m_lastLabel);
}

} // namespace quiz::ui

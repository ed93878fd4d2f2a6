#include "ClassCharts.hpp"

#include "Button.hpp"
#include "TextBlock.hpp"
#include "ui/Theme.hpp"
#include "ui/screens/ScreenKit.hpp"

#include <SFML/Graphics/CircleShape.hpp>
#include <SFML/Graphics/RenderTarget.hpp>

#include <algorithm>
#include <cmath>

namespace quiz::ui
{
namespace
{

/// drawLabel() with the face given as a font (the charts pick faces, not flags).
void drawText(sf::RenderTarget& target, const Theme& theme, const std::string& utf8,
              const sf::Font& font, float size, const sf::Color& color, float x, float y)
{
    drawLabel(target, theme, utf8, x, y, size, color, &font == &theme.fonts().bold);
}

} // namespace

sf::Color optionMarkColor(std::size_t position)
{
    static const sf::Color colors[] = {{224, 88, 98},  {58, 134, 220},  {226, 170, 40},
                                       {70, 170, 110}, {150, 100, 210}, {230, 120, 50},
                                       {40, 170, 180}, {200, 90, 160}};
    return colors[position % 8];
}

sf::Color optionMarkFill(const Theme& theme, std::size_t position)
{
    return theme.isHighContrast() ? theme.colors().background : optionMarkColor(position);
}

sf::Color optionMarkInk(const Theme& theme, std::size_t position)
{
    const Palette& c = theme.colors();
    const sf::Color fill = optionMarkFill(theme, position);
    return contrastRatio(c.text, fill) >= contrastRatio(c.accentText, fill) ? c.text : c.accentText;
}

void drawOptionMark(sf::RenderTarget& target, const Theme& theme, std::size_t position,
                    const std::string& label, float x, float y, float size)
{
    static const std::size_t points[] = {40, 3, 4, 4, 5, 6, 8, 7};
    const std::size_t kind = position % 8;
    const float radius = size / 2.0F;
    sf::CircleShape shape(kind == 2 ? radius * 0.92F : radius, points[kind]);
    shape.setOrigin(shape.getRadius(), shape.getRadius());
    shape.setPosition(x + radius, y + radius + (kind == 1 ? radius * 0.12F : 0.0F));
    if (kind == 2)
        shape.setRotation(45.0F);
    shape.setFillColor(optionMarkFill(theme, position));
    shape.setOutlineColor(theme.colors().text);
    shape.setOutlineThickness(-std::max(1.5F, theme.px(2.0F)));
    target.draw(shape);
    const float textSize = size * (kind == 1 ? 0.36F : 0.46F);
    const sf::Font& font = theme.fonts().bold;
    const float width = measureText(font, label, textSize);
    drawText(target, theme, label, font, textSize, optionMarkInk(theme, position),
             x + radius - width / 2.0F,
             y + radius - textSize * 0.62F + (kind == 1 ? radius * 0.25F : 0.0F));
}

void drawDistribution(sf::RenderTarget& target, const Theme& theme, const sf::FloatRect& box,
                      const std::vector<std::string>& labels, const std::vector<bool>& correct,
                      const std::vector<std::size_t>& counts)
{
    const Palette& c = theme.colors();
    const std::size_t n = counts.size();
    if (n == 0)
        return;
    std::size_t total = 0;
    std::size_t most = 1;
    for (std::size_t count : counts)
    {
        total += count;
        most = std::max(most, count);
    }
    const float gap = theme.px(10.0F);
    const float rowHeight = std::min(theme.px(84.0F), (box.height - gap * static_cast<float>(n)) /
                                                          static_cast<float>(n));
    const float mark = rowHeight * 0.9F;
    const float textSize = std::min(theme.textSize(24.0F), rowHeight * 0.5F);
    const sf::Font& bold = theme.fonts().bold;
    const float numbersWidth = measureText(bold, "000 (100%)  ✓ correct", textSize);
    const float barLeft = box.left + mark + theme.px(16.0F);
    const float barRoom = std::max(theme.px(40.0F), box.width - (barLeft - box.left) -
                                                        numbersWidth - theme.px(16.0F));
    for (std::size_t i = 0; i < n; ++i)
    {
        const float y = box.top + static_cast<float>(i) * (rowHeight + gap);
        drawOptionMark(target, theme, i, i < labels.size() ? labels[i] : "", box.left,
                       y + (rowHeight - mark) / 2.0F, mark);
        const bool right = i < correct.size() && correct[i];
        const float width = std::max(theme.px(4.0F), barRoom * static_cast<float>(counts[i]) /
                                                         static_cast<float>(most));
        const sf::Color fill = theme.isHighContrast()
                                   ? (right ? c.correct : c.muted)
                                   : mixColor(optionMarkColor(i), c.panel, 0.25F);
        drawBox(target, {barLeft, y, barRoom, rowHeight}, c.panel);
        drawBox(target, {barLeft, y, width, rowHeight}, fill, right ? c.text : fill,
                right ? std::max(3.0F, theme.px(4.0F)) : 0.0F);
        const long long percent =
            total == 0
                ? 0
                : std::llround(100.0 * static_cast<double>(counts[i]) / static_cast<double>(total));
        std::string numbers = std::to_string(counts[i]) + " (" + std::to_string(percent) + "%)";
        if (right)
            numbers += "  ✓ correct";
        drawText(target, theme, numbers, bold, textSize, right ? c.correct : c.text,
                 barLeft + barRoom + theme.px(16.0F), y + (rowHeight - textSize * 1.25F) / 2.0F);
    }
}

void drawNumericDistribution(sf::RenderTarget& target, const Theme& theme, const sf::FloatRect& box,
                             const std::vector<core::AnswerGroup>& groups)
{
    const Palette& c = theme.colors();
    const std::size_t n = groups.size();
    if (n == 0)
        return;
    std::size_t total = 0;
    std::size_t most = 1;
    for (const core::AnswerGroup& group : groups)
    {
        total += group.count;
        most = std::max(most, group.count);
    }
    const float gap = theme.px(10.0F);
    const float rowHeight = std::min(theme.px(96.0F), (box.height - gap * static_cast<float>(n)) /
                                                          static_cast<float>(n));
    const float labelSize = std::min(theme.smallSize(), rowHeight * 0.3F);
    const float labelHeight = labelSize * 1.35F;
    const float barHeight = std::max(theme.px(6.0F), rowHeight - labelHeight - theme.px(4.0F));
    const float textSize = std::min(theme.textSize(22.0F), barHeight * 0.7F);
    const sf::Font& bold = theme.fonts().bold;
    const float numbersWidth = measureText(bold, "000 (100%)  ⚠ critical", textSize);
    const float barRoom = std::max(theme.px(40.0F), box.width - numbersWidth - theme.px(16.0F));
    for (std::size_t i = 0; i < n; ++i)
    {
        const core::AnswerGroup& group = groups[i];
        const bool right = group.kind == core::AnswerGroup::Kind::Correct;
        const float y = box.top + static_cast<float>(i) * (rowHeight + gap);
        const core::AnswerGroup::Kind kind = group.kind;
        const std::string label =
            (right                                      ? "✓ "
             : kind == core::AnswerGroup::Kind::Partial ? "◐ "
             : kind == core::AnswerGroup::Kind::Mistake || kind == core::AnswerGroup::Kind::Wrong
                 ? "✗ "
                 : "? ") +
            group.label;
        drawText(target, theme, fitText(bold, label, labelSize, box.width), bold, labelSize, c.text,
                 box.left, y);
        const float barTop = y + labelHeight;
        const float width = std::max(theme.px(4.0F), barRoom * static_cast<float>(group.count) /
                                                         static_cast<float>(most));
        const sf::Color fill = right ? c.correct : group.critical ? c.critical : c.muted;
        drawBox(target, {box.left, barTop, barRoom, barHeight}, c.panel);
        drawBox(target, {box.left, barTop, width, barHeight}, fill, right ? c.text : fill,
                right ? std::max(2.0F, theme.px(3.0F)) : 0.0F);
        const long long percent = total == 0
                                      ? 0
                                      : std::llround(100.0 * static_cast<double>(group.count) /
                                                     static_cast<double>(total));
        std::string numbers = std::to_string(group.count) + " (" + std::to_string(percent) + "%)";
        if (right)
            numbers += "  ✓ correct";
        else if (group.critical)
            numbers += "  ⚠ critical";
        drawText(target, theme, numbers, bold, textSize, right ? c.correct : c.text,
                 box.left + barRoom + theme.px(16.0F),
                 barTop + (barHeight - textSize * 1.25F) / 2.0F);
    }
}

std::vector<StandingRow> makeStandingRows(const core::Classroom& classroom)
{
    std::vector<StandingRow> rows;
    for (const core::ClassStanding& standing : classroom.getStandings())
    {
        const core::ClassPlayer& player = classroom.getPlayers()[standing.player];
        StandingRow row;
        row.rank = standing.rank;
        row.name = player.nickname + (player.connected ? "" : " (away)");
        row.score = player.score;
        row.correct = player.correctCount;
        rows.push_back(row);
    }
    return rows;
}

void drawStandings(sf::RenderTarget& target, const Theme& theme, const sf::FloatRect& box,
                   const std::vector<StandingRow>& rows)
{
    const Palette& c = theme.colors();
    const float size = theme.textSize(24.0F);
    const float rowHeight = std::max(theme.px(48.0F), size * 1.9F);
    const sf::Font& bold = theme.fonts().bold;
    const sf::Font& regular = theme.fonts().regular;
    // The score and correct columns are as wide as their widest entry, from the right edge,
    // so large text in a narrow box never runs one number into the next.
    const float correctWidth = std::max(measureText(regular, "Correct", theme.smallSize()),
                                        measureText(regular, "000", size));
    const float scoreWidth = std::max(measureText(regular, "Score", theme.smallSize()),
                                      measureText(bold, "000000", size));
    const float correctX = std::min(box.left + box.width * 0.80F,
                                    box.left + box.width - theme.px(12.0F) - correctWidth);
    const float scoreX =
        std::min(box.left + box.width * 0.62F, correctX - theme.px(16.0F) - scoreWidth);
    drawText(target, theme, "Place", regular, theme.smallSize(), c.muted,
             box.left + theme.px(12.0F), box.top);
    drawText(target, theme, "Score", regular, theme.smallSize(), c.muted, scoreX, box.top);
    drawText(target, theme, "Correct", regular, theme.smallSize(), c.muted, correctX, box.top);
    float y = box.top + theme.smallSize() * 1.6F;
    const std::size_t room = static_cast<std::size_t>(
        std::max(1.0F, (box.top + box.height - y) / (rowHeight + theme.px(4.0F))));
    const std::size_t shown = rows.size() > room ? room - 1 : rows.size();
    for (std::size_t i = 0; i < shown; ++i)
    {
        const StandingRow& row = rows[i];
        drawBox(target, {box.left, y, box.width, rowHeight}, i % 2 ? c.background : c.panel,
                row.highlighted ? c.focus : sf::Color::Transparent,
                row.highlighted ? std::max(2.0F, theme.px(3.0F)) : 0.0F);
        const float textY = y + (rowHeight - size * 1.25F) / 2.0F;
        drawText(target, theme, std::to_string(row.rank) + ".", bold, size, c.text,
                 box.left + theme.px(12.0F), textY);
        const float nameX = box.left + theme.px(12.0F) + measureText(bold, "000. ", size);
        drawText(target, theme, fitText(regular, row.name, size, scoreX - nameX - theme.px(12.0F)),
                 regular, size, c.text, nameX, textY);
        drawText(target, theme, std::to_string(row.score), bold, size, c.text, scoreX, textY);
        drawText(target, theme, std::to_string(row.correct), regular, size, c.text, correctX,
                 textY);
        y += rowHeight + theme.px(4.0F);
    }
    if (shown < rows.size())
        drawText(target, theme, "… and " + std::to_string(rows.size() - shown) + " more", regular,
                 theme.smallSize(), c.muted, box.left + theme.px(12.0F), y + theme.px(6.0F));
}

void drawPodium(sf::RenderTarget& target, const Theme& theme, const sf::FloatRect& box,
                const std::vector<StandingRow>& rows)
{
    const Palette& c = theme.colors();
    const float stepWidth = box.width / 3.0F;
    const float nameSize = theme.textSize(26.0F);
    // One step per place 1, 2 and 3 (from the ranks): tied teams share a step, so they stand
    // at the same height under the same place, and none of them is left out.
    std::vector<const StandingRow*> byRank[3];
    std::size_t lines = 1;
    for (const StandingRow& row : rows)
    {
        if (row.rank >= 1 && row.rank <= 3)
        {
            byRank[row.rank - 1].push_back(&row);
            lines = std::max(lines, byRank[row.rank - 1].size());
        }
    }
    constexpr std::size_t kMostNames = 4; // a fifth line says "+N more"
    lines = std::min(lines, kMostNames + 1);
    const float lineHeight = nameSize * 1.3F;
    const float reserve = static_cast<float>(lines) * lineHeight + theme.bodySize() * 1.8F;
    // Where each place stands (2nd, 1st, 3rd from the left) and how tall its step is.
    const std::size_t slotOf[] = {1, 0, 2};
    const float heights[] = {1.0F, 0.73F, 0.53F};
    const char* places[] = {"1st", "2nd", "3rd"};
    for (std::size_t place = 0; place < 3; ++place)
    {
        const std::vector<const StandingRow*>& names = byRank[place];
        if (names.empty())
            continue;
        const std::size_t slot = slotOf[place];
        const float height = (box.height - reserve) * heights[place];
        const float x = box.left + static_cast<float>(slot) * stepWidth + theme.px(8.0F);
        const float width = stepWidth - theme.px(16.0F);
        const float top = box.top + box.height - height;
        drawBox(target, {x, top, width, height}, place == 0 ? c.accent : c.panel, c.border,
                theme.borderWidth());
        const float placeSize = theme.textSize(place == 0 ? 56.0F : 44.0F);
        const float placeWidth = measureText(theme.fonts().bold, places[place], placeSize);
        drawText(target, theme, places[place], theme.fonts().bold, placeSize,
                 place == 0 ? c.accentText : c.text, x + (width - placeWidth) / 2.0F,
                 top + theme.px(14.0F));
        const std::size_t shown = names.size() > kMostNames + 1 ? kMostNames : names.size();
        const std::size_t count = shown + (shown < names.size() ? 1 : 0);
        float y = top - theme.bodySize() * 1.6F - static_cast<float>(count) * lineHeight;
        for (std::size_t i = 0; i < count; ++i)
        {
            const std::string label =
                i < shown ? names[i]->name : "+" + std::to_string(names.size() - shown) + " more";
            const std::string name = fitText(theme.fonts().bold, label, nameSize, width);
            const float nameWidth = measureText(theme.fonts().bold, name, nameSize);
            drawText(target, theme, name, theme.fonts().bold, nameSize, c.text,
                     x + (width - nameWidth) / 2.0F, y);
            y += lineHeight;
        }
        const std::string score =
            std::to_string(names.front()->score) + " points" + (names.size() > 1 ? " each" : "");
        const float scoreWidth = measureText(theme.fonts().regular, score, theme.bodySize());
        drawText(target, theme, score, theme.fonts().regular, theme.bodySize(), c.muted,
                 x + (width - scoreWidth) / 2.0F, y + theme.px(2.0F));
    }
}

} // namespace quiz::ui

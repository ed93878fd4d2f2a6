#include "LayoutCheck.hpp"

#include <algorithm>
#include <sstream>

namespace quiz::test
{
namespace
{

std::string describe(const ui::DrawnText& text)
{
    std::string shown = text.text.size() > 48 ? text.text.substr(0, 45) + "..." : text.text;
    std::replace(shown.begin(), shown.end(), '\n', ' ');
    std::ostringstream out;
    out << '"' << shown << "\" at (" << text.bounds.left << ", " << text.bounds.top << ", "
        << text.bounds.width << " x " << text.bounds.height << ")";
    return out.str();
}

std::string rect(const sf::FloatRect& r)
{
    std::ostringstream out;
    out << "(" << r.left << ", " << r.top << ", " << r.width << " x " << r.height << ")";
    return out.str();
}

bool inside(const sf::FloatRect& inner, const sf::FloatRect& outer, float tolerance,
            bool vertically)
{
    const bool across = inner.left >= outer.left - tolerance &&
                        inner.left + inner.width <= outer.left + outer.width + tolerance;
    const bool down = inner.top >= outer.top - tolerance &&
                      inner.top + inner.height <= outer.top + outer.height + tolerance;
    return across && (!vertically || down);
}

/// The part of `text` its clip shows, or nothing when it is scrolled out of sight.
bool visiblePart(const ui::DrawnText& text, sf::FloatRect& part)
{
    if (text.bounds.width <= 0.0F || text.bounds.height <= 0.0F)
        return false;
    // Only rows are cut: a text off a side is still "seen", so that it is reported.
    sf::FloatRect rows;
    if (!text.bounds.intersects(
            {text.bounds.left, text.clip.top, text.bounds.width, text.clip.height}, rows))
        return false;
    part = rows;
    return true;
}

} // namespace

std::string layoutProblems(const std::vector<ui::DrawnText>& texts, float tolerance)
{
    std::ostringstream out;
    std::vector<sf::FloatRect> parts(texts.size());
    std::vector<bool> seen(texts.size(), false);
    for (std::size_t i = 0; i < texts.size(); ++i)
    {
        const ui::DrawnText& text = texts[i];
        seen[i] = visiblePart(text, parts[i]);
        if (!seen[i])
            continue;
        // Outside a scroll area the clip is the whole window: the text must fit it whole.
        if (!inside(text.bounds, text.clip, tolerance, false) ||
            !inside(parts[i], text.clip, tolerance, true))
            out << describe(text) << " leaves the window or its scroll area " << rect(text.clip)
                << "\n";
        else if (!inside(parts[i], text.box, tolerance, true) ||
                 !inside(text.bounds, text.box, tolerance, false))
            out << describe(text) << " leaves its box " << rect(text.box) << "\n";
    }
    for (std::size_t i = 0; i < texts.size(); ++i)
    {
        for (std::size_t j = i + 1; j < texts.size() && seen[i]; ++j)
        {
            if (!seen[j] || texts[i].layer != texts[j].layer)
                continue;
            sf::FloatRect a = parts[i];
            sf::FloatRect b = parts[j];
            for (sf::FloatRect* r : {&a, &b})
            {
                r->left += tolerance;
                r->top += tolerance;
                r->width -= 2 * tolerance;
                r->height -= 2 * tolerance;
            }
            if (a.width > 0.0F && b.width > 0.0F && a.height > 0.0F && b.height > 0.0F &&
                a.intersects(b))
                out << describe(texts[i]) << " overlaps " << describe(texts[j]) << "\n";
        }
    }
    return out.str();
}

} // namespace quiz::test

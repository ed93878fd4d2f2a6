#pragma once

#include "core/classroom/Classroom.hpp"

#include <SFML/Graphics/Color.hpp>
#include <SFML/Graphics/Rect.hpp>

#include <string>
#include <vector>

namespace sf
{
class RenderTarget;
}

namespace quiz::ui
{

class Theme;

/// Drawings shared by the class screens. Options are told apart by a shape with the letter in
/// it (and a colour as a third cue), never by colour alone.

/// The fill of the option mark at `position` and the ink of its letter (the palette's text or
/// accent ink, whichever reads better on that fill).
[[nodiscard]] sf::Color optionMarkFill(const Theme& theme, std::size_t position);
[[nodiscard]] sf::Color optionMarkInk(const Theme& theme, std::size_t position);
/// The fixed fills of the eight marks in the normal palette.
[[nodiscard]] sf::Color optionMarkColor(std::size_t position);

/// The option mark at `position` (0 circle, 1 triangle, 2 square, 3 diamond, 4 pentagon ...)
/// with `label` inside, filling a square of side `size` at (x, y).
void drawOptionMark(sf::RenderTarget& target, const Theme& theme, std::size_t position,
                    const std::string& label, float x, float y, float size);

/// One bar per option: mark, bar, count and percentage; correct options get a tick, the word
/// "correct" and a thick outline. `labels` and `correct` follow the option order.
void drawDistribution(sf::RenderTarget& target, const Theme& theme, const sf::FloatRect& box,
                      const std::vector<std::string>& labels, const std::vector<bool>& correct,
                      const std::vector<std::size_t>& counts);

/// A numeric question's typed answers, one labelled bar per group (correct, each named mistake,
/// other): the label in words above its bar, the count and percentage beside it, "✓ correct" or
/// "⚠ critical" in words, so nothing depends on the colour.
void drawNumericDistribution(sf::RenderTarget& target, const Theme& theme, const sf::FloatRect& box,
                             const std::vector<core::AnswerGroup>& groups);

/// A ranked table (rank, name, score, correct answers) of `rows` in `box`; rows that do not
/// fit are left out and counted in a last line.
struct StandingRow
{
    std::size_t rank = 0;
    std::string name;
    long long score = 0;
    int correct = 0;
    bool highlighted = false;
};
void drawStandings(sf::RenderTarget& target, const Theme& theme, const sf::FloatRect& box,
                   const std::vector<StandingRow>& rows);

/// Places 1 to 3 on steps (1st in the middle and tallest, 2nd left, 3rd right), each step
/// numbered; teams tied on a place share its step, their names stacked above it.
void drawPodium(sf::RenderTarget& target, const Theme& theme, const sf::FloatRect& box,
                const std::vector<StandingRow>& rows);

/// Standings of a classroom as rows.
[[nodiscard]] std::vector<StandingRow> makeStandingRows(const core::Classroom& classroom);

} // namespace quiz::ui

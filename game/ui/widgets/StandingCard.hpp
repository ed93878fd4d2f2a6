#pragma once

#include "Button.hpp"
#include "TextBlock.hpp"
#include "Widget.hpp"

#include <string>
#include <vector>

namespace quiz::ui
{

/// The home screen's "where you stand" card: a title, a row of figures (a large number with
/// what it counts written under it) and labelled bars (a name, its value in words, a bar), or a
/// note where there is nothing to show yet. Every value is written out, never told by length
/// or colour alone. Holds no rules: the screen passes in what to show.
class StandingCard : public Widget
{
public:
    struct Figure
    {
        std::string value;   ///< "5", "3 days"
        std::string caption; ///< "due today"; wraps under the value
    };
    struct Bar
    {
        std::string label;     ///< wraps to the left of the value
        std::string valueText; ///< "40% mastered"
        float value = 0.0F;    ///< 0..1
    };

    void setContent(std::string title, std::vector<Figure> figures, std::string barsTitle,
                    std::vector<Bar> bars, std::string note);
    /// Lays the card out at (x, y), `width` wide; returns its height.
    float layout(float x, float y, float width, const Theme& theme);
    void draw(sf::RenderTarget& target, const Theme& theme) const override;

private:
    struct FigureBox
    {
        sf::FloatRect box;
        sf::Vector2f valuePos;
        float valueSize = 0.0F; ///< smaller than usual when the value would not fit its box
        TextBlock caption;
    };
    struct BarRow
    {
        TextBlock label;
        sf::Vector2f valuePos;
        ProgressBar bar;
    };

    std::string m_title;
    std::vector<Figure> m_figures;
    std::string m_barsTitle;
    std::vector<Bar> m_bars;
    std::string m_note;

    std::vector<FigureBox> m_figureBoxes;
    std::vector<BarRow> m_barRows;
    TextBlock m_noteBlock;
    sf::Vector2f m_titlePos;
    sf::Vector2f m_barsTitlePos;
};

} // namespace quiz::ui

#pragma once

#include "Widget.hpp"

#include <string>
#include <vector>

namespace quiz::ui
{

/// A line chart of values 0..1 (e.g. accuracy per day) drawn with SFML primitives: axis,
/// gridlines labelled 0%, 50% and 100%, a thick line, square markers, and the last value
/// written out, so it reads without colour. `axisLabels` are shown under the first and last
/// points.
class LineChart : public Widget
{
public:
    void setValues(std::vector<float> values, std::string firstLabel, std::string lastLabel);
    void draw(sf::RenderTarget& target, const Theme& theme) const override;

private:
    std::vector<float> m_values;
    std::string m_firstLabel;
    std::string m_lastLabel;
};

/// Counts as vertical bars, each with its number written above it (0 drawn as a flat mark),
/// and the first and last labels under the axis.
class BarChart : public Widget
{
public:
    void setValues(std::vector<long long> values, std::string firstLabel, std::string lastLabel);
    void draw(sf::RenderTarget& target, const Theme& theme) const override;

private:
    std::vector<long long> m_values;
    std::string m_firstLabel;
    std::string m_lastLabel;
};

} // namespace quiz::ui

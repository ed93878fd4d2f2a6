// Every text/background pair the screens draw, in both palettes, at WCAG AA.
#include "ui/Theme.hpp"

#include "ui/widgets/Button.hpp"
#include "ui/widgets/ClassCharts.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace quiz::ui;

namespace
{

/// The smallest a text size designed at 1280x720 gets: the smallest window scale (0.72) and
/// the smallest text-size step (0.88).
float smallest(float designed)
{
    return designed * 0.72F * 0.88F;
}

/// WCAG 2.1 AA: 4.5:1, or 3:1 for large text (24 px and up, or bold from 18.66 px, 14 pt).
double required(float px, bool bold)
{
    return px >= 24.0F || (bold && px >= 18.66F) ? 3.0 : 4.5;
}

struct Pair
{
    std::string what;
    sf::Color ink;
    sf::Color surface;
    float px;
    bool bold;
};

/// Every pair, read from the drawing code (the file that draws it in brackets).
std::vector<Pair> textPairs(const Theme& theme)
{
    const Palette& c = theme.colors();
    const float small = smallest(17.0F);
    std::vector<Pair> pairs;
    const std::vector<std::pair<std::string, sf::Color>> surfaces = {
        {"background", c.background},
        {"header band", c.backgroundAccent},
        {"panel", c.panel},
        {"hovered panel / button", c.panelHover},
        {"hovered tick-box row (Button.cpp)", mixColor(c.background, c.panelHover, 0.7F)},
        {"selected option / chosen feedback option (Panel.cpp, FeedbackScreen.cpp)", c.selected},
        {"hovered review row (ResultsScreen.cpp)", mixColor(c.panel, c.selected, 0.6F)},
    };
    // Body text, muted details and disabled labels, the verdict and badge colours
    // (correct, wrong / "Your choice  ·  Not correct", critical / amber partial), accent
    // labels ("Select all that apply", "More below", "Feedback"), and the focus colour used
    // as text on the projector ("choosing").
    const std::vector<std::pair<std::string, sf::Color>> inks = {
        {"text", c.text},         {"muted", c.muted},   {"correct", c.correct}, {"wrong", c.wrong},
        {"critical", c.critical}, {"accent", c.accent}, {"focus", c.focus},
    };
    for (const auto& [surfaceName, surface] : surfaces)
        for (const auto& [inkName, ink] : inks)
            pairs.push_back({inkName + " on " + surfaceName, ink, surface, small, false});
    // Primary buttons, at rest and lit (Button.cpp), the podium's first step (ClassCharts.cpp).
    pairs.push_back({"primary button label", c.accentText, c.accent, smallest(21.0F), true});
    pairs.push_back({"primary button label, hovered", c.accentText,
                     mixColor(c.accent, sf::Color::White, 0.18F), smallest(21.0F), true});
    pairs.push_back({"primary button key hint", c.accentText, c.accent, small, false});
    // A text field's typing on the background (Button.cpp), the title on its band.
    pairs.push_back({"text field", c.text, c.background, smallest(21.0F), false});
    pairs.push_back({"screen heading", c.text, c.backgroundAccent, smallest(30.0F), true});
    // The projector's option marks: the letter inside each coloured shape (ClassCharts.cpp).
    for (std::size_t i = 0; i < 8; ++i)
        pairs.push_back({"option mark " + std::to_string(i + 1) + " letter",
                         optionMarkInk(theme, i), optionMarkFill(theme, i), small, true});
    return pairs;
}

/// Things that are not text but must be seen (WCAG 1.4.11, 3:1): the focus ring and the tick.
std::vector<Pair> graphicPairs(const Theme& theme)
{
    const Palette& c = theme.colors();
    return {
        {"focus ring on background", c.focus, c.background, 0.0F, false},
        {"focus ring on panel", c.focus, c.panel, 0.0F, false},
        {"focus ring on selected option", c.focus, c.selected, 0.0F, false},
        {"tick mark in a ticked box", c.accentText, c.accent, 0.0F, false},
        {"unticked box outline", c.text, c.background, 0.0F, false},
    };
}

} // namespace

TEST_CASE("Theme: the contrast ratio follows WCAG 2", "[ui][theme]")
{
    CHECK(contrastRatio(sf::Color::White, sf::Color::Black) == Approx(21.0));
    CHECK(contrastRatio(sf::Color(119, 119, 119), sf::Color::White) == Approx(4.48).epsilon(0.01));
    // The pair the first play-through measured: "Your choice / Not correct" on the selected
    // option, before this palette.
    CHECK(contrastRatio(sf::Color(232, 96, 84), sf::Color(40, 96, 150)) ==
          Approx(1.95).epsilon(0.01));
}

TEST_CASE("Theme: every text and background pair of both palettes meets WCAG AA", "[ui][theme]")
{
    FontSet fonts; // no faces are read: only colours are asked
    Theme theme(fonts);
    for (const bool highContrast : {false, true})
    {
        theme.setHighContrast(highContrast);
        double lowest = 21.0;
        for (const Pair& pair : textPairs(theme))
        {
            const double ratio = contrastRatio(pair.ink, pair.surface);
            lowest = std::min(lowest, ratio);
            INFO((highContrast ? "high contrast: " : "normal: ")
                 << pair.what << " is " << ratio << ":1");
            CHECK(ratio >= required(pair.px, pair.bold));
        }
        for (const Pair& pair : graphicPairs(theme))
        {
            const double ratio = contrastRatio(pair.ink, pair.surface);
            INFO((highContrast ? "high contrast: " : "normal: ")
                 << pair.what << " is " << ratio << ":1");
            CHECK(ratio >= 3.0);
        }
        WARN((highContrast ? "high contrast" : "normal")
             << " palette: lowest text contrast " << lowest << ":1");
    }
}

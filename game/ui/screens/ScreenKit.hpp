#pragma once

#include "core/pack/Pack.hpp"
#include "core/session/Session.hpp"
#include "ui/Theme.hpp"

#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Window/Event.hpp>

#include <functional>
#include <string>

namespace quiz::ui
{

class Widget;

/// Small drawing helpers the screens share.
void drawLabel(sf::RenderTarget& target, const Theme& theme, const std::string& utf8, float x,
               float y, float size, const sf::Color& color, bool bold = false);
/// Draws `utf8` centred on `centreX`.
void drawCentred(sf::RenderTarget& target, const Theme& theme, const std::string& utf8,
                 float centreX, float y, float size, const sf::Color& color, bool bold = false);
/// A bold muted caption above a control, wrapped to `width` (a column's width).
struct Caption
{
    std::string text;
    sf::Vector2f pos;
    float width = 0.0F;
};
/// The height `text` takes as a caption `width` wide (one line: 1.35 body sizes).
[[nodiscard]] float captionHeight(const Theme& theme, const std::string& text, float width);
void drawCaption(sf::RenderTarget& target, const Theme& theme, const Caption& caption);
/// Cuts `utf8` with an ellipsis so it fits `width` pixels.
[[nodiscard]] std::string fitText(const sf::Font& font, const std::string& utf8, float size,
                                  float width);
/// The band across the top of a screen with its title; returns the band's height.
float drawHeader(sf::RenderTarget& target, const Theme& theme, const std::string& title,
                 const std::string& right = {});
[[nodiscard]] float headerHeight(const Theme& theme);
/// 0-based option position for keys 1-8 and A-H, else -1.
[[nodiscard]] int optionKey(const sf::Event& event);
[[nodiscard]] bool isKey(const sf::Event& event, sf::Keyboard::Key key);
/// Enter on a screen with a default action: the focused widget acts when it takes Enter and is
/// not `passive` (a text field being typed in, a scroll area), else `fallback` runs.
void pressEnter(Widget* focused, bool passive, const std::function<void()>& fallback);
/// The badge shown for the option at `position` of `question` (true/false: "1", "2").
[[nodiscard]] std::string optionBadgeFor(const core::Question& question, std::size_t position);
/// "Review  " in a review round's header (one that replays listed questions), else "".
[[nodiscard]] std::string roundLabel(const core::Session& session);
/// "2:05" from milliseconds.
[[nodiscard]] std::string formatDuration(long long ms);
/// "7.5" / "7" : points without needless decimals.
[[nodiscard]] std::string formatPoints(double points);

} // namespace quiz::ui

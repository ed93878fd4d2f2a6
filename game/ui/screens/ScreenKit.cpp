#include "ScreenKit.hpp"

#include "ui/widgets/Button.hpp"
#include "ui/widgets/TextBlock.hpp"
#include "ui/widgets/TextRecorder.hpp"
#include "ui/widgets/Widget.hpp"

#include <cmath>
#include <cstdio>

namespace quiz::ui
{

void drawLabel(sf::RenderTarget& target, const Theme& theme, const std::string& utf8, float x,
               float y, float size, const sf::Color& color, bool bold)
{
    sf::Text text = makeText(utf8, bold ? theme.fonts().bold : theme.fonts().regular, size, color);
    text.setPosition(std::round(x), std::round(y));
    drawText(target, text);
}

void drawCentred(sf::RenderTarget& target, const Theme& theme, const std::string& utf8,
                 float centreX, float y, float size, const sf::Color& color, bool bold)
{
    const sf::Font& font = bold ? theme.fonts().bold : theme.fonts().regular;
    drawLabel(target, theme, utf8, centreX - measureText(font, utf8, size) / 2.0F, y, size, color,
              bold);
}

namespace
{

TextBlock captionBlock(const Theme& theme, const std::string& text, float width)
{
    TextStyle style;
    style.size = theme.bodySize();
    style.color = theme.colors().muted;
    style.bold = true;
    TextBlock block(core::RichText::fromPlain(text), style);
    block.layout(width, theme);
    return block;
}

} // namespace

float captionHeight(const Theme& theme, const std::string& text, float width)
{
    return captionBlock(theme, text, width).getLayoutHeight();
}

void drawCaption(sf::RenderTarget& target, const Theme& theme, const Caption& caption)
{
    TextBlock block = captionBlock(theme, caption.text, caption.width);
    block.setPosition(caption.pos.x, caption.pos.y);
    block.draw(target, theme);
}

std::string fitText(const sf::Font& font, const std::string& utf8, float size, float width)
{
    if (measureText(font, utf8, size) <= width)
        return utf8;
    std::string cut = utf8;
    while (!cut.empty() && measureText(font, cut + "…", size) > width)
    {
        // Drop one whole UTF-8 character.
        std::size_t end = cut.size() - 1;
        while (end > 0 && (static_cast<unsigned char>(cut[end]) & 0xC0U) == 0x80U)
            --end;
        cut.erase(end);
    }
    return cut + "…";
}

float headerHeight(const Theme& theme)
{
    return theme.px(72.0F);
}

float drawHeader(sf::RenderTarget& target, const Theme& theme, const std::string& title,
                 const std::string& right)
{
    const sf::Vector2f size(target.getSize());
    const float height = headerHeight(theme);
    const Palette& c = theme.colors();
    drawBox(target, {0.0F, 0.0F, size.x, height}, c.backgroundAccent);
    drawBox(target, {0.0F, height - 2.0F, size.x, 2.0F},
            theme.isHighContrast() ? c.border : c.accent);
    const TextBox band(target, {0.0F, 0.0F, size.x, height});
    const float margin = (size.x - theme.contentWidth(size.x)) / 2.0F;
    const float textSize = theme.headingSize();
    float rightWidth = 0.0F;
    if (!right.empty())
    {
        rightWidth = measureText(theme.fonts().regular, right, theme.bodySize());
        drawLabel(target, theme, right, size.x - margin - rightWidth,
                  (height - theme.bodySize() * 1.25F) / 2.0F, theme.bodySize(), c.muted);
    }
    const std::string shown = fitText(theme.fonts().bold, title, textSize,
                                      size.x - 2 * margin - rightWidth - theme.px(24.0F));
    drawLabel(target, theme, shown, margin, (height - textSize * 1.25F) / 2.0F, textSize, c.text,
              true);
    return height;
}

bool isKey(const sf::Event& event, sf::Keyboard::Key key)
{
    return event.type == sf::Event::KeyPressed && event.key.code == key;
}

void pressEnter(Widget* focused, bool passive, const std::function<void()>& fallback)
{
    if (focused != nullptr && focused->activatesOnEnter() && !passive)
        focused->activate();
    else
        fallback();
}

int optionKey(const sf::Event& event)
{
    if (event.type != sf::Event::KeyPressed || event.key.control || event.key.alt)
        return -1;
    const int code = event.key.code;
    if (code >= sf::Keyboard::Num1 && code <= sf::Keyboard::Num8)
        return code - sf::Keyboard::Num1;
    if (code >= sf::Keyboard::Numpad1 && code <= sf::Keyboard::Numpad8)
        return code - sf::Keyboard::Numpad1;
    if (code >= sf::Keyboard::A && code <= sf::Keyboard::H)
        return code - sf::Keyboard::A;
    return -1;
}

std::string roundLabel(const core::Session& session)
{
    return session.getConfig().keepListedOrder ? "Review  " : "";
}

std::string optionBadgeFor(const core::Question& question, std::size_t position)
{
    if (question.type == core::QuestionType::TrueFalse)
        return std::to_string(position + 1);
    return core::optionLabel(question.numbering, position);
}

std::string formatDuration(long long ms)
{
    const long long seconds = ms / 1000;
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%lld:%02lld", seconds / 60, seconds % 60);
    return buffer;
}

std::string formatPoints(double points)
{
    char buffer[32];
    if (std::fabs(points - std::round(points)) < 1e-6)
        std::snprintf(buffer, sizeof buffer, "%.0f", points);
    else
        std::snprintf(buffer, sizeof buffer, "%.2g", points);
    return buffer;
}

} // namespace quiz::ui

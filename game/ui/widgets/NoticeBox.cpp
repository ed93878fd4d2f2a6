#include "NoticeBox.hpp"

#include "TextRecorder.hpp"
#include "ui/Theme.hpp"

#include <SFML/Graphics/RenderTarget.hpp>

#include <algorithm>

namespace quiz::ui
{

NoticeBox::NoticeBox(std::function<void()> onDismiss) : m_dismiss("Dismiss", std::move(onDismiss))
{
    m_dismiss.setShortcut("Ctrl+D");
}

void NoticeBox::setNotices(const std::vector<std::string>& notices, sf::Vector2f windowSize,
                           const Theme& theme)
{
    if (notices == m_notices && windowSize == m_windowSize &&
        theme.getRevision() == m_themeRevision)
        return;
    m_notices = notices;
    m_windowSize = windowSize;
    m_themeRevision = theme.getRevision();
    layout(theme);
}

void NoticeBox::layout(const Theme& theme)
{
    if (m_notices.empty())
    {
        setBounds({});
        m_dismiss.setBounds({});
        m_shown = 0;
        return;
    }
    const float margin = theme.px(12.0F);
    const float padding = theme.px(12.0F);
    const float width = std::min(m_windowSize.x - 2.0F * margin, theme.px(1000.0F));
    const float buttonWidth = m_dismiss.preferredWidth(theme);
    const float buttonHeight = theme.px(40.0F);
    const float textWidth = std::max(theme.px(80.0F), width - 3.0F * padding - buttonWidth);
    TextStyle style;
    style.size = theme.smallSize();
    style.color = theme.colors().text;
    m_text.setStyle(style);
    // Fewer notices until they fit a third of the window; the first one always shows.
    const float room = m_windowSize.y / 3.0F - 2.0F * padding;
    for (m_shown = m_notices.size(); m_shown >= 1; --m_shown)
    {
        std::string text;
        for (std::size_t i = 0; i < m_shown; ++i)
            text += (i == 0 ? "" : "\n") + m_notices[i];
        if (m_shown < m_notices.size())
            text += "\n... and " + std::to_string(m_notices.size() - m_shown) + " more";
        m_text.setText(core::RichText::fromPlain(text));
        if (m_text.layout(textWidth, theme) <= room || m_shown == 1)
            break;
    }
    const float height = std::max(m_text.getLayoutHeight(), buttonHeight) + 2.0F * padding;
    const float left = (m_windowSize.x - width) / 2.0F;
    setBounds({left, margin, width, height});
    m_text.setPosition(left + padding, margin + padding);
    m_dismiss.setBounds(
        {left + width - padding - buttonWidth, margin + padding, buttonWidth, buttonHeight});
}

bool NoticeBox::handleEvent(const sf::Event& event)
{
    if (!isShowing())
        return false;
    if (event.type == sf::Event::KeyPressed && event.key.code == sf::Keyboard::D &&
        event.key.control)
    {
        m_dismiss.activate();
        return true;
    }
    if (m_dismiss.handleEvent(event))
        return true;
    // A click on the box must not reach the screen under it.
    const bool click =
        event.type == sf::Event::MouseButtonPressed || event.type == sf::Event::MouseButtonReleased;
    return click && getBounds().contains(static_cast<float>(event.mouseButton.x),
                                         static_cast<float>(event.mouseButton.y));
}

bool NoticeBox::update(std::chrono::milliseconds elapsed)
{
    return isShowing() && m_dismiss.update(elapsed);
}

void NoticeBox::draw(sf::RenderTarget& target, const Theme& theme) const
{
    if (!isShowing())
        return;
    const Palette& c = theme.colors();
    const sf::FloatRect box = getBounds();
    drawBox(target, box, c.panel, c.critical, theme.px(2.0F));
    // A stripe on the left: a second cue beside the words, never colour alone.
    drawBox(target, {box.left, box.top, theme.px(6.0F), box.height}, c.critical);
    const TextBox textBox(target, box);
    m_text.draw(target, theme);
    m_dismiss.draw(target, theme);
}

} // namespace quiz::ui

#pragma once

#include "Button.hpp"
#include "TextBlock.hpp"
#include "Widget.hpp"

#include <functional>
#include <string>
#include <vector>

namespace quiz::ui
{

/// The player's progress notices (answers not being saved, a damaged file moved aside) in one
/// box across the top of the window, over whatever screen is showing. Each notice is wrapped
/// inside the box; when they would take more than a third of the window, the first ones are
/// shown and "and N more" says how many are left out. A Dismiss button (click, or Ctrl+D)
/// calls `onDismiss`, which is expected to clear the notices.
class NoticeBox : public Widget
{
public:
    explicit NoticeBox(std::function<void()> onDismiss);

    /// Lays out `notices` (as given: already deduplicated) for a window of `windowSize`;
    /// cheap when nothing changed. No notices: nothing is drawn and no event is taken.
    void setNotices(const std::vector<std::string>& notices, sf::Vector2f windowSize,
                    const Theme& theme);
    [[nodiscard]] bool isShowing() const { return !m_notices.empty(); }
    /// How many notices fit and are shown (the rest are counted in "and N more").
    [[nodiscard]] std::size_t getShownCount() const { return m_shown; }
    [[nodiscard]] const TextBlock& getText() const { return m_text; }
    [[nodiscard]] const Button& getDismissButton() const { return m_dismiss; }

    /// Takes a click on Dismiss, Ctrl+D, and any click inside the box.
    bool handleEvent(const sf::Event& event) override;
    bool update(std::chrono::milliseconds elapsed) override;
    void draw(sf::RenderTarget& target, const Theme& theme) const override;

private:
    void layout(const Theme& theme);

    std::vector<std::string> m_notices;
    sf::Vector2f m_windowSize;
    unsigned m_themeRevision = 0;
    std::size_t m_shown = 0;
    TextBlock m_text;
    Button m_dismiss;
};

} // namespace quiz::ui

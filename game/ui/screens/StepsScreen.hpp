#pragma once

#include "ui/Screen.hpp"
#include "ui/widgets/Button.hpp"
#include "ui/widgets/TextBlock.hpp"

#include <SFML/Graphics/Rect.hpp>

#include <memory>
#include <string>
#include <vector>

namespace quiz::ui
{

/// An ordering or a matching question. Ordering: a list of steps the player puts in order
/// with Up/Down (focus), Space (pick up, then arrows, Space or Enter to drop), Alt+Up/Alt+Down
/// (move at once), a drag with the mouse or the ▲ ▼ buttons on each row. Matching: one row
/// per prompt with its chosen answer, cycled with Left/Right, the answer's number key or a
/// click (right-click goes back). Enter or Submit answers.
class StepsScreen : public Screen
{
public:
    StepsScreen(ScreenStack& stack, GameContext& context);
    void layout(sf::Vector2f size) override;
    bool handleEvent(const sf::Event& event) override;
    bool update(std::chrono::milliseconds elapsed) override;
    void draw(sf::RenderTarget& target) const override;
    [[nodiscard]] bool needsTicks() const override;

private:
    [[nodiscard]] bool isOrdering() const;
    [[nodiscard]] std::size_t rowCount() const;
    bool handleKey(const sf::Event& event);
    void handleMouse(const sf::Event& event);
    /// Moves the item at row `from` to row `to` (ordering); focus follows it.
    void moveItem(std::size_t from, std::size_t to);
    /// Steps the answer of prompt row `row` by `delta` through "none" and the answers.
    void cycleAnswer(std::size_t row, int delta);
    [[nodiscard]] std::string rowText(std::size_t row) const;
    [[nodiscard]] std::string answerText(int choice) const;
    void submit();
    [[nodiscard]] int rowAt(float y) const;

    TextBlock m_stem;
    std::unique_ptr<Button> m_leaveButton;
    std::unique_ptr<Button> m_submitButton;
    std::size_t m_index = 0;
    std::vector<std::size_t> m_order;   ///< ordering: row -> index into question.items
    std::vector<std::size_t> m_prompts; ///< matching: row -> index into question.pairs
    std::vector<int> m_choice;          ///< matching: row -> position in answerOrder, -1 none
    std::size_t m_focusRow = 0;
    bool m_held = false;       ///< ordering: the focused item is picked up and moves with arrows
    int m_dragRow = -1;        ///< ordering: the row being dragged with the mouse, -1 none
    bool m_rowsFocused = true; ///< keys go to the list (false: to the buttons)
    std::vector<sf::FloatRect> m_rows;
    float m_helpY = 0.0F;
    float m_legendY = 0.0F;
    float m_footerTop = 0.0F;
};

} // namespace quiz::ui

// What every screen does with its widgets: which scroll area the page keys move.
#include "RenderHarness.hpp"
#include "ui/widgets/ScrollArea.hpp"

using namespace quiz;
using namespace quiz::test;

namespace
{

/// Two scroll areas side by side, as the results screen has (summary, review).
class TwoAreasScreen : public ui::Screen
{
public:
    TwoAreasScreen(ui::ScreenStack& stack, ui::GameContext& context) : Screen(stack, context)
    {
        for (ui::ScrollArea* area : {&left, &right})
        {
            area->setContentHeight(2000.0F);
            m_widgets.push_back(area);
            m_focus.add(area);
        }
        left.setBounds({0.0F, 0.0F, 400.0F, 300.0F});
        right.setBounds({400.0F, 0.0F, 400.0F, 300.0F});
        left.setContentHeight(2000.0F);
        right.setContentHeight(2000.0F);
    }
    void layout(sf::Vector2f) override {}
    bool handleEvent(const sf::Event& event) override { return !dispatchToWidgets(event); }
    void draw(sf::RenderTarget&) const override {}
    void focus(ui::Widget& widget) { m_focus.focus(&widget); }

    ui::ScrollArea left;
    ui::ScrollArea right;
};

sf::Event keyPress(sf::Keyboard::Key code)
{
    sf::Event event{};
    event.type = sf::Event::KeyPressed;
    event.key.code = code;
    return event;
}

} // namespace

TEST_CASE("Screen: PageUp and PageDown scroll the focused scroll area, not the first one",
          "[render][display][scroll]")
{
    Harness h(800, 600);
    TwoAreasScreen screen(h.stack, h.context);
    screen.focus(screen.right);
    REQUIRE(screen.right.isFocused());
    screen.handleEvent(keyPress(sf::Keyboard::PageDown));
    CHECK(screen.left.getScroll() == 0.0F);
    CHECK(screen.right.getScroll() > 100.0F);
    screen.handleEvent(keyPress(sf::Keyboard::PageUp));
    CHECK(screen.right.getScroll() == 0.0F);

    screen.focus(screen.left);
    screen.handleEvent(keyPress(sf::Keyboard::PageDown));
    CHECK(screen.left.getScroll() > 100.0F);
    CHECK(screen.right.getScroll() == 0.0F);
}

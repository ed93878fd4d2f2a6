// The progress notice box drawn over every screen: wrapping, its height cap, dismissal.
#include "ui/widgets/NoticeBox.hpp"

#include "ui/Theme.hpp"

#include <SFML/Graphics/RenderTexture.hpp>
#include <catch2/catch.hpp>

using namespace quiz;
using namespace quiz::ui;

namespace
{

const FontSet& noticeFonts()
{
    static FontSet fonts;
    static const bool loaded = (loadFonts(fonts), true);
    (void)loaded;
    return fonts;
}

std::string longNotice(int n)
{
    return "Answers are not being saved: answer " + std::to_string(n) +
           " not recorded in /home/student/.local/share/heparin-quiz/profiles/ana-1/"
           "progress.sqlite: the disk is full (database or disk is full)";
}

bool inside(const sf::FloatRect& outer, const sf::FloatRect& inner)
{
    return inner.left >= outer.left && inner.top >= outer.top &&
           inner.left + inner.width <= outer.left + outer.width &&
           inner.top + inner.height <= outer.top + outer.height;
}

} // namespace

TEST_CASE("NoticeBox: notices wrap inside the box, which stays within the window and a third of "
          "its height",
          "[render][display][notice]")
{
    Theme theme(noticeFonts());
    theme.setWindowSize(800.0F, 600.0F);
    bool dismissed = false;
    NoticeBox box([&dismissed] { dismissed = true; });
    CHECK_FALSE(box.isShowing());
    std::vector<std::string> notices;
    for (int i = 0; i < 20; ++i)
        notices.push_back(longNotice(i));
    box.setNotices(notices, {800.0F, 600.0F}, theme);
    REQUIRE(box.isShowing());
    const sf::FloatRect bounds = box.getBounds();
    CHECK(inside({0.0F, 0.0F, 800.0F, 600.0F}, bounds));
    CHECK(bounds.height <= 600.0F / 3.0F + 1.0F);
    CHECK(box.getText().getLineCount() > box.getShownCount()); // each notice wrapped
    CHECK(box.getShownCount() >= 1);
    CHECK(box.getShownCount() < notices.size());
    CHECK(box.getText().getText().toPlain().find("and " + std::to_string(20 - box.getShownCount()) +
                                                 " more") != std::string::npos);
    // The text and the button sit inside the box, side by side.
    CHECK(box.getText().getLayoutWidth() + box.getDismissButton().getBounds().width < bounds.width);
    CHECK(inside(bounds, box.getDismissButton().getBounds()));

    // Drawn: the amber stripe marks the box's left edge.
    sf::RenderTexture texture;
    REQUIRE(texture.create(800, 600));
    texture.clear(theme.colors().background);
    box.draw(texture, theme);
    texture.display();
    const sf::Image image = texture.getTexture().copyToImage();
    CHECK(image.getPixel(static_cast<unsigned>(bounds.left) + 3,
                         static_cast<unsigned>(bounds.top + bounds.height / 2.0F)) ==
          theme.colors().critical);
    CHECK(image.getPixel(400, static_cast<unsigned>(bounds.top + bounds.height) + 4) ==
          theme.colors().background);

    // Ctrl+D dismisses; plain D is left to the screen (option D).
    sf::Event key{};
    key.type = sf::Event::KeyPressed;
    key.key.code = sf::Keyboard::D;
    CHECK_FALSE(box.handleEvent(key));
    CHECK_FALSE(dismissed);
    key.key.control = true;
    CHECK(box.handleEvent(key));
    CHECK(dismissed);
}

TEST_CASE("NoticeBox: a click on Dismiss dismisses, a click on the box goes no further, and no "
          "notices take nothing",
          "[render][display][notice]")
{
    Theme theme(noticeFonts());
    theme.setWindowSize(1280.0F, 720.0F);
    int dismissed = 0;
    NoticeBox box([&dismissed] { ++dismissed; });
    box.setNotices({"The progress file could not be read."}, {1280.0F, 720.0F}, theme);
    const sf::FloatRect button = box.getDismissButton().getBounds();
    auto click = [](float x, float y)
    {
        sf::Event event{};
        event.type = sf::Event::MouseButtonReleased;
        event.mouseButton.button = sf::Mouse::Left;
        event.mouseButton.x = static_cast<int>(x);
        event.mouseButton.y = static_cast<int>(y);
        return event;
    };
    // The e2e script clicks here at 1280x720.
    CHECK(button.contains(1110.0F, 44.0F));
    CHECK(box.handleEvent(click(box.getBounds().left + 20.0F, box.getBounds().top + 10.0F)));
    CHECK(dismissed == 0);
    CHECK(box.handleEvent(click(button.left + 5.0F, button.top + 5.0F)));
    CHECK(dismissed == 1);
    box.setNotices({}, {1280.0F, 720.0F}, theme);
    CHECK_FALSE(box.isShowing());
    CHECK_FALSE(box.handleEvent(click(button.left + 5.0F, button.top + 5.0F)));
}

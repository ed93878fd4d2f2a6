// Widget behaviour that needs fonts (and so a display): text layout, scrolling, focus.
#include "ui/Theme.hpp"
#include "ui/widgets/Button.hpp"
#include "ui/widgets/ScrollArea.hpp"
#include "ui/widgets/TextBlock.hpp"
#include "ui/widgets/TextRecorder.hpp"

#include <SFML/Graphics/RenderTexture.hpp>
#include <catch2/catch.hpp>

#include <algorithm>

using namespace quiz;
using namespace quiz::ui;

namespace
{

struct Fonts
{
    Fonts() { loadFonts(fonts); }
    FontSet fonts;
};

const FontSet& sharedFonts()
{
    static const Fonts instance;
    return instance.fonts;
}

core::RichText sample()
{
    core::RichText text;
    text.append("Give 5000 units of heparin ");
    text.append("subcutaneously", false, true);
    text.append(" every 12 hours; check the ");
    text.append("aPTT", true);
    text.append(" and factor X");
    text.append("a", false, false, core::Script::Sub);
    text.append(" with a 10");
    text.append("3", false, false, core::Script::Super);
    text.append(" scale.");
    text.appendBreak();
    text.append("Second paragraph after a line break.");
    return text;
}

sf::Event keyEvent(sf::Keyboard::Key code, bool shift = false)
{
    sf::Event event{};
    event.type = sf::Event::KeyPressed;
    event.key.code = code;
    event.key.shift = shift;
    return event;
}

} // namespace

TEST_CASE("TextBlock: wrapped text never runs past its width, at any width",
          "[render][display][text]")
{
    Theme theme(sharedFonts());
    TextStyle style;
    style.size = 20.0F;
    TextBlock block(sample(), style);
    std::size_t previousLines = 0;
    for (float width = 800.0F; width >= 20.0F; width -= 37.0F)
    {
        block.layout(width, theme);
        INFO("width " << width);
        CHECK(block.getLayoutWidth() <= width + 0.5F);
        CHECK(block.getLineCount() >= previousLines); // narrower never means fewer lines
        previousLines = block.getLineCount();
    }
}

TEST_CASE("TextBlock: a line break starts a new line and a long word is broken",
          "[render][display][text]")
{
    Theme theme(sharedFonts());
    TextStyle style;
    style.size = 20.0F;
    TextBlock block(sample(), style);
    block.layout(5000.0F, theme);
    CHECK(block.getLineCount() == 2);
    CHECK(block.getLayoutHeight() == Approx(2 * 20.0F * style.lineSpacing));

    TextBlock word(core::RichText::fromPlain("Thrombocytopenia-associated-antibodies"), style);
    word.layout(60.0F, theme);
    CHECK(word.getLineCount() > 3);
    CHECK(word.getLayoutWidth() <= 60.5F);
}

TEST_CASE("TextBlock: U+00A0 and every other Unicode space is laid out and drawn as a space",
          "[render][display][text]")
{
    Theme theme(sharedFonts());
    TextStyle style;
    style.size = 20.0F;
    TextBlock plain(core::RichText::fromPlain("1.5 x control"), style);
    plain.layout(5000.0F, theme);
    const char* spaces[] = {"\xC2\xA0",     "\xE1\x9A\x80", "\xE2\x80\x80", "\xE2\x80\x81",
                            "\xE2\x80\x82", "\xE2\x80\x83", "\xE2\x80\x84", "\xE2\x80\x85",
                            "\xE2\x80\x86", "\xE2\x80\x87", "\xE2\x80\x88", "\xE2\x80\x89",
                            "\xE2\x80\x8A", "\xE2\x80\xAF", "\xE2\x81\x9F", "\xE3\x80\x80"};
    sf::RenderTexture texture;
    REQUIRE(texture.create(600, 60));
    for (const char* space : spaces)
    {
        const std::string text = std::string("1.5") + space + "x" + space + "control";
        INFO("space " << text);
        TextBlock block(core::RichText::fromPlain(text), style);
        block.layout(5000.0F, theme);
        CHECK(block.getLayoutWidth() == Approx(plain.getLayoutWidth()));
        CHECK(measureText(theme.fonts().regular, text, 20.0F) ==
              Approx(measureText(theme.fonts().regular, "1.5 x control", 20.0F)));
        CHECK(makeText(text, theme.fonts().regular, 20.0F, sf::Color::Black).getString() ==
              sf::String("1.5 x control"));

        ui::TextRecorder recorder;
        block.setPosition(0.0F, 0.0F);
        block.draw(texture, theme);
        REQUIRE(recorder.getTexts().size() == 1);
        CHECK(recorder.getTexts()[0].text == "1.5 x control");
    }
}

TEST_CASE("TextBlock: a link is drawn as its text and its address, nothing to click",
          "[render][display][text][links]")
{
    Theme theme(sharedFonts());
    TextStyle style;
    style.size = 20.0F;
    core::RichText linked;
    linked.append("Read the ");
    linked.append("ISMP list", true, false, core::Script::Normal, "https://www.ismp.org/");
    linked.append(" first.");
    TextBlock block(linked, style);
    block.layout(5000.0F, theme);
    sf::RenderTexture texture;
    REQUIRE(texture.create(800, 60));
    ui::TextRecorder recorder;
    block.setPosition(0.0F, 0.0F);
    block.draw(texture, theme);
    // Fragments are per style and line; spaces between them are offsets, not characters.
    std::string drawn;
    for (const DrawnText& text : recorder.getTexts())
        drawn += text.text;
    drawn.erase(std::remove(drawn.begin(), drawn.end(), ' '), drawn.end());
    CHECK(drawn == "ReadtheISMPlist(https://www.ismp.org/)first.");
    CHECK(block.getText() == linked); // the text itself keeps its link
}

TEST_CASE("TextBlock: empty text takes no room", "[render][display][text]")
{
    Theme theme(sharedFonts());
    TextBlock block(core::RichText{}, TextStyle{});
    CHECK(block.layout(300.0F, theme) == Approx(0.0F));
}

TEST_CASE("ScrollArea: scrolling stays within the content", "[render][display][scroll]")
{
    ScrollArea area;
    area.setBounds({0.0F, 100.0F, 400.0F, 300.0F});
    area.setContentHeight(1000.0F);
    CHECK(area.getMaxScroll() == Approx(700.0F));
    area.scrollBy(-50.0F);
    CHECK(area.getScroll() == Approx(0.0F));
    area.scrollBy(5000.0F);
    CHECK(area.getScroll() == Approx(700.0F));
    area.ensureVisible({0.0F, 150.0F, 400.0F, 40.0F});
    CHECK(area.getScroll() <= 50.0F);
    area.setContentHeight(200.0F);
    CHECK(area.getScroll() == Approx(0.0F));
    CHECK_FALSE(area.isScrollable());

    area.setContentHeight(1000.0F);
    sf::Event wheel{};
    wheel.type = sf::Event::MouseWheelScrolled;
    wheel.mouseWheelScroll.delta = -1.0F;
    wheel.mouseWheelScroll.x = 50;
    wheel.mouseWheelScroll.y = 150;
    CHECK(area.handleEvent(wheel));
    CHECK(area.getScroll() > 0.0F);
    CHECK(area.handleEvent(keyEvent(sf::Keyboard::PageDown)));
}

TEST_CASE("ScrollArea: a click reaches the child under the pointer at the scrolled position",
          "[render][display][scroll]")
{
    ScrollArea area;
    area.setBounds({0.0F, 0.0F, 400.0F, 100.0F});
    int clicked = -1;
    for (int i = 0; i < 10; ++i)
    {
        auto button =
            std::make_unique<Button>("B" + std::to_string(i), [&clicked, i] { clicked = i; });
        button->setBounds({0.0F, 50.0F * static_cast<float>(i), 400.0F, 50.0F});
        area.add(std::move(button));
    }
    area.setContentHeight(500.0F);
    area.scrollTo(200.0F);
    sf::Event release{};
    release.type = sf::Event::MouseButtonReleased;
    release.mouseButton.button = sf::Mouse::Left;
    release.mouseButton.x = 10;
    release.mouseButton.y = 60; // 60 + 200 scrolled = the fifth button
    CHECK(area.handleEvent(release));
    CHECK(clicked == 5);
    release.mouseButton.y = 150; // below the area: nothing
    clicked = -1;
    CHECK_FALSE(area.handleEvent(release));
    CHECK(clicked == -1);
}

TEST_CASE("FocusGroup: Tab and arrows skip hidden and disabled widgets and wrap around",
          "[render][display][focus]")
{
    Button a("A", [] {});
    Button b("B", [] {});
    Button c("C", [] {});
    Button d("D", [] {});
    b.setVisible(false);
    c.setEnabled(false);
    FocusGroup group;
    for (Button* button : {&a, &b, &c, &d})
        group.add(button);
    group.focus(&a);
    CHECK(group.handleEvent(keyEvent(sf::Keyboard::Tab)));
    CHECK(group.getFocused() == &d);
    group.handleEvent(keyEvent(sf::Keyboard::Down));
    CHECK(group.getFocused() == &a);
    group.handleEvent(keyEvent(sf::Keyboard::Tab, true));
    CHECK(group.getFocused() == &d);
}

TEST_CASE("Checkbox: Space toggles it, Enter is left to the screen", "[render][display][focus]")
{
    bool value = false;
    Checkbox box("Sound", false, [&value](bool on) { value = on; });
    box.setFocused(true);
    CHECK(box.handleEvent(keyEvent(sf::Keyboard::Space)));
    CHECK(value);
    CHECK_FALSE(box.handleEvent(keyEvent(sf::Keyboard::Enter)));
    CHECK(value);
}

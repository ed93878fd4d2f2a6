#include "ScreenKit.hpp"
#include "Screens.hpp"
#include "ui/GameContext.hpp"

namespace quiz::ui
{

PackErrorsScreen::PackErrorsScreen(ScreenStack& stack, GameContext& context)
    : Screen(stack, context)
{
    m_back = std::make_unique<Button>(
        "Back", [this] { requestPop(); }, Button::Kind::Primary);
    m_widgets.push_back(&m_list);
    m_widgets.push_back(m_back.get());
    m_focus.add(&m_list);
    m_focus.add(m_back.get());
    m_focus.focus(m_back.get());
}

void PackErrorsScreen::layout(sf::Vector2f size)
{
    setSize(size);
    const Theme& t = theme();
    const Palette& c = t.colors();
    const float content = t.contentWidth(size.x);
    const float left = (size.x - content) / 2.0F;
    const float top = headerHeight(t) + t.px(20.0F);
    const float buttonHeight = t.px(54.0F);
    const float footer = size.y - buttonHeight - t.px(28.0F);
    m_list.clear();
    m_list.setBounds({left, top, content, footer - top - t.px(12.0F)});
    TextStyle strong;
    strong.size = t.bodySize();
    strong.bold = true;
    strong.color = c.text;
    TextStyle mono = strong;
    mono.bold = false;
    mono.size = t.smallSize();
    float y = top;
    auto intro = std::make_unique<Panel>();
    TextStyle muted = mono;
    muted.color = c.muted;
    intro->addText(core::RichText::fromPlain(
                       "These files have errors and were skipped. Fix them and restart, or run "
                       "'heparin-quiz check' on them for the same list."),
                   muted);
    y += m_list.add(std::move(intro)).layout(left, y, content - t.px(20.0F), t) + t.px(12.0F);
    for (const core::CheckedPack& checked : context().checkedPacks)
    {
        if (checked.pack)
            continue;
        auto panel = std::make_unique<Panel>();
        panel->addText(core::RichText::fromPlain("✘ " + checked.path), strong);
        std::size_t shown = 0;
        for (const core::Diagnostic& diagnostic : checked.diagnostics.getAll())
        {
            if (++shown > 40)
                break;
            panel->addText(core::RichText::fromPlain(diagnostic.format()), mono);
        }
        const std::size_t total =
            checked.diagnostics.getAll().size() + checked.diagnostics.getDropped();
        if (total > 40)
            panel->addText(
                core::RichText::fromPlain("… and " + std::to_string(total - 40) + " more"), muted);
        panel->setColors(c.panel, c.wrong, 1.0F);
        panel->setStripe(c.wrong);
        y += m_list.add(std::move(panel)).layout(left, y, content - t.px(20.0F), t) + t.px(12.0F);
    }
    m_list.setContentHeight(y - top);
    m_back->setBounds({left + content - t.px(200.0F), footer, t.px(200.0F), buttonHeight});
}

bool PackErrorsScreen::handleEvent(const sf::Event& event)
{
    if (isKey(event, sf::Keyboard::Escape) || isKey(event, sf::Keyboard::Enter))
    {
        requestPop();
        return false;
    }
    dispatchToWidgets(event);
    return false;
}

void PackErrorsScreen::draw(sf::RenderTarget& target) const
{
    drawHeader(target, theme(), "Packs with errors",
               std::to_string(context().getErrorPackCount()) + " skipped");
    drawWidgets(target);
}

} // namespace quiz::ui

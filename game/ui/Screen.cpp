#include "Screen.hpp"

#include "Audio.hpp"
#include "GameContext.hpp"
#include "Theme.hpp"
#include "ui/widgets/Button.hpp"
#include "ui/widgets/TextBlock.hpp"

#include <SFML/Graphics/RenderTarget.hpp>

#include <algorithm>
#include <stdexcept>

namespace quiz::ui
{

Screen::Screen(ScreenStack& stack, GameContext& context) : m_stack(stack), m_context(context)
{
}

bool Screen::update(std::chrono::milliseconds elapsed)
{
    return updateWidgets(elapsed);
}

void Screen::requestPush(ScreenId id)
{
    m_stack.push(id);
}

void Screen::requestPop()
{
    m_stack.pop();
}

void Screen::requestClear()
{
    m_stack.clear();
}

void Screen::requestReplace(ScreenId id)
{
    m_stack.pop();
    m_stack.push(id);
}

void Screen::goOnAfterAnswer()
{
    core::Session& session = *m_context.session;
    m_context.recordAnswer(session.getAnswers().size() - 1, core::Confidence::None);
    if (session.getPhase() == core::Phase::Feedback)
    {
        m_context.audio->play(session.getAnswers().back().score.correct ? Cue::Correct
                                                                        : Cue::Wrong);
        requestReplace(ScreenId::Feedback);
    }
    else if (session.isFinished())
    {
        m_context.finishSession();
        requestReplace(ScreenId::Results);
    }
    else
    {
        requestReplace(ScreenId::Question);
    }
}

const Theme& Screen::theme() const
{
    return *m_context.theme;
}

bool Screen::updateWidgets(std::chrono::milliseconds elapsed) const
{
    bool animating = false;
    for (Widget* widget : m_widgets)
        animating = widget->update(elapsed) || animating;
    return animating;
}

void Screen::drawWidgets(sf::RenderTarget& target) const
{
    for (const Widget* widget : m_widgets)
        widget->draw(target, theme());
}

bool Screen::dispatchToWidgets(const sf::Event& event)
{
    // PageUp/PageDown scroll the area the focus is in (the results' review, not the summary
    // beside it); with the focus in none of them, the first one takes them as before.
    if (event.type == sf::Event::KeyPressed &&
        (event.key.code == sf::Keyboard::PageUp || event.key.code == sf::Keyboard::PageDown))
    {
        for (Widget* widget : m_widgets)
        {
            auto* area = dynamic_cast<ScrollArea*>(widget);
            if (area != nullptr && area->isVisible() && area->containsFocus())
                return area->handleEvent(event);
        }
    }
    for (Widget* widget : m_widgets)
    {
        if (widget->handleEvent(event))
            return true;
    }
    return m_focus.handleEvent(event);
}

void ScreenStack::registerScreen(ScreenId id, Factory factory)
{
    m_factories[id] = std::move(factory);
}

void ScreenStack::push(ScreenId id)
{
    m_pending.push_back({Action::Push, id});
}

void ScreenStack::pop()
{
    m_pending.push_back({Action::Pop, ScreenId::Title});
}

void ScreenStack::clear()
{
    m_pending.push_back({Action::Clear, ScreenId::Title});
}

void ScreenStack::applyPendingChanges(sf::Vector2f size)
{
    bool changed = false;
    // Screens may queue more changes while being built; take them in order.
    for (std::size_t i = 0; i < m_pending.size(); ++i)
    {
        const Pending change = m_pending[i];
        changed = true;
        switch (change.action)
        {
        case Action::Push:
        {
            const auto factory = m_factories.find(change.id);
            if (factory == m_factories.end())
                throw std::logic_error("no screen registered for that id");
            m_screens.push_back({change.id, factory->second(), true});
            break;
        }
        case Action::Pop:
            if (!m_screens.empty())
                m_screens.pop_back();
            break;
        case Action::Clear:
            m_screens.clear();
            break;
        }
    }
    m_pending.clear();
    if (changed)
        m_heldOver = m_keysDown;
    if (changed && !m_screens.empty())
    {
        m_fade = 0.0F;
        // The screen now on top is laid out again even when it was before: it may have been
        // laid out for another size, and screens refresh what they show in layout.
        m_screens.back().stale = true;
        layoutVisible(size, false);
        if (m_pointer)
        {
            // Hover follows the pointer, not the last move this screen happened to see.
            sf::Event moved{};
            moved.type = sf::Event::MouseMoved;
            moved.mouseMove.x = m_pointer->x;
            moved.mouseMove.y = m_pointer->y;
            dispatch(moved);
        }
    }
    else if (changed)
    {
        m_fade = 0.0F;
    }
}

std::size_t ScreenStack::getFirstVisible() const
{
    std::size_t first = 0;
    for (std::size_t i = 0; i < m_screens.size(); ++i)
    {
        if (m_screens[i].screen->isOpaque())
            first = i;
    }
    return first;
}

void ScreenStack::layoutVisible(sf::Vector2f size, bool all)
{
    const std::size_t first = getFirstVisible();
    for (std::size_t i = 0; i < m_screens.size(); ++i)
    {
        Entry& entry = m_screens[i];
        if (i < first)
        {
            entry.stale = entry.stale || all;
        }
        else if (entry.stale || all)
        {
            entry.screen->layout(size);
            entry.stale = false;
        }
    }
}

void ScreenStack::handleEvent(const sf::Event& event)
{
    if (event.type == sf::Event::MouseMoved)
        m_pointer = sf::Vector2i(event.mouseMove.x, event.mouseMove.y);
    else if (event.type == sf::Event::MouseLeft)
        m_pointer.reset();
    if (event.type == sf::Event::LostFocus)
        m_keysDown.clear(); // their releases go to another window
    if (event.type == sf::Event::KeyReleased)
    {
        m_keysDown.erase(event.key.code);
        m_heldOver.erase(event.key.code);
    }
    if (event.type == sf::Event::KeyPressed)
    {
        m_keysDown.insert(event.key.code);
        // Auto-repeat of a key still held from the screen before (the Enter that answered the
        // last question): it acts on this screen only once released and pressed again.
        if (m_heldOver.count(event.key.code) > 0)
            return;
    }
    dispatch(event);
}

void ScreenStack::dispatch(const sf::Event& event)
{
    for (auto it = m_screens.rbegin(); it != m_screens.rend(); ++it)
    {
        if (!it->screen->handleEvent(event))
            break;
    }
}

bool ScreenStack::update(std::chrono::milliseconds elapsed)
{
    // Only the top screen lives: a question's timer stops while "Leave the round?" is open.
    bool animating = !m_screens.empty() && m_screens.back().screen->update(elapsed);
    if (m_fade < 1.0F)
    {
        m_fade = std::min(1.0F, m_fade + static_cast<float>(elapsed.count()) / 160.0F);
        animating = true;
    }
    return animating;
}

bool ScreenStack::advance(std::chrono::milliseconds elapsed, sf::Vector2f size)
{
    const bool moving = update(elapsed);
    applyPendingChanges(size);
    return moving || isTransitioning();
}

void ScreenStack::draw(sf::RenderTarget& target, const Theme& theme) const
{
    target.clear(theme.colors().background);
    const std::size_t first = getFirstVisible();
    const sf::View saved = target.getView();
    for (std::size_t i = first; i < m_screens.size(); ++i)
    {
        const bool top = i + 1 == m_screens.size();
        if (top && m_fade < 1.0F && m_screens[i].screen->isOpaque())
        {
            // The new screen slides in from the right and settles (ease-out). A slide costs
            // nothing extra per pixel, unlike a full-screen fade, which software GL pays for.
            sf::View slid = saved;
            slid.move(-getSlideOffset(theme), 0.0F);
            target.setView(slid);
        }
        {
            const TextLayer text(target);
            m_screens[i].screen->draw(target);
        }
        target.setView(saved);
    }
}

float ScreenStack::getSlideOffset(const Theme& theme) const
{
    const float t = 1.0F - m_fade;
    return theme.px(48.0F) * t * t;
}

void ScreenStack::layout(sf::Vector2f size)
{
    layoutVisible(size, true);
}

bool ScreenStack::needsTicks() const
{
    return !m_screens.empty() && m_screens.back().screen->needsTicks();
}

ScreenId ScreenStack::getTopId() const
{
    return m_screens.empty() ? ScreenId::Title : m_screens.back().id;
}

} // namespace quiz::ui

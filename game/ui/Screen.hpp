#pragma once

#include "ui/widgets/ScrollArea.hpp"

#include <SFML/System/Vector2.hpp>
#include <SFML/Window/Event.hpp>

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <vector>

namespace sf
{
class RenderTarget;
}

namespace quiz::ui
{

struct GameContext;
class ScreenStack;
class Theme;

enum class ScreenId
{
    Title,
    Setup,
    Question,
    Feedback,
    Results,
    Settings,
    PackErrors,
    ConfirmQuit,
    ClassSetup,
    ClassHost,
    ClassJoin,
    ClassStudent,
    Profiles,
    Statistics,
    Confidence
};

/// One screen of the game. Screens lay themselves out for a window size, take events
/// top-down (returning false stops them reaching the screens below, as an overlay does),
/// and ask the stack for changes; the stack applies them after the event loop.
class Screen
{
public:
    Screen(ScreenStack& stack, GameContext& context);
    virtual ~Screen() = default;
    Screen(const Screen&) = delete;
    Screen& operator=(const Screen&) = delete;

    /// (Re)computes every position for a window of `size` pixels.
    virtual void layout(sf::Vector2f size) = 0;
    /// Returns true to let the screens below see the event too.
    virtual bool handleEvent(const sf::Event& event) = 0;
    /// Advances animations and game time; returns true while something is still moving.
    virtual bool update(std::chrono::milliseconds elapsed);
    virtual void draw(sf::RenderTarget& target) const = 0;
    /// True when the screen needs regular updates even without input (a running timer).
    [[nodiscard]] virtual bool needsTicks() const { return false; }
    /// Screens below an opaque screen are not drawn.
    [[nodiscard]] virtual bool isOpaque() const { return true; }

protected:
    void requestPush(ScreenId id);
    void requestPop();
    void requestClear();
    /// Pops this screen and pushes `id` in its place.
    void requestReplace(ScreenId id);
    /// After the player answered the current question (without a confidence rating): records
    /// it, then goes to the feedback (tutor mode, with the right or wrong sound), the results
    /// when the round is over, or the next question (exam mode, no hint of how it went).
    void goOnAfterAnswer();
    [[nodiscard]] ScreenStack& stack() const { return m_stack; }
    [[nodiscard]] GameContext& context() const { return m_context; }
    [[nodiscard]] const Theme& theme() const;
    [[nodiscard]] sf::Vector2f getSize() const { return m_size; }
    void setSize(sf::Vector2f size) { m_size = size; }

    /// Updates and draws widgets in one place so screens do not repeat the loops.
    bool updateWidgets(std::chrono::milliseconds elapsed) const;
    void drawWidgets(sf::RenderTarget& target) const;
    /// Passes the event to the focus group, then to the widgets. Returns true if one used it.
    bool dispatchToWidgets(const sf::Event& event);

    std::vector<Widget*> m_widgets; ///< drawn and updated in order; owned elsewhere
    FocusGroup m_focus;

private:
    ScreenStack& m_stack;
    GameContext& m_context;
    sf::Vector2f m_size;
};

/// The stack of screens (top = last). Changes requested while handling events are queued
/// and applied by applyPendingChanges(), so a screen never destroys itself mid-call.
class ScreenStack
{
public:
    using Factory = std::function<std::unique_ptr<Screen>()>;

    void registerScreen(ScreenId id, Factory factory);
    void push(ScreenId id);
    void pop();
    void clear();
    void applyPendingChanges(sf::Vector2f size);

    void handleEvent(const sf::Event& event);
    /// Updates the top screen; returns true while it (or its slide-in) is animating.
    bool update(std::chrono::milliseconds elapsed);
    /// One frame's worth of the game loop: lets `elapsed` pass on the top screen, then applies
    /// the queued changes for a window of `size`. Returns true while anything still moves,
    /// including the slide-in of a screen those changes just pushed.
    bool advance(std::chrono::milliseconds elapsed, sf::Vector2f size);
    void draw(sf::RenderTarget& target, const Theme& theme) const;
    void layout(sf::Vector2f size);

    [[nodiscard]] bool isEmpty() const { return m_screens.empty(); }
    [[nodiscard]] bool needsTicks() const;
    /// The id of the top screen (Title when empty).
    [[nodiscard]] ScreenId getTopId() const;
    /// True while the top screen is still sliding in.
    [[nodiscard]] bool isTransitioning() const { return m_fade < 1.0F; }
    /// How far right of its place the top screen is drawn now, in pixels (0 once settled).
    [[nodiscard]] float getSlideOffset(const Theme& theme) const;
    /// Starts the fade-in again (benchmarks use it as a repeatable animation).
    void restartTransition() { m_fade = 0.0F; }

private:
    enum class Action
    {
        Push,
        Pop,
        Clear
    };
    struct Pending
    {
        Action action;
        ScreenId id;
    };

    struct Entry
    {
        ScreenId id;
        std::unique_ptr<Screen> screen;
        /// Not laid out for the current size and theme yet: screens hidden under an opaque one
        /// wait until they show, so their text never loads glyphs nobody sees.
        bool stale = true;
    };

    /// The index of the lowest screen drawn: the top-most opaque one.
    [[nodiscard]] std::size_t getFirstVisible() const;
    /// Gives `event` to the screens top-down until one stops it.
    void dispatch(const sf::Event& event);
    /// Lays out the drawn screens that are stale (all of them with `all`); marks the rest stale.
    void layoutVisible(sf::Vector2f size, bool all);

    std::vector<Entry> m_screens;
    std::vector<Pending> m_pending;
    std::map<ScreenId, Factory> m_factories;
    float m_fade = 1.0F;                    ///< 0..1 fade-in of the top screen
    std::set<sf::Keyboard::Key> m_keysDown; ///< pressed and not yet released
    std::set<sf::Keyboard::Key> m_heldOver; ///< down when the top screen last changed
    /// Where the pointer last was over the window, if it is there: a screen that comes (back)
    /// to the top hears of it, so it does not keep a hover from before it was covered.
    std::optional<sf::Vector2i> m_pointer;
};

} // namespace quiz::ui

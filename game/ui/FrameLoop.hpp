#pragma once

#include <SFML/Window/Event.hpp>

#include <chrono>

namespace quiz::ui
{

/// Where the loop waits for input and reads time: the window and a monotonic clock in the
/// game, a scripted fake in tests.
class LoopPort
{
public:
    virtual ~LoopPort() = default;
    [[nodiscard]] virtual bool isOpen() const = 0;
    /// Blocks until an event arrives; false when there will be none (the window closed).
    virtual bool waitEvent(sf::Event& event) = 0;
    /// Takes an event that has already arrived; false when there is none.
    virtual bool pollEvent(sf::Event& event) = 0;
    virtual void sleep(std::chrono::milliseconds duration) = 0;
    /// Monotonic time since any fixed origin. The only clock the game's time is read from.
    [[nodiscard]] virtual std::chrono::milliseconds now() = 0;
};

/// What the loop drives: the Application, or a test's screen stack.
class LoopClient
{
public:
    virtual ~LoopClient() = default;
    virtual void handleEvent(const sf::Event& event) = 0;
    /// Lets `elapsed` pass and applies queued screen changes. Returns true while anything
    /// still moves (a slide-in, a hover easing), so the next frame must come without input.
    virtual bool step(std::chrono::milliseconds elapsed) = 0;
    /// True while a running timer needs the time to pass without input.
    [[nodiscard]] virtual bool needsTicks() const = 0;
    virtual void render() = 0;
};

/// The game loop, one turn at a time. While something moves it draws at a frame cap; while a
/// timer runs it wakes a few times a second; otherwise it blocks in waitEvent and uses no CPU.
/// Time always passes before the events that ended the wait are handled, so the key that
/// answers a question finds the whole time the question was shown already counted.
class FrameLoop
{
public:
    static constexpr std::chrono::milliseconds kFrame{16};
    static constexpr std::chrono::milliseconds kTick{100};

    FrameLoop(LoopPort& port, LoopClient& client);
    /// Waits (or not), lets time pass, handles the events, draws. Returns false once the port
    /// has closed, without drawing.
    bool turn();
    /// Draw again at the frame cap on the next turn (after a resize, a settings change).
    void requestFrame() { m_moving = true; }
    /// True when the next turn blocks until input: nothing moves and no timer runs.
    [[nodiscard]] bool isIdle() const { return !m_moving && !m_client.needsTicks(); }

private:
    LoopPort& m_port;
    LoopClient& m_client;
    std::chrono::milliseconds m_last;
    bool m_moving = true;
};

} // namespace quiz::ui

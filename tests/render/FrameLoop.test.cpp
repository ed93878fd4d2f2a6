// The game loop with the real screens and a scripted window: animations run to the end with
// no input, the loop then blocks, and time passes before the key that ends a wait is handled.
#include "ui/FrameLoop.hpp"

#include "RenderHarness.hpp"

#include <deque>

using namespace quiz;
using namespace quiz::test;
using std::chrono::milliseconds;

namespace
{

/// A window whose events arrive at set times on a fake clock. Blocking with no event left
/// ends the script (the test's "nothing else is pressed").
class ScriptedPort : public ui::LoopPort
{
public:
    void at(milliseconds when, sf::Keyboard::Key code)
    {
        sf::Event event{};
        event.key.code = code;
        event.type = sf::Event::KeyPressed;
        m_events.push_back({when, event});
        // Released at once, as xdotool does: both arrive in one wake, and nothing comes after.
        event.type = sf::Event::KeyReleased;
        m_events.push_back({when, event});
    }

    [[nodiscard]] bool isOpen() const override { return m_open; }
    bool waitEvent(sf::Event& event) override
    {
        ++waits;
        if (m_events.empty())
        {
            m_open = false;
            return false;
        }
        m_now = std::max(m_now, m_events.front().first);
        return pollEvent(event);
    }
    bool pollEvent(sf::Event& event) override
    {
        if (m_events.empty() || m_events.front().first > m_now)
            return false;
        event = m_events.front().second;
        m_events.pop_front();
        return true;
    }
    void sleep(milliseconds duration) override { m_now += duration; }
    [[nodiscard]] milliseconds now() override { return m_now; }

    int waits = 0;

private:
    std::deque<std::pair<milliseconds, sf::Event>> m_events;
    milliseconds m_now{0};
    bool m_open = true;
};

/// The render harness's screens as the loop drives them (as the Application does, through
/// ScreenStack::advance); records the offset of every frame drawn.
class StackClient : public ui::LoopClient
{
public:
    explicit StackClient(Harness& h) : m_h(h) {}
    void handleEvent(const sf::Event& event) override { m_h.stack.handleEvent(event); }
    bool step(milliseconds elapsed) override
    {
        return m_h.stack.advance(elapsed, {1280.0F, 720.0F});
    }
    [[nodiscard]] bool needsTicks() const override { return m_h.stack.needsTicks(); }
    void render() override { offsets.push_back(m_h.stack.getSlideOffset(*m_h.context.theme)); }

    std::vector<float> offsets;

private:
    Harness& m_h;
};

/// Turns the loop until the script has no event left and the loop blocks for more.
void runToIdle(ui::FrameLoop& loop)
{
    for (int i = 0; i < 10000 && loop.turn(); ++i)
    {
    }
}

} // namespace

TEST_CASE("FrameLoop: after one key press and nothing else the new screen slides all the way in "
          "and the loop then blocks",
          "[render][display][loop]")
{
    Harness h(1280, 720);
    h.start({"mon-01", "mech-01"}, core::Mode::Tutor);
    ScriptedPort port;
    StackClient client(h);
    ui::FrameLoop loop(port, client);
    port.at(milliseconds(5000), sf::Keyboard::A);
    port.at(milliseconds(6000), sf::Keyboard::Enter); // submit: feedback (or "how sure?")
    runToIdle(loop);
    REQUIRE(h.stack.getTopId() != ui::ScreenId::Question);
    REQUIRE(client.offsets.size() >= 2);
    // The frame a slide starts on is drawn moved right; the last frame drawn is in place.
    CHECK(*std::max_element(client.offsets.begin(), client.offsets.end()) > 10.0F);
    CHECK(client.offsets.back() == 0.0F);
    CHECK_FALSE(h.stack.isTransitioning());
    CHECK(loop.isIdle());
    // Idle between the presses and after the last one: waits, not a frame every 16 ms.
    CHECK(client.offsets.size() < 100);
}

TEST_CASE("FrameLoop: the time on task of an answer is the time the question was shown, "
          "however long nothing was pressed",
          "[render][display][loop]")
{
    Harness h(1280, 720);
    h.context.settings.askConfidence = false;
    h.start({"mon-01", "mech-01"}, core::Mode::Tutor);
    // The harness lets the slide-in finish first: that time is already the question's.
    const long long settled = h.context.session->getTotalTime().count();
    ScriptedPort port;
    StackClient client(h);
    ui::FrameLoop loop(port, client);
    // Shown at 0; 12 s of thought, a letter, a second more, Enter.
    port.at(milliseconds(12000), sf::Keyboard::A);
    port.at(milliseconds(13000), sf::Keyboard::Enter);
    runToIdle(loop);
    const core::AnswerRecord* answer = h.context.session->getAnswer(0);
    REQUIRE(answer != nullptr);
    CHECK(answer->timeTaken.count() - settled >= 13000 - 16);
    CHECK(answer->timeTaken.count() - settled <= 13000 + 16);
}

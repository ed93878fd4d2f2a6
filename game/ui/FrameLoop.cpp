#include "FrameLoop.hpp"

#include <vector>

namespace quiz::ui
{

using std::chrono::milliseconds;

FrameLoop::FrameLoop(LoopPort& port, LoopClient& client)
    : m_port(port), m_client(client), m_last(port.now())
{
}

bool FrameLoop::turn()
{
    std::vector<sf::Event> events;
    sf::Event event{};
    if (m_moving)
    {
        const milliseconds spent = m_port.now() - m_last;
        if (spent < kFrame)
            m_port.sleep(kFrame - spent);
    }
    else if (m_client.needsTicks())
    {
        m_port.sleep(kTick);
    }
    else
    {
        if (!m_port.waitEvent(event))
            return false;
        events.push_back(event);
    }
    while (m_port.pollEvent(event))
        events.push_back(event);
    if (!m_port.isOpen())
        return false;

    const milliseconds now = m_port.now();
    const milliseconds elapsed = now - m_last;
    m_last = now;
    // First the time that passed while waiting, then what ended the wait: a question shown
    // for 13 s and answered by this key press records 13 s, not the length of one frame.
    bool moving = m_client.step(elapsed);
    if (!events.empty())
    {
        for (const sf::Event& e : events)
            m_client.handleEvent(e);
        // Applies the screen changes the events asked for; a new screen slides in, and
        // hover and focus changes ease in, over the frames that follow.
        moving = m_client.step(milliseconds(0)) || true;
    }
    m_moving = moving;
    m_client.render();
    return m_port.isOpen();
}

} // namespace quiz::ui

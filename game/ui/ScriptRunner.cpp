#include "ScriptRunner.hpp"

#include "Application.hpp"

#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/System/Clock.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace quiz::ui
{

using std::chrono::milliseconds;

std::string ScriptRunner::load(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return "cannot read the script '" + path + "'";
    std::stringstream text;
    text << in.rdbuf();
    std::string error;
    if (!parseScript(text.str(), path, m_commands, error))
        return error;
    m_active = true;
    return {};
}

void ScriptRunner::sendKey(const ScriptCommand& command)
{
    sf::Event event{};
    event.type = sf::Event::KeyPressed;
    event.key.code = static_cast<sf::Keyboard::Key>(keyFromName(command.text));
    event.key.shift = command.shift;
    m_app.handleEvent(event);
    event.type = sf::Event::KeyReleased;
    m_app.handleEvent(event);
}

void ScriptRunner::sendText(const std::string& utf8)
{
    const sf::String text = sf::String::fromUtf8(utf8.begin(), utf8.end());
    sf::Event event{};
    for (std::size_t i = 0; i < text.getSize(); ++i)
    {
        event.type = sf::Event::TextEntered;
        event.text.unicode = text[i];
        m_app.handleEvent(event);
    }
}

void ScriptRunner::sendNumber(const std::string& utf8)
{
    // Ctrl+Backspace empties the field, then the text goes in key by key as a player types it,
    // so a refused letter shows its message exactly as it would in play.
    sf::Event event{};
    event.type = sf::Event::KeyPressed;
    event.key.code = sf::Keyboard::BackSpace;
    event.key.control = true;
    m_app.handleEvent(event);
    event.type = sf::Event::KeyReleased;
    m_app.handleEvent(event);
    sendText(utf8);
}

void ScriptRunner::sendClick(int x, int y)
{
    sf::Event event{};
    event.type = sf::Event::MouseMoved;
    event.mouseMove.x = x;
    event.mouseMove.y = y;
    m_app.handleEvent(event);
    event.type = sf::Event::MouseButtonPressed;
    event.mouseButton.button = sf::Mouse::Left;
    event.mouseButton.x = x;
    event.mouseButton.y = y;
    m_app.handleEvent(event);
    event.type = sf::Event::MouseButtonReleased;
    m_app.handleEvent(event);
}

bool ScriptRunner::runNext()
{
    const ScriptCommand& command = m_commands[m_index++];
    switch (command.kind)
    {
    case ScriptCommand::Kind::Key:
        sendKey(command);
        break;
    case ScriptCommand::Kind::Text:
        sendText(command.text);
        break;
    case ScriptCommand::Kind::Number:
        sendNumber(command.text);
        break;
    case ScriptCommand::Kind::Click:
        sendClick(command.a, command.b);
        break;
    case ScriptCommand::Kind::Wait:
        // Game time, not wall time: a replay gives the same result on any machine.
        for (int left = command.a; left > 0 && m_app.isOpen(); left -= 100)
            m_app.step(milliseconds(std::min(left, 100)));
        break;
    case ScriptCommand::Kind::Shot:
        // Let transitions settle so the picture shows the screen, not a slide.
        for (int i = 0; i < 12 && m_app.isOpen(); ++i)
            m_app.step(milliseconds(20));
        if (!saveShot(command.text))
        {
            m_failed = true;
            m_app.close();
            return false;
        }
        break;
    case ScriptCommand::Kind::Resize:
        if (!m_app.m_fullscreen)
            m_app.m_window->setSize(
                {static_cast<unsigned>(command.a), static_cast<unsigned>(command.b)});
        m_app.onResize(static_cast<unsigned>(command.a), static_cast<unsigned>(command.b));
        break;
    case ScriptCommand::Kind::Frames:
        measureFrames(command.a);
        break;
    case ScriptCommand::Kind::Quit:
        m_app.close();
        return false;
    }
    m_app.step(milliseconds(16));
    m_app.render();
    return m_app.isOpen();
}

bool ScriptRunner::saveShot(const std::string& name)
{
    const sf::Vector2u size = m_app.m_window->getSize();
    sf::RenderTexture texture;
    if (!texture.create(size.x, size.y))
    {
        std::cerr << "heparin-quiz: cannot create an off-screen image for shot '" << name << "'\n";
        return false;
    }
    m_app.drawScene(texture);
    texture.display();
    const std::string& dir = m_app.m_options.screenshotDir;
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    const std::string path = dir + "/" + name + ".png";
    if (!texture.getTexture().copyToImage().saveToFile(path))
    {
        std::cerr << "heparin-quiz: cannot save the screenshot '" << path << "'\n";
        return false;
    }
    return true;
}

void ScriptRunner::measureFrames(int count)
{
    std::vector<double> times;
    sf::Clock clock;
    for (int i = 0; i < count && m_app.isOpen(); ++i)
    {
        if (i % 10 == 0)
            m_app.m_stack.restartTransition();
        clock.restart();
        sf::Event event;
        while (m_app.m_window->pollEvent(event))
        {
        }
        m_app.step(milliseconds(16));
        m_app.render();
        times.push_back(static_cast<double>(clock.getElapsedTime().asMicroseconds()) / 1000.0);
    }
    if (times.empty())
        return;
    std::sort(times.begin(), times.end());
    const auto at = [&times](double q)
    {
        return times[std::min(times.size() - 1,
                              static_cast<std::size_t>(q * static_cast<double>(times.size())))];
    };
    std::cout << "figure frame_time_p50 " << at(0.50) << " ms\n";
    std::cout << "figure frame_time_p99 " << at(0.99) << " ms\n";
    std::cout << "figure frame_time_max " << times.back() << " ms\n";
    std::cout.flush();
}

} // namespace quiz::ui

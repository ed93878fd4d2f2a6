// The scripted side of Application: replaying `--script` commands, screenshots and the frame
// timing the benchmark asks for.
#include "Application.hpp"

#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/System/Clock.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>

namespace quiz::ui
{

using std::chrono::milliseconds;

bool Application::runScriptCommand(const ScriptCommand& command)
{
    sf::Event event{};
    switch (command.kind)
    {
    case ScriptCommand::Kind::Key:
        event.type = sf::Event::KeyPressed;
        event.key.code = static_cast<sf::Keyboard::Key>(keyFromName(command.text));
        event.key.shift = command.shift;
        handleEvent(event);
        event.type = sf::Event::KeyReleased;
        handleEvent(event);
        break;
    case ScriptCommand::Kind::Text:
    {
        const sf::String text = sf::String::fromUtf8(command.text.begin(), command.text.end());
        for (std::size_t i = 0; i < text.getSize(); ++i)
        {
            event.type = sf::Event::TextEntered;
            event.text.unicode = text[i];
            handleEvent(event);
        }
        break;
    }
    case ScriptCommand::Kind::Click:
        event.type = sf::Event::MouseMoved;
        event.mouseMove.x = command.a;
        event.mouseMove.y = command.b;
        handleEvent(event);
        event.type = sf::Event::MouseButtonPressed;
        event.mouseButton.button = sf::Mouse::Left;
        event.mouseButton.x = command.a;
        event.mouseButton.y = command.b;
        handleEvent(event);
        event.type = sf::Event::MouseButtonReleased;
        handleEvent(event);
        break;
    case ScriptCommand::Kind::Wait:
        // Game time, not wall time: a replay gives the same result on any machine.
        for (int left = command.a; left > 0 && isOpen(); left -= 100)
            step(milliseconds(std::min(left, 100)));
        break;
    case ScriptCommand::Kind::Shot:
        // Let transitions settle so the picture shows the screen, not a fade.
        for (int i = 0; i < 12 && isOpen(); ++i)
            step(milliseconds(20));
        if (!saveShot(command.text))
        {
            m_scriptFailed = true;
            m_window->close();
            return false;
        }
        break;
    case ScriptCommand::Kind::Resize:
        if (!m_fullscreen)
            m_window->setSize({static_cast<unsigned>(command.a), static_cast<unsigned>(command.b)});
        onResize(static_cast<unsigned>(command.a), static_cast<unsigned>(command.b));
        break;
    case ScriptCommand::Kind::Frames:
        measureFrames(command.a);
        break;
    case ScriptCommand::Kind::Quit:
        m_window->close();
        return false;
    }
    step(milliseconds(16));
    render();
    return isOpen();
}

bool Application::saveShot(const std::string& name)
{
    const sf::Vector2u size = m_window->getSize();
    sf::RenderTexture texture;
    if (!texture.create(size.x, size.y))
    {
        std::cerr << "heparin-quiz: cannot create an off-screen image for shot '" << name << "'\n";
        return false;
    }
    drawScene(texture);
    texture.display();
    std::error_code ec;
    std::filesystem::create_directories(m_options.screenshotDir, ec);
    const std::string path = m_options.screenshotDir + "/" + name + ".png";
    if (!texture.getTexture().copyToImage().saveToFile(path))
    {
        std::cerr << "heparin-quiz: cannot save the screenshot '" << path << "'\n";
        return false;
    }
    return true;
}

void Application::measureFrames(int count)
{
    std::vector<double> times;
    sf::Clock clock;
    for (int i = 0; i < count && isOpen(); ++i)
    {
        if (i % 10 == 0)
            m_stack.restartTransition();
        clock.restart();
        sf::Event event;
        while (m_window->pollEvent(event))
        {
        }
        step(milliseconds(16));
        render();
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

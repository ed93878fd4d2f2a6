#include "Application.hpp"

#include "ui/screens/ScreenRegistry.hpp"

#include <SFML/System/Clock.hpp>
#include <SFML/System/Err.hpp>
#include <SFML/System/Sleep.hpp>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <iostream>
#include <sstream>
#include <utility>

namespace quiz::ui
{
namespace
{

using std::chrono::milliseconds;

sf::Vector2f sizeOf(const sf::RenderWindow& window)
{
    return sf::Vector2f(window.getSize());
}

/// The wall clock: read here, at the edge, and passed into the progress code.
core::TimestampMs wallClockMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

/// The local time zone's offset from UTC now, in minutes east (statistics days start at
/// local midnight).
int localUtcOffsetMinutes()
{
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    if (localtime_r(&now, &local) == nullptr)
        return 0;
    return static_cast<int>(local.tm_gmtoff / 60);
}

ServiceOptions serviceOptions(const LaunchOptions& launch)
{
    ServiceOptions options;
    options.profileDir = launch.profileDir;
    options.dataDir = launch.dataDir;
    options.resultsPath = launch.resultsPath;
    options.today = launch.today;
    options.playerName = launch.playerName;
    options.accountName = launch.accountName;
    options.clock = wallClockMs;
    options.utcOffsetMinutes = localUtcOffsetMinutes();
    return options;
}

/// The window and SFML's monotonic clock, as the loop sees them.
class WindowPort : public LoopPort
{
public:
    explicit WindowPort(sf::RenderWindow& window) : m_window(window) {}
    [[nodiscard]] bool isOpen() const override { return m_window.isOpen(); }
    bool waitEvent(sf::Event& event) override { return m_window.waitEvent(event); }
    bool pollEvent(sf::Event& event) override { return m_window.pollEvent(event); }
    void sleep(milliseconds duration) override
    {
        sf::sleep(sf::milliseconds(static_cast<sf::Int32>(duration.count())));
    }
    [[nodiscard]] milliseconds now() override
    {
        return milliseconds(m_clock.getElapsedTime().asMilliseconds());
    }

private:
    sf::RenderWindow& m_window;
    sf::Clock m_clock;
};

} // namespace

Application::Application(LaunchOptions options)
    : m_options(std::move(options)), m_theme(m_fonts),
      m_context(serviceOptions(m_options), m_theme, m_audio, m_stack),
      m_windowedSize(std::max(m_options.width, kMinWidth), std::max(m_options.height, kMinHeight)),
      m_script(*this)
{
}

bool Application::loadEverything()
{
    try
    {
        loadFonts(m_fonts, m_options.fontDir);
    }
    catch (const FontError& error)
    {
        std::cerr << "heparin-quiz: " << error.what() << '\n';
        return false;
    }
    m_context.load();
    m_context.setup.seed = m_options.seed;
    m_context.mute = m_options.mute;
    return true;
}

std::string Application::startDirectPlay()
{
    core::SessionConfig config = *m_options.directPlay;
    for (const std::string& topic : m_options.directTopics)
    {
        bool found = false;
        for (const core::TopicSelection& pack : m_options.directPlay->selections)
        {
            for (const core::Pack& loaded : m_context.packs)
            {
                if (loaded.id == pack.packId && loaded.findTopic(topic) != nullptr)
                {
                    config.selections.push_back({pack.packId, topic});
                    found = true;
                }
            }
        }
        if (!found)
            return "no topic '" + topic + "' in the chosen packs";
    }
    if (!m_options.directTopics.empty())
    {
        // Topics narrow the packs: drop the whole-pack entries.
        config.selections.erase(std::remove_if(config.selections.begin(), config.selections.end(),
                                               [](const core::TopicSelection& s)
                                               { return s.topicId.empty(); }),
                                config.selections.end());
    }
    const std::string error = m_context.startSession(config);
    return error.empty() ? error : error.substr(std::string("Cannot start: ").size());
}

void Application::applyWindowSettings(bool fullscreen)
{
    if (!isOpen())
        return;
    if (fullscreen != m_fullscreen)
        createWindow(fullscreen);
    m_stack.layout(sizeOf(*m_window));
}

void Application::close()
{
    if (m_window)
        m_window->close();
}

void Application::createWindow(bool fullscreen)
{
    if (!m_window)
        m_window = std::make_unique<sf::RenderWindow>();
    if (m_window->isOpen() && !m_fullscreen)
        m_windowedSize = m_window->getSize();
    // SFML reports "Setting vertical sync not supported" on every software-GL window even
    // though we never ask for vsync; pass on anything else it says.
    std::ostringstream messages;
    std::streambuf* saved = sf::err().rdbuf(messages.rdbuf());
    if (fullscreen)
        m_window->create(sf::VideoMode::getDesktopMode(), "Heparin Quiz", sf::Style::Fullscreen);
    else
        m_window->create(sf::VideoMode(m_windowedSize.x, m_windowedSize.y), "Heparin Quiz",
                         sf::Style::Default);
    sf::err().rdbuf(saved);
    std::istringstream lines(messages.str());
    for (std::string line; std::getline(lines, line);)
    {
        if (line != "Setting vertical sync not supported")
            std::cerr << line << '\n';
    }
    m_fullscreen = fullscreen;
    m_context.settings.fullscreen = fullscreen;
    m_window->setKeyRepeatEnabled(true);
    const sf::Vector2u size = m_window->getSize();
    m_window->setView(sf::View(
        sf::FloatRect(0.0F, 0.0F, static_cast<float>(size.x), static_cast<float>(size.y))));
    m_theme.setWindowSize(static_cast<float>(size.x), static_cast<float>(size.y));
    m_stack.layout(sizeOf(*m_window));
}

void Application::onResize(unsigned width, unsigned height)
{
    if (!m_fullscreen && (width < kMinWidth || height < kMinHeight))
    {
        width = std::max(width, kMinWidth);
        height = std::max(height, kMinHeight);
        m_window->setSize({width, height});
    }
    m_window->setView(
        sf::View(sf::FloatRect(0.0F, 0.0F, static_cast<float>(width), static_cast<float>(height))));
    m_theme.setWindowSize(static_cast<float>(width), static_cast<float>(height));
    m_stack.layout({static_cast<float>(width), static_cast<float>(height)});
    m_redraw = true;
}

void Application::handleEvent(const sf::Event& event)
{
    if (event.type == sf::Event::Closed)
    {
        m_window->close();
        return;
    }
    if (event.type == sf::Event::Resized)
    {
        onResize(event.size.width, event.size.height);
        return;
    }
    if (event.type == sf::Event::KeyPressed && event.key.code == sf::Keyboard::F11)
    {
        m_context.toggleFullscreen();
        return;
    }
    if (!m_notices.handleEvent(event))
        m_stack.handleEvent(event);
}

bool Application::step(milliseconds elapsed)
{
    const bool noticeMoving = m_notices.update(elapsed);
    const bool screenMoving = m_stack.advance(elapsed, sizeOf(*m_window));
    if (m_stack.isEmpty())
        m_window->close();
    return screenMoving || noticeMoving || std::exchange(m_redraw, false);
}

void Application::render()
{
    if (!isOpen())
        return;
    drawScene(*m_window);
    m_window->display();
}

void Application::drawScene(sf::RenderTarget& target)
{
    m_stack.draw(target, m_theme);
    m_notices.setNotices(m_context.progress->getNotices(), sf::Vector2f(target.getSize()), m_theme);
    m_notices.draw(target, m_theme);
}

int Application::run()
{
    if (!loadEverything())
        return 1;
    if (!m_options.scriptPath.empty())
    {
        if (const std::string error = m_script.load(m_options.scriptPath); !error.empty())
        {
            std::cerr << "heparin-quiz: " << error << '\n';
            return 2;
        }
    }
    m_context.window = this;
    registerScreens(m_stack, m_context);
    m_context.applySettings(false);
    if (m_options.directPlay)
    {
        if (const std::string error = startDirectPlay(); !error.empty())
        {
            std::cerr << "heparin-quiz play: " << error << '\n';
            return 2;
        }
    }
    else
    {
        m_stack.push(ScreenId::Title);
    }
    createWindow(m_options.fullscreen || (!m_options.windowGiven && m_context.settings.fullscreen));
    m_stack.applyPendingChanges(sizeOf(*m_window));
    render();

    if (m_script.isActive())
    {
        while (isOpen())
        {
            sf::Event event;
            while (m_window->pollEvent(event))
            {
                if (event.type != sf::Event::Resized) // the script resizes on its own terms
                    handleEvent(event);
            }
            if (m_script.isDone())
            {
                m_window->close();
                break;
            }
            if (!m_script.runNext())
                break;
        }
        return m_script.hasFailed() ? 1 : 0;
    }
    WindowPort port(*m_window);
    FrameLoop loop(port, *this);
    while (loop.turn())
    {
    }
    return m_script.hasFailed() ? 1 : 0;
}

} // namespace quiz::ui

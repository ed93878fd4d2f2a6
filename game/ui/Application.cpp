#include "Application.hpp"

#include "core/session/Results.hpp"
#include "core/util/AtomicFile.hpp"
#include "ui/screens/Screens.hpp"

#include <SFML/System/Clock.hpp>
#include <SFML/System/Err.hpp>
#include <SFML/System/Sleep.hpp>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <utility>

namespace quiz::ui
{
namespace
{

using std::chrono::milliseconds;

std::string readWholeFile(const std::string& path, bool& ok)
{
    std::ifstream in(path, std::ios::binary);
    ok = static_cast<bool>(in);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

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

} // namespace

Application::Application(LaunchOptions options)
    : m_options(std::move(options)), m_progress(m_options.profileDir), m_theme(m_fonts),
      m_windowedSize(std::max(m_options.width, kMinWidth), std::max(m_options.height, kMinHeight))
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
    m_context.profileDir = m_options.profileDir;
    m_context.dataDir = m_options.dataDir;
    m_context.resultsPath = m_options.resultsPath;
    m_context.settings = loadSettings(m_options.profileDir);
    m_context.setup.timerSeconds = m_context.settings.defaultTimer;
    m_context.setup.seed = m_options.seed;
    if (!m_options.dataDir.empty())
    {
        core::CheckOptions check;
        check.today = m_options.today;
        m_context.checkedPacks = core::loadAndCheckAll({m_options.dataDir}, check);
    }
    for (const core::CheckedPack& checked : m_context.checkedPacks)
    {
        if (checked.pack)
            m_context.packs.push_back(*checked.pack);
        else
            std::cerr << "heparin-quiz: skipping " << checked.path << " ("
                      << checked.diagnostics.getErrorCount() << " errors)\n";
    }
    loadHistory();
    m_progress.setLog(&std::cerr);
    m_progress.openLastPlayer(wallClockMs());
    return true;
}

void Application::wireContext()
{
    m_context.theme = &m_theme;
    m_context.audio = &m_audio;
    m_context.startSession = [this](const core::SessionConfig& config)
    { return startSession(config); };
    m_context.finishSession = [this] { finishSession(); };
    m_context.progress = &m_progress;
    m_context.now = wallClockMs;
    m_context.utcOffsetMinutes = localUtcOffsetMinutes();
    m_context.recordAnswer = [this](std::size_t index, core::Confidence confidence)
    {
        // A failure becomes a notice (on screen and stderr, once) in PlayerProgress.
        if (m_context.session)
            (void)m_progress.recordAnswer(m_context.packs, *m_context.session, index, confidence,
                                          wallClockMs(), m_roundMode);
    };
    m_context.applySettings = [this] { applySettings(true); };
    m_context.toggleFullscreen = [this]
    {
        m_context.settings.fullscreen = !m_fullscreen;
        applySettings(true);
    };
    m_context.quit = [this]
    {
        if (m_window)
            m_window->close();
    };
    registerScreens(m_stack, m_context);
}

std::string Application::startSession(const core::SessionConfig& config)
{
    std::string roundMode = std::exchange(m_context.roundMode, {});
    std::string error;
    std::optional<core::Session> session = core::Session::create(m_context.packs, config, error);
    if (!session)
        return "Cannot start: " + error;
    m_context.session = std::move(session);
    m_context.setup.seed = config.seed;
    m_roundMode = std::move(roundMode); // progress notices stay until the player dismisses them
    m_stack.clear();
    m_stack.push(ScreenId::Title);
    m_stack.push(ScreenId::Question);
    return {};
}

void Application::finishSession()
{
    const core::Session& session = *m_context.session;
    if (!m_context.resultsPath.empty())
    {
        const std::string error = core::writeResultsFile(m_context.resultsPath, session);
        if (!error.empty())
        {
            std::cerr << "heparin-quiz: " << error << '\n';
            m_context.lastError = "Results not saved: " + error;
        }
    }
    m_context.missedHistory = session.summarize().missed;
    saveHistory();
    m_audio.play(Cue::Finish);
}

void Application::loadHistory()
{
    if (m_options.profileDir.empty())
        return;
    bool ok = false;
    std::istringstream in(readWholeFile(m_options.profileDir + "/missed.txt", ok));
    std::string packId;
    std::string questionId;
    while (in >> packId >> questionId)
        m_context.missedHistory.push_back({packId, questionId});
}

void Application::saveHistory()
{
    if (m_options.profileDir.empty())
        return;
    std::string text;
    for (const core::QuestionKey& key : m_context.missedHistory)
        text += key.packId + " " + key.questionId + "\n";
    std::error_code ec;
    std::filesystem::create_directories(m_options.profileDir, ec);
    const std::string error = core::writeFileAtomically(m_options.profileDir + "/missed.txt", text);
    if (!error.empty())
        std::cerr << "heparin-quiz: " << error << '\n';
}

void Application::applySettings(bool save)
{
    const Settings& s = m_context.settings;
    m_theme.setHighContrast(s.highContrast);
    m_theme.setTextSizeStep(s.textSize);
    m_audio.setEnabled(s.sound && !m_options.mute);
    m_audio.setVolume(s.volume);
    if (isOpen() && s.fullscreen != m_fullscreen)
        createWindow(s.fullscreen);
    if (save && !m_options.profileDir.empty())
    {
        std::string error;
        if (!saveSettings(m_options.profileDir, s, error))
            std::cerr << "heparin-quiz: " << error << '\n';
    }
    if (isOpen())
        m_stack.layout(sizeOf(*m_window));
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
    m_animating = true;
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
    m_animating = true; // hover and focus changes ease in
}

void Application::step(milliseconds elapsed)
{
    const bool noticeMoving = m_notices.update(elapsed);
    m_animating = m_stack.update(elapsed) || noticeMoving || m_animating;
    m_stack.applyPendingChanges(sizeOf(*m_window));
    if (m_stack.isEmpty())
        m_window->close();
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
    m_notices.setNotices(m_progress.getNotices(), sf::Vector2f(target.getSize()), m_theme);
    m_notices.draw(target, m_theme);
}

int Application::run()
{
    if (!loadEverything())
        return 1;
    if (!m_options.scriptPath.empty())
    {
        bool ok = false;
        const std::string text = readWholeFile(m_options.scriptPath, ok);
        std::string error;
        if (!ok)
        {
            std::cerr << "heparin-quiz: cannot read the script '" << m_options.scriptPath << "'\n";
            return 2;
        }
        if (!parseScript(text, m_options.scriptPath, m_script, error))
        {
            std::cerr << "heparin-quiz: " << error << '\n';
            return 2;
        }
    }
    wireContext();
    applySettings(false);
    if (m_options.directPlay)
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
            {
                std::cerr << "heparin-quiz play: no topic '" << topic << "' in the chosen packs\n";
                return 2;
            }
        }
        if (!m_options.directTopics.empty())
        {
            // Topics narrow the packs: drop the whole-pack entries.
            config.selections.erase(
                std::remove_if(config.selections.begin(), config.selections.end(),
                               [](const core::TopicSelection& s) { return s.topicId.empty(); }),
                config.selections.end());
        }
        if (const std::string error = startSession(config); !error.empty())
        {
            std::cerr << "heparin-quiz play: " << error.substr(std::string("Cannot start: ").size())
                      << '\n';
            return 2;
        }
    }
    else
    {
        m_stack.push(ScreenId::Title);
    }
    createWindow(m_options.fullscreen || m_context.settings.fullscreen);
    m_context.settings.fullscreen = m_fullscreen;
    m_stack.applyPendingChanges(sizeOf(*m_window));
    render();

    sf::Clock clock;
    const bool scripted = !m_options.scriptPath.empty();
    while (isOpen())
    {
        sf::Event event;
        if (scripted)
        {
            while (m_window->pollEvent(event))
            {
                if (event.type != sf::Event::Resized) // the script resizes on its own terms
                    handleEvent(event);
            }
            if (m_scriptIndex >= m_script.size())
            {
                m_window->close();
                break;
            }
            if (!runScriptCommand(m_script[m_scriptIndex++]))
                break;
            continue;
        }
        if (m_animating)
        {
            while (m_window->pollEvent(event))
                handleEvent(event);
            const sf::Int32 spent = clock.getElapsedTime().asMilliseconds();
            if (spent < 16)
                sf::sleep(sf::milliseconds(16 - spent));
        }
        else if (m_stack.needsTicks())
        {
            // A running question timer: wake a few times a second, never spin.
            sf::sleep(sf::milliseconds(100));
            while (m_window->pollEvent(event))
                handleEvent(event);
        }
        else if (m_window->waitEvent(event))
        {
            handleEvent(event);
            while (m_window->pollEvent(event))
                handleEvent(event);
        }
        const milliseconds elapsed(clock.restart().asMilliseconds());
        m_animating = false;
        step(elapsed);
        render();
    }
    return m_scriptFailed ? 1 : 0;
}

} // namespace quiz::ui

#pragma once

#include "Audio.hpp"
#include "FrameLoop.hpp"
#include "GameContext.hpp"
#include "Screen.hpp"
#include "ScriptRunner.hpp"
#include "Theme.hpp"
#include "ui/widgets/NoticeBox.hpp"

#include <SFML/Graphics/RenderWindow.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace quiz::ui
{

/// Everything the command line decides before the window opens.
struct LaunchOptions
{
    std::string dataDir;    ///< packs folder ("" = none)
    std::string profileDir; ///< settings and history ("" = nothing saved)
    std::string resultsPath;
    std::string scriptPath;
    std::string screenshotDir = ".";
    std::string fontDir;     ///< DejaVu Sans's folder ("" = ask fontconfig)
    std::string today;       ///< YYYY-MM-DD for the checker
    std::string playerName;  ///< `--player NAME` ("" = the last one, or a new one at first start)
    std::string accountName; ///< the computer account, for the player made at a first start
    unsigned width = 1280;
    unsigned height = 720;
    bool fullscreen = false;
    bool windowGiven = false; ///< --window was given: it beats a fullscreen saved in settings
    bool mute = false;
    std::uint32_t seed = 1; ///< first seed offered on the set-up screen
    /// Set by `play`: start this round at once (pack ids are checked after loading).
    std::optional<core::SessionConfig> directPlay;
    /// `play --topic` values, resolved against the loaded packs.
    std::vector<std::string> directTopics;
};

inline constexpr unsigned kMinWidth = 800;
inline constexpr unsigned kMinHeight = 600;

/// Owns the window, the theme, the sounds and the screen stack, and runs the loop (FrameLoop:
/// blocked in waitEvent while the player is idle, at a frame cap only while something moves).
class Application : private WindowControls, private LoopClient
{
public:
    explicit Application(LaunchOptions options);
    /// Returns the process exit code (0 ok, 1 start-up failure, 2 bad script or arguments).
    int run();

private:
    friend class ScriptRunner;

    bool loadEverything();
    /// Starts the `play` round; returns "" or what is wrong with its packs or topics.
    std::string startDirectPlay();
    void applyWindowSettings(bool fullscreen) override;
    void close() override;
    void createWindow(bool fullscreen);
    void handleEvent(const sf::Event& event) override;
    void onResize(unsigned width, unsigned height);
    void render() override;
    /// The screens and, over them, the progress notices (the window and screenshots).
    void drawScene(sf::RenderTarget& target);
    bool step(std::chrono::milliseconds elapsed) override;
    [[nodiscard]] bool needsTicks() const override { return m_stack.needsTicks(); }
    [[nodiscard]] bool isOpen() const { return m_window && m_window->isOpen(); }

    LaunchOptions m_options;
    FontSet m_fonts;
    Theme m_theme;
    AudioPlayer m_audio;
    ScreenStack m_stack;
    GameContext m_context;
    NoticeBox m_notices{[this] { m_context.progress->clearNotices(); }}; ///< over every screen
    /// Made only when needed: constructing any SFML window opens the display.
    std::unique_ptr<sf::RenderWindow> m_window;
    bool m_fullscreen = false;
    sf::Vector2u m_windowedSize;
    bool m_redraw = true; ///< the window changed size: draw it again at once
    ScriptRunner m_script;
};

} // namespace quiz::ui

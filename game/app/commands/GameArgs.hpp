#pragma once

#include "Commands.hpp"
#include "core/session/Session.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace quiz::app
{

/// A window size in pixels, as `--window WxH` gives it.
struct WindowSize
{
    unsigned width = 0;
    unsigned height = 0;
};

/// The smallest `--window` the game accepts (its layouts are drawn for 800x600 and up).
inline constexpr WindowSize kMinGameWindow{800, 600};

/// The game's own options: taken with no command, and by `play`.
struct GameArgs
{
    std::optional<WindowSize> window; ///< none: the game's default size
    bool fullscreen = false;
    bool mute = false;
    std::string profileDir; ///< "": the XDG data folder
    /// `--player NAME`: play as this player, created when missing ("": the last one chosen,
    /// or on a first start a new one named after the account).
    std::string player;
    std::string results; ///< results JSON written when a round ends ("": none)
    std::string script;  ///< input to replay ("": play live)
    std::string screenshotDir;
    std::string fontDir;
};

/// `heparin-quiz play --pack ID [--topic ID]... [--count N] [--mode tutor|exam] [--seed N]
/// [--timer SECONDS]` plus the game's options: starts a round at once.
struct PlayArgs
{
    GameArgs game;
    std::vector<std::string> packs; ///< at least one
    std::vector<std::string> topics;
    std::size_t count = 10; ///< 0: every matching question
    core::Mode mode = core::Mode::Tutor;
    std::optional<std::uint32_t> seed; ///< none: from the clock
    int timerSeconds = 0;              ///< 0: no timer
};

/// How the executable starts the front end. A build without it passes no GameEntry, and the
/// command line then offers neither the game's options nor `play`.
struct GameEntry
{
    std::function<int(const GameArgs&, const CommandContext&)> runGame;
    std::function<int(const PlayArgs&, const CommandContext&)> runPlay;
    WindowSize minWindow; ///< the smallest `--window` accepted
};

} // namespace quiz::app

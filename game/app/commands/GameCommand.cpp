#include "GameCommand.hpp"

#include "ui/Application.hpp"

#include <ctime>

namespace quiz::app
{
namespace
{

std::uint32_t seedFromClock()
{
    // The app edge may read the clock; the seed is shown on the set-up screen for replays.
    return static_cast<std::uint32_t>(std::time(nullptr) % 1000000000);
}

ui::LaunchOptions makeLaunchOptions(const GameArgs& args, const CommandContext& context)
{
    ui::LaunchOptions launch;
    if (args.window)
    {
        launch.width = args.window->width;
        launch.height = args.window->height;
        launch.windowGiven = true;
    }
    launch.fullscreen = args.fullscreen;
    launch.mute = args.mute;
    launch.profileDir = args.profileDir.empty() ? ui::defaultProfileDir() : args.profileDir;
    launch.playerName = args.player;
    launch.accountName = context.accountName;
    launch.resultsPath = args.results;
    launch.scriptPath = args.script;
    if (!args.screenshotDir.empty())
        launch.screenshotDir = args.screenshotDir;
    if (!args.fontDir.empty())
        launch.fontDir = args.fontDir;
    launch.dataDir = context.dataDir;
    launch.today = context.today;
    // Replays are for tests and screenshots: their seed is fixed (sounds follow --mute).
    launch.seed = launch.scriptPath.empty() ? seedFromClock() : 1U;
    return launch;
}

} // namespace

int runGame(const GameArgs& args, const CommandContext& context)
{
    ui::Application app(makeLaunchOptions(args, context));
    return app.run();
}

int runPlay(const PlayArgs& args, const CommandContext& context)
{
    ui::LaunchOptions launch = makeLaunchOptions(args.game, context);
    core::SessionConfig config;
    for (const std::string& pack : args.packs)
        config.selections.push_back({pack, ""});
    config.count = args.count;
    config.mode = args.mode;
    config.seed = args.seed.value_or(seedFromClock());
    config.timerSeconds = args.timerSeconds;
    launch.directPlay = config;
    launch.directTopics = args.topics;
    ui::Application app(launch);
    return app.run();
}

GameEntry makeGameEntry()
{
    static_assert(kMinGameWindow.width == ui::kMinWidth && kMinGameWindow.height == ui::kMinHeight,
                  "the launcher and the game accept the same smallest window");
    return {runGame, runPlay, kMinGameWindow};
}

} // namespace quiz::app

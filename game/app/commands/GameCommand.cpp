#include "GameCommand.hpp"

#include "ArgParser.hpp"
#include "ui/Application.hpp"

#include <ctime>
#include <ostream>

namespace quiz::app
{

using namespace quiz::ui; // the game command wires up the front end
namespace
{

struct CommonOptions
{
    std::string window;
    bool fullscreen = false;
    bool mute = false;
    std::string profileDir;
    std::string results;
    std::string script;
    std::string screenshotDir;
    std::string fontDir;
};

void addCommon(app::ArgParser& parser, CommonOptions& options)
{
    parser.addOption("window", &options.window, "WxH", "window size in pixels (min 800x600)");
    parser.addFlag("fullscreen", &options.fullscreen, "start in fullscreen (F11 toggles)");
    parser.addFlag("mute", &options.mute, "no sounds");
    parser.addOption("profile-dir", &options.profileDir, "DIR",
                     "where settings and history are kept (default: XDG data folder)");
    parser.addOption("results", &options.results, "FILE",
                     "write the results JSON when a round ends");
    parser.addOption("script", &options.script, "FILE",
                     "replay input: key, text, click, wait, shot, resize, quit");
    parser.addOption("screenshot-dir", &options.screenshotDir, "DIR",
                     "where the script's 'shot NAME' saves NAME.png (default: .)");
    parser.addOption("font-dir", &options.fontDir, "DIR",
                     "folder with the DejaVu Sans fonts (default: Debian's fonts-dejavu-core)");
}

std::uint32_t seedFromClock();

/// Turns the shared options into launch options; returns "" or an error message.
std::string applyCommon(const CommonOptions& common, const app::CommandContext& context,
                        LaunchOptions& launch)
{
    if (!common.window.empty())
    {
        const std::size_t x = common.window.find('x');
        long long width = 0;
        long long height = 0;
        if (x == std::string::npos || !app::parseInteger(common.window.substr(0, x), width) ||
            !app::parseInteger(common.window.substr(x + 1), height))
            return "--window needs WIDTHxHEIGHT, e.g. 1280x720 (got '" + common.window + "')";
        if (width < kMinWidth || height < kMinHeight || width > 16384 || height > 16384)
            return "--window must be at least 800x600 and at most 16384x16384 (got '" +
                   common.window + "')";
        launch.width = static_cast<unsigned>(width);
        launch.height = static_cast<unsigned>(height);
        launch.windowGiven = true;
    }
    launch.fullscreen = common.fullscreen;
    launch.mute = common.mute;
    launch.profileDir = common.profileDir.empty() ? defaultProfileDir() : common.profileDir;
    launch.resultsPath = common.results;
    launch.scriptPath = common.script;
    if (!common.screenshotDir.empty())
        launch.screenshotDir = common.screenshotDir;
    if (!common.fontDir.empty())
        launch.fontDir = common.fontDir;
    launch.dataDir = context.dataDir;
    launch.today = context.today;
    // Replays are for tests and screenshots: their seed is fixed (sounds follow --mute).
    launch.seed = launch.scriptPath.empty() ? seedFromClock() : 1U;
    return {};
}

std::uint32_t seedFromClock()
{
    // The app edge may read the clock; the seed is shown on the set-up screen for replays.
    return static_cast<std::uint32_t>(std::time(nullptr) % 1000000000);
}

int parseFailed(const app::ArgParser& parser, const app::ParseResult& parsed,
                const app::CommandContext& context)
{
    if (parsed.status == app::ParseResult::Status::Help)
    {
        *context.out << parser.usage();
        return app::kExitOk;
    }
    *context.err << parser.formatError(parsed.message);
    return app::kExitUsage;
}

} // namespace

int runGame(const app::CommandContext& context)
{
    app::ArgParser parser("heparin-quiz", "Starts the game at the title screen.");
    CommonOptions common;
    addCommon(parser, common);
    const app::ParseResult parsed = parser.parse(context.args);
    if (!parsed.isOk())
        return parseFailed(parser, parsed, context);
    LaunchOptions launch;
    if (const std::string error = applyCommon(common, context, launch); !error.empty())
    {
        *context.err << parser.formatError(error);
        return app::kExitUsage;
    }
    Application app(launch);
    return app.run();
}

int runPlay(const app::CommandContext& context)
{
    app::ArgParser parser("heparin-quiz play", "Starts a round at once, skipping the menus.");
    std::vector<std::string> packs;
    std::vector<std::string> topics;
    long long count = 10;
    std::string mode = "tutor";
    long long seed = -1;
    long long timer = 0;
    parser.addList("pack", &packs, "ID", "pack to play (required)");
    parser.addList("topic", &topics, "ID", "only this topic and its subtopics");
    parser.addInt("count", &count, 0, 10000, "N", "number of questions, 0 = all (default 10)");
    parser.addOption("mode", &mode, "tutor|exam", "feedback after each question or at the end");
    parser.addInt("seed", &seed, 0, 4294967295LL, "N", "fixes question and option order");
    parser.addInt("timer", &timer, 0, 3600, "SECONDS", "time per question, 0 = off (default)");
    CommonOptions common;
    addCommon(parser, common);
    const app::ParseResult parsed = parser.parse(context.args);
    if (!parsed.isOk())
        return parseFailed(parser, parsed, context);
    std::string error;
    if (packs.empty())
        error = "--pack is required (see 'heparin-quiz list' for pack ids)";
    else if (mode != "tutor" && mode != "exam")
        error = "--mode must be 'tutor' or 'exam' (got '" + mode + "')";
    LaunchOptions launch;
    if (error.empty())
        error = applyCommon(common, context, launch);
    if (!error.empty())
    {
        *context.err << parser.formatError(error);
        return app::kExitUsage;
    }
    core::SessionConfig config;
    for (const std::string& pack : packs)
        config.selections.push_back({pack, ""});
    config.count = static_cast<std::size_t>(count);
    config.mode = mode == "exam" ? core::Mode::Exam : core::Mode::Tutor;
    config.seed = seed >= 0 ? static_cast<std::uint32_t>(seed) : seedFromClock();
    config.timerSeconds = static_cast<int>(timer);
    launch.directPlay = config;
    launch.directTopics = topics;
    Application app(launch);
    return app.run();
}

} // namespace quiz::app

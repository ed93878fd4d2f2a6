#include "CommandLine.hpp"

#include "CliSupport.hpp"
#include "HostCommand.hpp"
#include "core/pack/ValueRules.hpp"
#include "core/progress/Profiles.hpp"
#include "net/Protocol.hpp"

#include <charconv>
#include <functional>
#include <memory>
#include <ostream>

namespace quiz::app
{
namespace
{

constexpr const char* kGlobal = "global options";
constexpr const char* kGameGroup = "game options";
constexpr unsigned kMaxWindowSide = 16384;

/// Every command's options, filled by one parse; only the chosen command's are read.
struct Parsed
{
    std::string dataDir;
    CheckArgs check;
    ListArgs list;
    ImportArgs import;
    ExportMoodleArgs exportMoodle;
    ExportArgs exportHistory;
    SchemaArgs schema;
    GameArgs game;
    PlayArgs play;
    HostArgs host;
};

/// A subcommand, its line in the top-level help and what runs it.
struct Command
{
    CLI::App* app = nullptr;
    std::string summary;
    std::function<int(const CommandContext&)> run;
};

void addDataDir(CLI::App& app, std::string& dataDir)
{
    app.add_option("--data-dir", dataDir, "folder of packs (default: the shipped questions/)")
        ->type_name("DIR")
        ->group(kGlobal);
}

CLI::App* addCommand(CLI::App& root, std::vector<Command>& commands, const std::string& name,
                     const std::string& summary, const std::string& description)
{
    CLI::App* app = root.add_subcommand(name, description);
    commands.push_back({app, summary, {}});
    return app;
}

/// `--seed N`: any 32-bit seed; left empty when not given, so the command picks one.
void addSeed(CLI::App& app, std::optional<std::uint32_t>& target, const std::string& help)
{
    app.add_option_function<std::uint32_t>(
           "--seed", [&target](std::uint32_t seed) { target = seed; }, help)
        ->type_name("N")
        ->check(inRange(0, 4294967295LL));
}

/// "1280x720" as a size; nullopt unless it is two whole numbers joined by an 'x'.
std::optional<WindowSize> parseWindowSize(const std::string& text)
{
    const std::size_t x = text.find('x');
    if (x == std::string::npos)
        return std::nullopt;
    WindowSize size;
    const char* begin = text.data();
    const char* end = begin + text.size();
    const auto width = std::from_chars(begin, begin + x, size.width);
    const auto height = std::from_chars(begin + x + 1, end, size.height);
    if (width.ec != std::errc() || width.ptr != begin + x || height.ec != std::errc() ||
        height.ptr != end)
        return std::nullopt;
    return size;
}

CLI::Validator windowSize(WindowSize min)
{
    return CLI::Validator(
        [min](const std::string& text) -> std::string
        {
            const std::optional<WindowSize> size = parseWindowSize(text);
            if (!size)
                return "needs WIDTHxHEIGHT, e.g. 1280x720 (got '" + text + "')";
            if (size->width < min.width || size->height < min.height ||
                size->width > kMaxWindowSide || size->height > kMaxWindowSide)
                return "must be at least " + std::to_string(min.width) + "x" +
                       std::to_string(min.height) + " and at most " +
                       std::to_string(kMaxWindowSide) + "x" + std::to_string(kMaxWindowSide) +
                       " (got '" + text + "')";
            return {};
        },
        "", "windowSize");
}

void addGameOptions(CLI::App& app, GameArgs& args, WindowSize min, const std::string& group)
{
    const std::string minText = std::to_string(min.width) + "x" + std::to_string(min.height);
    app.add_option_function<std::string>(
           "--window", [&args](const std::string& text) { args.window = parseWindowSize(text); },
           "window size in pixels (min " + minText + ")")
        ->type_name("WxH")
        ->check(windowSize(min))
        ->group(group);
    app.add_flag("--fullscreen", args.fullscreen, "start in fullscreen (F11 toggles)")
        ->group(group);
    app.add_flag("--mute", args.mute, "no sounds")->group(group);
    const auto addPath = [&app, &group](const char* name, std::string& target,
                                        const char* valueName, const char* help)
    { app.add_option(name, target, help)->type_name(valueName)->group(group); };
    addPath("--profile-dir", args.profileDir, "DIR",
            "where settings and history are kept (default: XDG data folder)");
    app.add_option("--player", args.player,
                   "play as this player, created when missing (default: the last one; on a "
                   "first start, one named after your account)")
        ->type_name("NAME")
        ->check(CLI::Validator(
            [](const std::string& name) -> std::string
            {
                const std::string why = core::validateProfileName(core::trimProfileName(name));
                return why.empty() ? why : "is not a usable player name: " + why;
            },
            "", "playerName"))
        ->group(group);
    addPath("--results", args.results, "FILE", "write the results JSON when a round ends");
    addPath("--script", args.script, "FILE",
            "replay input: key, text, click, wait, shot, resize, quit");
    addPath("--screenshot-dir", args.screenshotDir, "DIR",
            "where the script's 'shot NAME' saves NAME.png (default: .)");
    addPath("--font-dir", args.fontDir, "DIR",
            "folder with the DejaVu Sans fonts (default: Debian's fonts-dejavu-core)");
}

void addPlay(CLI::App& root, std::vector<Command>& commands, PlayArgs& args, const GameEntry& game)
{
    const WindowSize min = game.minWindow;
    CLI::App* play = addCommand(root, commands, "play",
                                "start a round at once: play --pack ID [--mode exam] ...",
                                "Starts a round at once, skipping the menus.");
    addRepeatable(*play, "--pack", args.packs, "ID", "pack to play (required)")->required();
    addRepeatable(*play, "--topic", args.topics, "ID", "only this topic and its subtopics");
    play->add_option("--count", args.count, "number of questions, 0 = all (default 10)")
        ->type_name("N")
        ->check(inRange(0, 10000));
    addChoice(*play, "--mode", args.mode,
              {{"tutor", core::Mode::Tutor}, {"exam", core::Mode::Exam}},
              "feedback after each question or at the end");
    addSeed(*play, args.seed, "fixes question and option order");
    play->add_option("--timer", args.timerSeconds, "time per question, 0 = off (default)")
        ->type_name("SECONDS")
        ->check(inRange(0, 3600));
    addGameOptions(*play, args.game, min, "options");
    commands.back().run = [&args, &game](const CommandContext& c) { return game.runPlay(args, c); };
}

void addHost(CLI::App& root, std::vector<Command>& commands, HostArgs& args)
{
    CLI::App* host = addCommand(
        root, commands, "host", "run a live class on the local network from the console",
        "Runs a live class on the local network from the console. Students open the printed "
        "students: address in a browser (or join from the game with the address and code "
        "printed here).\n" +
            std::string(hostCommandHelp()));
    host->add_option("--pack", args.pack, "pack id (see 'heparin-quiz list') or pack file")
        ->type_name("ID")
        ->required();
    addRepeatable(*host, "--topic", args.topics, "ID", "only questions under this topic");
    host->add_option("--count", args.count, "number of questions (default: all)")
        ->type_name("N")
        ->check(inRange(0, 1000));
    addSeed(*host, args.seed, "question and option order seed");
    host->add_option("--web-port,--port", args.port,
                     "port of the student page and the class (default 47100, or the next free "
                     "one; 0 picks any)")
        ->type_name("N")
        ->check(inRange(0, 65535));
    host->add_option("--code", args.code, "class code students must type (default: random)")
        ->type_name("CODE")
        ->check(CLI::Validator(
            [](const std::string& code) -> std::string
            {
                return code.size() <= net::kMaxClassCodeBytes
                           ? ""
                           : "is at most " + std::to_string(net::kMaxClassCodeBytes) +
                                 " characters";
            },
            "", "classCode"));
    host->add_option("--bind", args.bind, "listen only on this address (e.g. 127.0.0.1)")
        ->type_name("ADDRESS");
    host->add_option("--results", args.results, "write results CSV here at the end")
        ->type_name("FILE");
    host->add_option("--time-limit", args.timeLimit, "countdown per question (default: none)")
        ->type_name("SECONDS")
        ->check(inRange(0, 3600));
    host->add_option("--discovery-port", args.discoveryPort,
                     "UDP port answering LAN class searches (default 47101; 0 turns it off)")
        ->type_name("N")
        ->check(inRange(0, 65535));
    host->add_flag("--speed-bonus", args.speedBonus, "reward fast correct answers");
    host->add_flag("--streaks", args.streaks, "reward runs of correct answers");
    host->add_flag("--headless", args.headless, "no window: the console is the host screen");
    commands.back().run = [&args](const CommandContext& c) { return runHost(args, c); };
}

void addCheckAndList(CLI::App& root, std::vector<Command>& commands, Parsed& parsed)
{
    CLI::App* check = addCommand(
        root, commands, "check", "check packs and print diagnostics",
        "Checks question packs and prints every problem as PATH:LINE: error|warning: MESSAGE "
        "[code].\nExit status: 0 no errors (warnings allowed unless --strict), 1 errors found, "
        "2 usage error.");
    check->add_flag("--strict", parsed.check.strict, "treat warnings as errors");
    check->add_flag("--json", parsed.check.json, "print a JSON report on standard output");
    check->add_option("PATH", parsed.check.paths, "pack files, or folders searched for *.xml")
        ->required();
    commands.back().run = [&parsed](const CommandContext& c) { return runCheck(parsed.check, c); };

    CLI::App* list =
        addCommand(root, commands, "list", "list packs with their topics and question counts",
                   "Lists packs with id, title, version, question count and "
                   "topics.\nWith no PATH it lists the shipped packs (or those in "
                   "--data-dir).");
    list->add_flag("--json", parsed.list.json, "print JSON instead of text");
    list->add_option("PATH", parsed.list.paths, "pack files, or folders searched for *.xml");
    commands.back().run = [&parsed](const CommandContext& c) { return runList(parsed.list, c); };
}

void addImport(CLI::App& root, std::vector<Command>& commands, ImportArgs& args)
{
    CLI::App* command = addCommand(
        root, commands, "import", "import Moodle XML, GIFT or QTI questions into a pack",
        "Imports Moodle XML, GIFT or QTI questions into a format-v1 pack that passes 'check', "
        "with images beside it.\nRe-importing into an existing OUT updates the questions it "
        "already holds (matched by <origin>).\nExit status: 0 all imported, 1 some skipped, 2 "
        "nothing could be read or usage error.");
    command
        ->add_option_function<std::string>(
            "--from",
            [&args](const std::string& name)
            { args.format = core::import::parseSourceFormat(name).value(); },
            "moodle, gift or qti (default: detect)")
        ->type_name("FORMAT")
        ->check(CLI::Validator(
            [](const std::string& name) -> std::string
            {
                return core::import::parseSourceFormat(name)
                           ? ""
                           : "must be moodle, gift or qti, not '" + name + "'";
            },
            "", "sourceFormat"));
    command->add_option("-o,--output", args.output, "the pack to write or update")
        ->type_name("OUT.xml")
        ->required();
    command
        ->add_option("--pack-id", args.packId,
                     "pack id for a new pack (default from the file name)")
        ->type_name("ID")
        ->check(CLI::Validator(
            [](const std::string& id) -> std::string
            { return core::isValidPackId(id) ? "" : "must match [a-z0-9][a-z0-9._-]{2,63}"; },
            "", "packId"));
    command->add_option("--title", args.title, "pack title for a new pack (default: the file name)")
        ->type_name("TITLE");
    command
        ->add_option("IN", args.inputs,
                     "files to import (QTI: item files, folders, imsmanifest.xml)")
        ->required();
    commands.back().run = [&args](const CommandContext& c) { return runImport(args, c); };
}

void addExports(CLI::App& root, std::vector<Command>& commands, Parsed& parsed)
{
    CLI::App* moodle = addCommand(root, commands, "export-moodle", "write a pack as Moodle XML",
                                  "Writes a pack as Moodle XML (categories from topics, images "
                                  "embedded) for import into an LMS.\nExit status: 0 written, 1 "
                                  "the pack has errors, 2 usage or write error.");
    moodle->add_option("-o,--output", parsed.exportMoodle.output, "the Moodle XML file to write")
        ->type_name("OUT.xml")
        ->required();
    moodle->add_option("PACK", parsed.exportMoodle.pack, "the pack file to export")->required();
    commands.back().run = [&parsed](const CommandContext& c)
    { return runExportMoodle(parsed.exportMoodle, c); };

    ExportArgs& args = parsed.exportHistory;
    CLI::App* history = addCommand(
        root, commands, "export", "write a player's answer history as CSV or JSON",
        "Writes a player's full answer history, for their own records or an instructor.");
    history->add_option("--player", args.player, "the player whose history to export (required)")
        ->type_name("NAME")
        ->required();
    addChoice(*history, "--format", args.format,
              {{"csv", ExportArgs::Format::Csv}, {"json", ExportArgs::Format::Json}},
              "output format (default: csv)");
    history
        ->add_option("-o,--output", args.output,
                     "write to FILE (replaced atomically) instead of standard output")
        ->type_name("FILE");
    history
        ->add_option("--profile-dir", args.profileDir,
                     "folder of player profiles (default: $XDG_DATA_HOME/heparin-quiz)")
        ->type_name("DIR");
    commands.back().run = [&args](const CommandContext& c) { return runExport(args, c); };

    CLI::App* schema =
        addCommand(root, commands, "schema", "write the pack format as an XML schema (pack.xsd)",
                   "Writes the XML schema (XSD) of the pack format, for XML editors; "
                   "questions/pack.xsd is its output.\nExit status: 0 written, 2 usage or write "
                   "error.");
    schema
        ->add_option("-o,--output", parsed.schema.output,
                     "write the schema to FILE (replaced atomically) instead of standard output")
        ->type_name("FILE");
    commands.back().run = [&parsed](const CommandContext& c)
    { return runSchema(parsed.schema, c); };
}

/// The top-level help: what the program is, the game's options, the commands, the globals.
std::string rootHelp(const CLI::App& root, const std::vector<Command>& commands)
{
    std::string text = "usage: heparin-quiz [--data-dir DIR] [COMMAND] [options]\n\n"
                       "A quiz game that teaches heparin with explained questions and dose "
                       "calculations.\n";
    std::string line;
    for (const CLI::Option* option : root.get_options())
    {
        if (option->get_group() != kGameGroup)
            continue;
        const std::string& valueName = option->get_type_name();
        const std::string word = option->get_name() + (valueName.empty() ? "" : " " + valueName);
        if (line.empty())
            text += "With no command it starts the game; its options (also taken by 'play'):\n";
        if (!line.empty() && line.size() + word.size() > 70)
        {
            text += line + "\n";
            line.clear();
        }
        line += (line.empty() ? "  " : " ") + word;
    }
    if (!line.empty())
        text += line + "\n";
    text += "\ncommands:\n";
    for (const Command& command : commands)
    {
        std::string name = command.app->get_name();
        name.resize(16, ' ');
        text += "  " + name + command.summary + "\n";
    }
    text += "\n" + std::string(kGlobal) + ":\n";
    for (const CLI::Option* option : root.get_options())
    {
        if (option->get_group() == kGlobal)
            text += formatOption(*option);
    }
    return text;
}

/// `--data-dir` everywhere (so it goes before or after the command), `--version` and the
/// top-level help. Called once every command is added.
void addGlobals(CLI::App& root, const std::vector<Command>& commands, std::string& dataDir)
{
    for (const Command& command : commands)
        addDataDir(*command.app, dataDir);
    addDataDir(root, dataDir);
    root.set_version_flag("--version", std::string("heparin-quiz ") + HEPARIN_QUIZ_VERSION,
                          "print the version and exit")
        ->group(kGlobal);
    root.set_help_flag("-h,--help", "show this help; 'heparin-quiz COMMAND --help' for a command")
        ->group(kGlobal);
    root.formatter(std::make_shared<CLI::FormatterLambda>(
        [&commands](const CLI::App* app, const std::string&, CLI::AppFormatMode)
        { return rootHelp(*app, commands); }));
}

} // namespace

int runCommandLine(const std::vector<std::string>& args, CommandContext context,
                   const GameEntry* game)
{
    CLI::App root("", "heparin-quiz");
    configureApp(root);
    root.require_subcommand(0, 1);
    Parsed parsed;
    parsed.dataDir = context.dataDir;
    std::vector<Command> commands;
    addCheckAndList(root, commands, parsed);
    addImport(root, commands, parsed.import);
    addExports(root, commands, parsed);
    if (game != nullptr)
        addPlay(root, commands, parsed.play, *game);
    addHost(root, commands, parsed.host);
    if (game != nullptr)
        addGameOptions(root, parsed.game, game->minWindow, kGameGroup);
    addGlobals(root, commands, parsed.dataDir);

    if (const std::optional<int> exit = parseOrExit(root, args, *context.out, *context.err))
        return *exit;
    context.dataDir = parsed.dataDir;
    for (const Command& command : commands)
    {
        if (!command.app->parsed())
            continue;
        for (const CLI::Option* option : root.get_options())
        {
            // The game's options are the root's, so CLI11 takes them before any command.
            if (option->get_group() == kGameGroup && option->count() > 0)
            {
                *context.err << formatUsageError(
                    *command.app, option->get_name() + " is an option of the game, not of '" +
                                      command.app->get_name() + "'");
                return kExitUsage;
            }
        }
        return command.run(context);
    }
    if (game == nullptr)
    {
        *context.err << "heparin-quiz: this build has no game window; try 'heparin-quiz --help'\n";
        return kExitFailure;
    }
    return game->runGame(parsed.game, context);
}

} // namespace quiz::app

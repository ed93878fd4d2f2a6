// heparin-quiz: parses the subcommand, resolves paths at the edge, runs, reports fatal errors.
#include "app/commands/Commands.hpp"
#include "app/commands/Paths.hpp"
#ifdef QUIZ_HAVE_UI
#include "app/commands/GameCommand.hpp"
#endif
#include "app/commands/HostCommand.hpp"

#include <exception>
#include <iostream>
#include <string>
#include <vector>

namespace
{

struct Entry
{
    const char* name;
    int (*run)(const quiz::app::CommandContext&);
    const char* summary;
};

const Entry kCommands[] = {
    {"check", quiz::app::runCheck, "check packs and print diagnostics"},
    {"list", quiz::app::runList, "list packs with their topics and question counts"},
    {"import", quiz::app::runImport, "import Moodle XML, GIFT or QTI questions into a pack"},
    {"export-moodle", quiz::app::runExportMoodle, "write a pack as Moodle XML"},
#ifdef QUIZ_HAVE_UI
    {"play", quiz::app::runPlay, "start a round at once: play --pack ID [--mode exam] ..."},
#endif
    {"export", quiz::app::runExport, "write a player's answer history as CSV or JSON"},
    {"host", quiz::app::runHost, "run a live class on the local network from the console"},
    {"schema", quiz::app::runSchema, "write the pack format as an XML schema (pack.xsd)"},
};

void printHelp(std::ostream& out)
{
    out << "usage: heparin-quiz [--data-dir DIR] [COMMAND] [options]\n\n"
           "A quiz game that teaches heparin with explained multiple-choice questions.\n"
           "With no command it starts the game; its options (also taken by 'play'):\n"
           "  --window WxH --fullscreen --mute --profile-dir DIR --results FILE\n"
           "  --script FILE --screenshot-dir DIR --font-dir DIR\n"
           "\ncommands:\n";
    for (const Entry& entry : kCommands)
    {
        std::string name = entry.name;
        name.resize(16, ' ');
        out << "  " << name << entry.summary << '\n';
    }
    out << "\nglobal options:\n"
           "  --data-dir DIR  folder of packs (default: the shipped questions/)\n"
           "  --version       print the version and exit\n"
           "  --help          show this help; 'heparin-quiz COMMAND --help' for a command\n";
}

} // namespace

int main(int argc, char** argv)
{
    try
    {
        std::vector<std::string> args(argv + 1, argv + argc);
        quiz::app::CommandContext context;
        context.executableDir = quiz::app::getExecutableDir();
        context.dataDir = quiz::app::findDataDir(context.executableDir);
        context.today = quiz::app::todayIsoDate();
        context.out = &std::cout;
        context.err = &std::cerr;

        // Global options come before the command name.
        std::size_t i = 0;
        for (; i < args.size(); ++i)
        {
            const std::string& arg = args[i];
            if (arg == "--version")
            {
                std::cout << "heparin-quiz " << HEPARIN_QUIZ_VERSION << '\n';
                return 0;
            }
            if (arg == "--help" || arg == "-h")
            {
                printHelp(std::cout);
                return 0;
            }
            if (arg == "--data-dir" || arg.rfind("--data-dir=", 0) == 0)
            {
                if (arg == "--data-dir")
                {
                    if (i + 1 >= args.size())
                    {
                        std::cerr << "heparin-quiz: --data-dir needs a folder\n";
                        return quiz::app::kExitUsage;
                    }
                    context.dataDir = args[++i];
                }
                else
                {
                    context.dataDir = arg.substr(11);
                }
                continue;
            }
            break;
        }
        if (i < args.size() && args[i].rfind("-", 0) != 0)
        {
            for (const Entry& entry : kCommands)
            {
                if (args[i] == entry.name)
                {
                    context.args.assign(args.begin() + static_cast<long>(i) + 1, args.end());
                    return entry.run(context);
                }
            }
            std::cerr << "heparin-quiz: unknown command '" << args[i]
                      << "'\nTry 'heparin-quiz --help'.\n";
            return quiz::app::kExitUsage;
        }
#ifdef QUIZ_HAVE_UI
        // No command: the game itself, with its window options.
        context.args.assign(args.begin() + static_cast<long>(i), args.end());
        return quiz::app::runGame(context);
#else
        if (i < args.size())
        {
            std::cerr << "heparin-quiz: unknown option '" << args[i]
                      << "'\nTry 'heparin-quiz --help'.\n";
            return quiz::app::kExitUsage;
        }
        std::cerr << "heparin-quiz: this build has no game window; try 'heparin-quiz --help'\n";
        return 1;
#endif
    }
    catch (const std::exception& error)
    {
        std::cerr << "heparin-quiz: fatal: " << error.what() << '\n';
        return 1;
    }
}

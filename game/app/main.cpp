// heparin-quiz (and, built with the window, heparin-quiz-game): resolves paths at the edge,
// hands the command line to CommandLine, reports fatal errors. heparin-quiz runs every
// display-free command itself and hands the game to heparin-quiz-game (GameLauncher.hpp).
#include "app/commands/Account.hpp"
#include "app/commands/CommandLine.hpp"
#include "app/commands/Paths.hpp"
#ifdef QUIZ_HAVE_UI
#include "app/commands/GameCommand.hpp"
#elif defined(QUIZ_LAUNCH_GAME)
#include "app/commands/GameLauncher.hpp"
#endif

#include <exception>
#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv)
{
    try
    {
        quiz::app::CommandContext context;
        context.executableDir = quiz::app::getExecutableDir();
        context.dataDir = quiz::app::findDataDir(context.executableDir);
        context.today = quiz::app::todayIsoDate();
        context.accountName = quiz::app::getAccountName();
        context.out = &std::cout;
        context.err = &std::cerr;
        const std::vector<std::string> args(argv + 1, argv + argc);
#ifdef QUIZ_HAVE_UI
        const quiz::app::GameEntry game = quiz::app::makeGameEntry();
        return quiz::app::runCommandLine(args, context, &game);
#elif defined(QUIZ_LAUNCH_GAME)
        const quiz::app::GameEntry game = quiz::app::makeGameLauncher(
            std::vector<std::string>(argv, argv + argc), context.executableDir);
        return quiz::app::runCommandLine(args, context, &game);
#else
        return quiz::app::runCommandLine(args, context, nullptr);
#endif
    }
    catch (const std::exception& error)
    {
        std::cerr << "heparin-quiz: fatal: " << error.what() << '\n';
        return 1;
    }
}

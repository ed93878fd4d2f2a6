#include "GameLauncher.hpp"

#include "Paths.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>
#include <ostream>
#include <unistd.h>

namespace quiz::app
{
namespace fs = std::filesystem;

std::vector<std::string> gameProgramCandidates(const std::string& executableDir)
{
    if (executableDir.empty())
        return {};
    const fs::path dir(executableDir);
    return {(dir / "heparin-quiz-game").lexically_normal().string(),
            (dir / ".." / "libexec" / "heparin-quiz" / "heparin-quiz-game")
                .lexically_normal()
                .string()};
}

namespace
{

int handOver(const std::vector<std::string>& args, const std::string& executableDir,
             const CommandContext& context)
{
    const FolderSearch search =
        findFirstFolder(gameProgramCandidates(executableDir),
                        [](const std::string& path) { return ::access(path.c_str(), X_OK) == 0; });
    if (search.found.empty())
    {
        *context.err << "heparin-quiz: the game program heparin-quiz-game is missing ("
                     << describeSearch(search) << "); reinstall heparin-quiz\n";
        return kExitFailure;
    }
    std::vector<char*> argv;
    for (const std::string& arg : args)
        argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    context.out->flush();
    context.err->flush();
    ::execv(search.found.c_str(), argv.data());
    const int error = errno;
    *context.err << "heparin-quiz: cannot start " << search.found << ": " << std::strerror(error)
                 << '\n';
    return kExitFailure;
}

} // namespace

GameEntry makeGameLauncher(std::vector<std::string> args, std::string executableDir)
{
    auto shared = std::make_shared<std::pair<std::vector<std::string>, std::string>>(
        std::move(args), std::move(executableDir));
    GameEntry entry;
    entry.runGame = [shared](const GameArgs&, const CommandContext& context)
    { return handOver(shared->first, shared->second, context); };
    entry.runPlay = [shared](const PlayArgs&, const CommandContext& context)
    { return handOver(shared->first, shared->second, context); };
    entry.minWindow = kMinGameWindow;
    return entry;
}

} // namespace quiz::app

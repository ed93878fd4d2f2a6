#include "Paths.hpp"

#include <ctime>
#include <filesystem>
#include <system_error>

namespace fs = std::filesystem;

#ifndef QUIZ_CONFIGURED_SOURCE_DIR
#define QUIZ_CONFIGURED_SOURCE_DIR ""
#endif

namespace quiz::app
{

std::string getExecutableDir()
{
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec)
        return {};
    return exe.parent_path().string();
}

std::vector<std::string> shippedFolderCandidates(const std::string& executableDir,
                                                 const std::string& sourceDir,
                                                 const std::string& name)
{
    std::vector<std::string> candidates;
    if (!executableDir.empty())
    {
        // PREFIX/bin/heparin-quiz and PREFIX/libexec/heparin-quiz/heparin-quiz-game share
        // PREFIX/share/heparin-quiz.
        fs::path dir = fs::path(executableDir).lexically_normal();
        if (dir.filename().empty())
            dir = dir.parent_path(); // written with a trailing slash
        const bool inLibexec =
            dir.filename() == "heparin-quiz" && dir.parent_path().filename() == "libexec";
        const fs::path prefix = inLibexec ? dir.parent_path().parent_path() : dir / "..";
        candidates.push_back((prefix / "share" / "heparin-quiz" / name).lexically_normal());
    }
    if (!sourceDir.empty())
        candidates.push_back((fs::path(sourceDir) / name).lexically_normal());
    return candidates;
}

FolderSearch findFirstFolder(const std::vector<std::string>& candidates,
                             const std::function<bool(const std::string&)>& qualifies)
{
    FolderSearch search;
    for (const std::string& candidate : candidates)
    {
        search.looked.push_back(candidate);
        if (qualifies(candidate))
        {
            search.found = candidate;
            break;
        }
    }
    return search;
}

std::string describeSearch(const FolderSearch& search)
{
    if (search.looked.empty())
        return "nowhere to look";
    std::string text = "looked in " + search.looked.front();
    for (std::size_t i = 1; i < search.looked.size(); ++i)
        text += ", then " + search.looked[i];
    return text;
}

bool isPacksFolder(const std::string& dir)
{
    std::error_code ec;
    return fs::is_regular_file(fs::path(dir) / "pack.xsd", ec);
}

namespace
{

FolderSearch searchDataDir(const std::string& executableDir)
{
    // The source tree is recorded when the build is configured, so a build folder anywhere
    // (inside the checkout or not) finds the packs it was built from.
    return findFirstFolder(
        shippedFolderCandidates(executableDir, QUIZ_CONFIGURED_SOURCE_DIR, "questions"),
        isPacksFolder);
}

} // namespace

std::string findDataDir(const std::string& executableDir)
{
    return searchDataDir(executableDir).found;
}

std::string findAssetDir(const std::string& executableDir)
{
    const auto hasReadme = [](const std::string& dir)
    {
        std::error_code ec;
        return fs::is_regular_file(fs::path(dir) / "README.md", ec);
    };
    return findFirstFolder(
               shippedFolderCandidates(executableDir, QUIZ_CONFIGURED_SOURCE_DIR, "assets"),
               hasReadme)
        .found;
}

std::string describeMissingDataDir(const std::string& executableDir)
{
    return "no packs folder found (" + describeSearch(searchDataDir(executableDir)) +
           "); pass --data-dir DIR";
}

std::string todayIsoDate()
{
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buffer[16];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &utc);
    return buffer;
}

} // namespace quiz::app

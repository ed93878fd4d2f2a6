#include "Paths.hpp"

#include <ctime>
#include <filesystem>
#include <system_error>

namespace fs = std::filesystem;

namespace quiz::app
{
namespace
{

std::string searchUpwards(const std::string& executableDir, const std::string& installed,
                          const std::string& folder, const std::string& marker)
{
    if (executableDir.empty())
        return {};
    std::error_code ec;
    const fs::path exe(executableDir);
    const fs::path installedDir = exe / installed;
    if (fs::is_directory(installedDir, ec))
        return fs::weakly_canonical(installedDir, ec).string();
    fs::path dir = exe;
    for (int depth = 0; depth < 6 && !dir.empty(); ++depth)
    {
        if (fs::exists(dir / folder / marker, ec))
            return (dir / folder).string();
        if (dir == dir.parent_path())
            break;
        dir = dir.parent_path();
    }
    return {};
}

} // namespace

std::string getExecutableDir()
{
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec)
        return {};
    return exe.parent_path().string();
}

std::string findDataDir(const std::string& executableDir)
{
    return searchUpwards(executableDir, "../share/heparin-quiz/questions", "questions", "pack.xsd");
}

std::string findAssetDir(const std::string& executableDir)
{
    return searchUpwards(executableDir, "../share/heparin-quiz/assets", "assets", "README.md");
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

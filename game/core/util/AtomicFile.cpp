#include "AtomicFile.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace quiz::core
{
namespace
{

std::string describe(const std::string& what, const std::string& path)
{
    return what + " '" + path + "': " + std::strerror(errno);
}

} // namespace

std::string writeFileAtomically(const std::string& path, const std::string& contents,
                                FileAccess access)
{
    const std::filesystem::path target(path);
    std::filesystem::path folder = target.parent_path();
    if (folder.empty())
        folder = ".";
    std::string temp = (folder / ("." + target.filename().string() + ".XXXXXX")).string();
    const int fd = mkstemp(temp.data());
    if (fd < 0)
        return describe("cannot create a temporary file for", path);
    if (access == FileAccess::Shared)
    {
        // mkstemp() always makes 0600; a pack or an export is the user's to share, so it gets
        // the mode open() would give it. umask() can only be read by setting it.
        const mode_t mask = ::umask(0);
        ::umask(mask);
        ::fchmod(fd, static_cast<mode_t>(0666U & ~static_cast<unsigned>(mask)));
    }
    std::size_t written = 0;
    while (written < contents.size())
    {
        const ssize_t n = ::write(fd, contents.data() + written, contents.size() - written);
        if (n < 0)
        {
            if (errno == EINTR)
                continue;
            const std::string message = describe("cannot write", temp);
            ::close(fd);
            ::unlink(temp.c_str());
            return message;
        }
        written += static_cast<std::size_t>(n);
    }
    const bool synced = ::fsync(fd) == 0;
    const bool closed = ::close(fd) == 0;
    if (!synced || !closed)
    {
        const std::string message = describe("cannot flush", temp);
        ::unlink(temp.c_str());
        return message;
    }
    if (::rename(temp.c_str(), path.c_str()) != 0)
    {
        const std::string message = describe("cannot replace", path);
        ::unlink(temp.c_str());
        return message;
    }
    const int dirFd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY);
    if (dirFd >= 0)
    {
        ::fsync(dirFd);
        ::close(dirFd);
    }
    return {};
}

} // namespace quiz::core

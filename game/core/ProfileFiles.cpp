#include "ProfileFiles.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace quiz::core
{
namespace
{

std::string describeErrno(int error)
{
    return std::strerror(error);
}

bool writeAll(int fd, const std::string& content)
{
    std::size_t written = 0;
    while (written < content.size())
    {
        const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0)
        {
            if (errno == EINTR)
                continue;
            return false;
        }
        written += static_cast<std::size_t>(n);
    }
    return true;
}

// A rename is only durable once the folder entry itself reaches the disk.
void syncFolder(const fs::path& folder)
{
    const int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd >= 0)
    {
        ::fsync(fd);
        ::close(fd);
    }
}

} // namespace

Status writeFileAtomically(const std::string& path, const std::string& content)
{
    const fs::path target(path);
    std::string pattern =
        (target.parent_path() / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    const int fd = ::mkstemp(name.data());
    if (fd < 0)
        return Status::failure("cannot write " + path + ": " + describeErrno(errno));
    const std::string temporary(name.data());
    bool ok = writeAll(fd, content);
    int error = ok ? 0 : errno;
    if (ok && ::fsync(fd) != 0)
    {
        ok = false;
        error = errno;
    }
    if (::close(fd) != 0 && ok)
    {
        ok = false;
        error = errno;
    }
    if (ok && ::rename(temporary.c_str(), path.c_str()) != 0)
    {
        ok = false;
        error = errno;
    }
    if (!ok)
    {
        ::unlink(temporary.c_str());
        return Status::failure("cannot write " + path + ": " + describeErrno(error));
    }
    syncFolder(target.parent_path());
    return Status::success();
}

Outcome<std::string> readSmallFile(const std::string& path, std::size_t maxBytes)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Outcome<std::string>::failure("cannot read " + path);
    std::string content;
    char buffer[4096];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0)
    {
        content.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (content.size() > maxBytes)
            return Outcome<std::string>::failure(path + " is larger than expected");
    }
    if (in.bad())
        return Outcome<std::string>::failure("cannot read " + path);
    return content;
}

} // namespace quiz::core

#include "FaultMount.hpp"

#include "TempDir.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <iostream>
#include <linux/fs.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace quiz::test
{

void skipTest(const std::string& reason)
{
    std::cout << "SKIPPED: " << reason << std::endl;
    std::cerr << "SKIPPED: " << reason << std::endl;
    std::_Exit(77);
}

ScratchMount::ScratchMount(std::size_t bytes) : m_bytes(bytes)
{
    std::string pattern = (fs::temp_directory_path() / "quiz-mount-XXXXXX").string();
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    if (::mkdtemp(name.data()) == nullptr)
        skipTest("cannot create a folder to mount on: " + std::string(std::strerror(errno)));
    m_path = name.data();
    const std::string options = "size=" + std::to_string(bytes) + ",mode=0755";
    if (::mount("tmpfs", m_path.c_str(), "tmpfs", 0, options.c_str()) != 0)
    {
        const std::string reason = std::strerror(errno);
        std::error_code ec;
        fs::remove(m_path, ec);
        skipTest("cannot mount a tmpfs for fault injection (" + reason + "); run the test as root");
    }
    m_mounted = true;
}

ScratchMount::~ScratchMount()
{
    if (m_mounted && ::umount(m_path.c_str()) != 0)
        (void)::umount2(m_path.c_str(), MNT_DETACH);
    std::error_code ec;
    fs::remove(m_path, ec);
}

bool ScratchMount::setReadOnly(bool readOnly)
{
    const std::string options = "size=" + std::to_string(m_bytes);
    unsigned long flags = MS_REMOUNT;
    if (readOnly)
        flags |= MS_RDONLY;
    return ::mount(nullptr, m_path.c_str(), nullptr, flags, options.c_str()) == 0;
}

void ScratchMount::fill(const std::string& name, std::size_t leaveFree)
{
    const std::string path = file(name);
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0)
        return;
    const std::vector<char> block(4096, 'f');
    off_t written = 0;
    for (;;)
    {
        const ssize_t n = ::write(fd, block.data(), block.size());
        if (n <= 0)
            break;
        written += n;
    }
    for (;;) // the last partial block
    {
        const ssize_t n = ::write(fd, block.data(), 1);
        if (n <= 0)
            break;
        written += n;
    }
    if (leaveFree > 0)
        (void)::ftruncate(fd, std::max<off_t>(0, written - static_cast<off_t>(leaveFree)));
    ::close(fd);
}

bool setImmutable(const std::string& path, bool immutable)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK);
    if (fd < 0)
        return false;
    int flags = 0;
    bool ok = ::ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0;
    if (ok)
    {
        flags = immutable ? (flags | FS_IMMUTABLE_FL) : (flags & ~FS_IMMUTABLE_FL);
        ok = ::ioctl(fd, FS_IOC_SETFLAGS, &flags) == 0;
    }
    ::close(fd);
    return ok;
}

ImmutableFile::ImmutableFile(std::string path) : m_path(std::move(path))
{
    m_set = setImmutable(m_path, true);
}

ImmutableFile::~ImmutableFile()
{
    clear();
}

void ImmutableFile::clear()
{
    if (m_set)
        (void)setImmutable(m_path, false);
    m_set = false;
}

std::map<std::string, std::string> snapshotFolder(const fs::path& folder)
{
    std::map<std::string, std::string> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec))
    {
        if (entry.is_regular_file(ec))
            files[entry.path().filename().string()] = readBytes(entry.path().string());
    }
    return files;
}

} // namespace quiz::test

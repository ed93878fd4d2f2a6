#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>

namespace quiz::test
{

/// Ends the running test case as skipped, never as passed: prints "SKIPPED: <reason>" and
/// exits with 77, which CTest reports as skipped (SKIP_RETURN_CODE 77; every case runs as its
/// own process there).
[[noreturn]] void skipTest(const std::string& reason);

/// A small tmpfs mounted on a fresh folder, for fault injection: fill() makes its disk full,
/// setReadOnly() remounts it read-only (which stops root too, unlike file modes). Mounting
/// needs root (CAP_SYS_ADMIN): without it the test is skipped. Unmounted and removed when it
/// goes away, even when the test fails.
class ScratchMount
{
public:
    explicit ScratchMount(std::size_t bytes);
    ~ScratchMount();
    ScratchMount(const ScratchMount&) = delete;
    ScratchMount& operator=(const ScratchMount&) = delete;

    [[nodiscard]] const std::filesystem::path& getPath() const { return m_path; }
    [[nodiscard]] std::string file(const std::string& name) const
    {
        return (m_path / name).string();
    }
    /// Remounts read-only or writable again; false when the kernel refused (a file is open
    /// for writing).
    [[nodiscard]] bool setReadOnly(bool readOnly);
    /// Writes the file `name` until the disk is full, then gives back `leaveFree` bytes.
    void fill(const std::string& name, std::size_t leaveFree = 0);

private:
    std::filesystem::path m_path;
    std::size_t m_bytes;
    bool m_mounted = false;
};

/// Sets or clears the immutable attribute (`chattr +i`) of a file: then even root cannot write
/// it, through a descriptor already open too. False when the file system does not support it.
[[nodiscard]] bool setImmutable(const std::string& path, bool immutable);

/// Clears the immutable attribute when it goes away, so a failed test can clean up.
class ImmutableFile
{
public:
    explicit ImmutableFile(std::string path);
    ~ImmutableFile();
    ImmutableFile(const ImmutableFile&) = delete;
    ImmutableFile& operator=(const ImmutableFile&) = delete;
    [[nodiscard]] bool isSet() const { return m_set; }
    void clear();

private:
    std::string m_path;
    bool m_set = false;
};

/// Every regular file in `folder` (not below it) by name, with its bytes: what is on disk.
[[nodiscard]] std::map<std::string, std::string>
snapshotFolder(const std::filesystem::path& folder);

} // namespace quiz::test

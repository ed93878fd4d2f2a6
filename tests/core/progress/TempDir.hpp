#pragma once

#include <filesystem>
#include <string>

namespace quiz::test
{

/// A fresh folder under the system temporary folder, removed with everything in it when the
/// object goes away.
class TempDir
{
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    [[nodiscard]] const std::filesystem::path& getPath() const { return m_path; }
    [[nodiscard]] std::string file(const std::string& name) const
    {
        return (m_path / name).string();
    }

private:
    std::filesystem::path m_path;
};

/// The bytes of a file ("" when it cannot be read).
[[nodiscard]] std::string readBytes(const std::string& path);

} // namespace quiz::test

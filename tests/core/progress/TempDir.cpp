#include "TempDir.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <stdlib.h>
#include <system_error>
#include <vector>

namespace quiz::test
{

TempDir::TempDir()
{
    std::string pattern =
        (std::filesystem::temp_directory_path() / "quiz-progress-XXXXXX").string();
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    if (::mkdtemp(name.data()) == nullptr)
        throw std::runtime_error("cannot create a temporary folder");
    m_path = name.data();
}

TempDir::~TempDir()
{
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
}

std::string readBytes(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

} // namespace quiz::test

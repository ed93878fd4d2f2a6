#include "ReadFile.hpp"

#include <fstream>
#include <sys/stat.h>

namespace quiz::core
{

bool readFileCapped(const std::string& path, std::size_t maxBytes, std::string& bytes,
                    DiagnosticList& diagnostics)
{
    struct stat info
    {
    };
    if (::stat(path.c_str(), &info) != 0)
    {
        diagnostics.error(0, "unreadable", "cannot open '" + path + "': no such file");
        return false;
    }
    if (!S_ISREG(info.st_mode))
    {
        diagnostics.error(0, "unreadable", "'" + path + "' is not a regular file");
        return false;
    }
    if (static_cast<unsigned long long>(info.st_size) > maxBytes)
    {
        diagnostics.error(0, "file-too-large",
                          "file is " + std::to_string(info.st_size) + " bytes; the limit is " +
                              std::to_string(maxBytes));
        return false;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in)
    {
        diagnostics.error(0, "unreadable", "cannot open '" + path + "' for reading");
        return false;
    }
    bytes.assign(static_cast<std::size_t>(info.st_size), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    // The file may have grown between stat and read; the cap is what we read, not what is there.
    if (in.peek() != std::char_traits<char>::eof() && bytes.size() >= maxBytes)
    {
        diagnostics.error(0, "file-too-large", "file grew past the limit while being read");
        return false;
    }
    return true;
}

} // namespace quiz::core

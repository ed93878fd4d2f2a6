#include "ProfileFiles.hpp"

#include <fstream>

namespace quiz::core
{

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

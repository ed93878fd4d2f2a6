// Moodle's own rules for category paths, flags and grades (question-formats.md 1.6, 1.8).
#include "MoodleReader.hpp"
#include "TextUtil.hpp"

#include <cmath>

namespace quiz::core::import
{

std::vector<std::string> splitCategoryPath(const std::string& path)
{
    std::vector<std::string> parts;
    std::string current;
    for (std::size_t i = 0; i < path.size(); ++i)
    {
        if (path[i] != '/')
        {
            current += path[i];
            continue;
        }
        if (i + 1 < path.size() && path[i + 1] == '/')
        {
            current += '/';
            ++i;
            continue;
        }
        parts.push_back(trim(current));
        current.clear();
    }
    parts.push_back(trim(current));
    std::vector<std::string> out;
    for (std::size_t i = 0; i < parts.size(); ++i)
    {
        const std::string& part = parts[i];
        const bool token =
            i == 0 && part.size() >= 3 && part.front() == '$' && part.back() == '$' &&
            part.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789", 1) == part.size() - 1;
        if (token || part.empty() || (out.empty() && part == "top"))
            continue;
        out.push_back(part);
    }
    return out;
}

bool moodleFlag(const std::string& value)
{
    const std::string v = trim(value);
    return !(v == "false" || v == "0" || v.empty());
}

bool isMoodleGrade(double percent)
{
    static const double kGrades[] = {100,      90,       83.33333, 80,       75, 70, 66.66667,
                                     60,       50,       40,       33.33333, 30, 25, 20,
                                     16.66667, 14.28571, 12.5,     11.11111, 10, 5,  0};
    for (const double grade : kGrades)
    {
        // Moodle compares fractions to within 1e-5 of a whole; in percent that is 1e-3.
        if (std::fabs(std::fabs(percent) - grade) < 1e-3)
            return true;
    }
    return false;
}

} // namespace quiz::core::import

#include "Account.hpp"

#include <cstdlib>
#include <pwd.h>
#include <unistd.h>

namespace quiz::app
{

std::string pickAccountName(const char* user, const char* logname, const char* passwdName)
{
    for (const char* name : {user, logname, passwdName})
    {
        if (name != nullptr && *name != '\0')
            return name;
    }
    return {};
}

std::string getAccountName()
{
    // The environment first: it is what the session says, and a test can set it. getpwuid
    // covers a process started without one (a menu entry under some launchers, cron).
    const char* user = std::getenv("USER");
    const char* logname = std::getenv("LOGNAME");
    if ((user != nullptr && *user != '\0') || (logname != nullptr && *logname != '\0'))
        return pickAccountName(user, logname, nullptr);
    const passwd* entry = getpwuid(getuid());
    return pickAccountName(nullptr, nullptr, entry != nullptr ? entry->pw_name : nullptr);
}

} // namespace quiz::app

#pragma once

#include <string>

namespace quiz::app
{

/// The first of `user` ($USER), `logname` ($LOGNAME) and `passwdName` (the password entry of
/// the real user id) that is set and not empty, or "". Pure: the values are passed in.
[[nodiscard]] std::string pickAccountName(const char* user, const char* logname,
                                          const char* passwdName);

/// The name of the account running the game (see pickAccountName), read from the environment
/// and getpwuid at the app edge; the core gets it passed in. "" when none is known.
[[nodiscard]] std::string getAccountName();

} // namespace quiz::app

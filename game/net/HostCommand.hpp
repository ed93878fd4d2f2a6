#pragma once

#include "cli/Commands.hpp"

#include <string>
#include <vector>

namespace quiz::net
{

/// `heparin-quiz host --pack ID [--topic ID]... [--count N] [--seed N] [--port N]
/// [--code CODE] [--results FILE] [--headless] ...`: runs a class from the console, reading
/// pacing commands from standard input (see hostCommandHelp()).
int runHost(const cli::CommandContext& context);

/// The console's command list, as printed by `help`.
[[nodiscard]] const char* hostCommandHelp();

/// IPv4 addresses of this machine's network interfaces other than loopback, for students to
/// type. Empty when there are none (then only 127.0.0.1 works).
[[nodiscard]] std::vector<std::string> getLanAddresses();

} // namespace quiz::net

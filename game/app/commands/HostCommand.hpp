#pragma once

#include "Commands.hpp"

#include <string>
#include <vector>

namespace quiz::app
{

/// `heparin-quiz host --pack ID [--topic ID]... [--count N] [--seed N] [--port N]
/// [--code CODE] [--results FILE] [--headless] ...`: runs a class from the console, reading
/// pacing commands from standard input (see hostCommandHelp()).
int runHost(const app::CommandContext& context);

/// The console's command list, as printed by `help`.
[[nodiscard]] const char* hostCommandHelp();

} // namespace quiz::app

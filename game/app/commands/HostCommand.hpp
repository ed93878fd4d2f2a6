#pragma once

#include "Commands.hpp"
#include "net/Discovery.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace quiz::app
{

/// `heparin-quiz host --pack ID [--topic ID]... [--count N] [--seed N] [--port N]
/// [--code CODE] [--bind ADDRESS] [--results FILE] [--time-limit SECONDS]
/// [--discovery-port N] [--speed-bonus] [--streaks] [--headless]`, filled by the command line.
struct HostArgs
{
    std::string pack; ///< a pack id in the data folder, or a pack file (required)
    std::vector<std::string> topics;
    std::size_t count = 0;             ///< 0: every matching question
    std::optional<std::uint32_t> seed; ///< none: a random one
    unsigned short port = 47100;       ///< 0 picks a free one
    std::string code;                  ///< "" : a random class code
    std::string bind;                  ///< "" : every address
    std::string results;               ///< results CSV written at the end ("": none)
    int timeLimit = 0;                 ///< seconds per question, 0: none
    unsigned short discoveryPort = net::kDefaultDiscoveryPort; ///< 0: not discoverable
    bool headless = false;
    bool speedBonus = false;
    bool streaks = false;
};

/// Runs a class from the console, reading pacing commands from standard input (see
/// hostCommandHelp()).
int runHost(const HostArgs& o, const app::CommandContext& context);

/// The console's command list, as printed by `help`.
[[nodiscard]] const char* hostCommandHelp();

} // namespace quiz::app

#pragma once

#include "Commands.hpp"
#include "GameArgs.hpp"

#include <string>
#include <vector>

namespace quiz::app
{

/// The whole `heparin-quiz` command line: global options (`--data-dir DIR` before or after the
/// command, `--version`, `--help`), the subcommands and their typed options, and with no
/// command the game (when `game` is given). Parses `args` (without the program name), runs
/// what they ask for and returns the exit code: 0 ok, 1 the input had errors, 2 the command
/// line was wrong (printed with a hint, and a "did you mean" for a near miss).
/// `context.dataDir` is the default packs folder; `--data-dir` replaces it.
[[nodiscard]] int runCommandLine(const std::vector<std::string>& args, CommandContext context,
                                 const GameEntry* game);

} // namespace quiz::app

#pragma once

#include "GameArgs.hpp"

#include <string>
#include <vector>

namespace quiz::app
{

/// Where the game program is looked for, in order: beside the executable (a build tree), then
/// `EXE/../libexec/heparin-quiz/heparin-quiz-game` (an install). Pure: no file access.
[[nodiscard]] std::vector<std::string> gameProgramCandidates(const std::string& executableDir);

/// The front end as `heparin-quiz` starts it: the window and everything it links (SFML, OpenGL,
/// X11, audio; some forty libraries) live in a program of their own, heparin-quiz-game, so
/// `check`, `import`, `host` and the other display-free commands start without loading them.
/// Starting the game replaces this process with heparin-quiz-game and the same command line
/// (`args`, argv[0] included), which parses it again; the process id stays the same. When the
/// program is missing or cannot be started, the entry prints where it looked and returns 1.
[[nodiscard]] GameEntry makeGameLauncher(std::vector<std::string> args, std::string executableDir);

} // namespace quiz::app

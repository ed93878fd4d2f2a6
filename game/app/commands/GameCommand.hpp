#pragma once

#include "GameArgs.hpp"

namespace quiz::app
{

/// `heparin-quiz [options]`: the game, starting at the title screen.
int runGame(const GameArgs& args, const CommandContext& context);
/// `heparin-quiz play --pack ID ...`: starts a round at once.
int runPlay(const PlayArgs& args, const CommandContext& context);

/// The front end as the command line starts it (see CommandLine.hpp).
[[nodiscard]] GameEntry makeGameEntry();

} // namespace quiz::app

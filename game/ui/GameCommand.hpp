#pragma once

#include "cli/Commands.hpp"

namespace quiz::ui
{

/// `heparin-quiz [options]`: the game, starting at the title screen.
int runGame(const cli::CommandContext& context);
/// `heparin-quiz play --pack ID [--topic ID]... [--count N] [--mode tutor|exam] [--seed N]`:
/// starts a round at once.
int runPlay(const cli::CommandContext& context);

} // namespace quiz::ui

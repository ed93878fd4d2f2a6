#pragma once

#include "Commands.hpp"

namespace quiz::app
{

/// `heparin-quiz [options]`: the game, starting at the title screen.
int runGame(const app::CommandContext& context);
/// `heparin-quiz play --pack ID [--topic ID]... [--count N] [--mode tutor|exam] [--seed N]`:
/// starts a round at once.
int runPlay(const app::CommandContext& context);

} // namespace quiz::app

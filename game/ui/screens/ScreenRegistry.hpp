#pragma once

namespace quiz::ui
{

class ScreenStack;
struct GameContext;

/// Registers every screen of the game with `stack`, each built over `context` when pushed.
/// Both outlive the stack's screens.
void registerScreens(ScreenStack& stack, GameContext& context);

} // namespace quiz::ui

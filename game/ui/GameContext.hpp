#pragma once

#include "GameServices.hpp"

#include <SFML/System/Vector2.hpp>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace quiz::ui
{

class AudioPlayer;
class ScreenStack;
class Theme;

/// What the game's window does for the screens: the Application is one, a render test has
/// none (nullptr), so the services and the screens are wired the same way in both.
class WindowControls
{
public:
    virtual ~WindowControls() = default;
    /// The settings changed: go fullscreen or back as `fullscreen` says and lay out again.
    virtual void applyWindowSettings(bool fullscreen) = 0;
    /// Closes the window, which ends the game.
    virtual void close() = 0;
};

/// What the confirmation overlay (ScreenId::ConfirmQuit) asks; without one it asks whether
/// to leave the round.
struct ConfirmRequest
{
    std::string title;        ///< "Quit Heparin Quiz?"
    std::string message;      ///< what happens, in words
    std::string confirmLabel; ///< "Quit"
    std::string cancelLabel;  ///< "Stay"; the default button
    std::function<void()> onConfirm;
};

/// Everything the screens share: the game's services plus its theme, sounds, screen stack and
/// (when there is one) window. Screens read it and call its actions.
struct GameContext : GameServices
{
    GameContext(ServiceOptions options, Theme& theme, AudioPlayer& audio, ScreenStack& screens);

    Theme* theme;
    AudioPlayer* audio;
    ScreenStack* screens;
    WindowControls* window = nullptr;
    bool mute = false; ///< --mute: no sounds whatever the settings say
    /// The option ids a player submitted and is asked "how sure?" about; the answer is given
    /// to the round only once they say, so Esc can take them back to the question.
    std::vector<std::string> pendingChoice;
    /// The same for a numeric question: the number typed.
    std::optional<double> pendingNumber;
    /// Sure / Unsure / Guess per answered question of this round (by index), for the results.
    std::map<std::size_t, core::Confidence> roundConfidence;
    /// Taken by the next confirmation overlay pushed (see ConfirmRequest).
    std::optional<ConfirmRequest> confirmRequest;

    /// Starts a round and shows its first question. Returns "" or the reason it could not.
    [[nodiscard]] std::string startSession(const core::SessionConfig& config);
    /// Called once when the round reaches Finished: writes results and history, plays a cue.
    void finishSession();
    /// Applies settings (theme, sound, fullscreen) and saves them.
    void applySettings() { applySettings(true); }
    void applySettings(bool save);
    void toggleFullscreen();
    void quit();
};

} // namespace quiz::ui

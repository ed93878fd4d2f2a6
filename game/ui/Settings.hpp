#pragma once

#include <string>

namespace quiz::ui
{

/// The player's preferences, persisted as `key=value` lines in `settings.ini` in the profile
/// folder. Unknown keys and bad values are ignored (the default is kept), so an old or
/// hand-edited file never stops the game.
struct Settings
{
    bool fullscreen = false;
    int textSize = 1; ///< 0..3
    bool highContrast = false;
    bool sound = true;
    int volume = 70;           ///< 0..100
    int defaultTimer = 0;      ///< seconds per question; 0 = off
    bool askConfidence = true; ///< tutor mode: Sure / Unsure / Guess before the feedback

    [[nodiscard]] std::string serialize() const;
    /// Reads what it can from `text`; returns the settings with defaults for the rest.
    [[nodiscard]] static Settings parse(const std::string& text);
};

/// The folder for settings and saves: `$XDG_DATA_HOME/heparin-quiz`, else
/// `$HOME/.local/share/heparin-quiz`, else "" (nothing is saved).
[[nodiscard]] std::string defaultProfileDir();

/// Loads `settings.ini` from `profileDir`; defaults when it is missing or unreadable.
[[nodiscard]] Settings loadSettings(const std::string& profileDir);
/// Creates the folder if needed and writes the file atomically. Returns false with `error`.
[[nodiscard]] bool saveSettings(const std::string& profileDir, const Settings& settings,
                                std::string& error);

/// Timer choices offered in set-up and settings, in seconds (0 = off).
inline constexpr int kTimerChoices[] = {0, 15, 30, 45, 60, 90, 120};

} // namespace quiz::ui

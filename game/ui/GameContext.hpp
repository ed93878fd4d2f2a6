#pragma once

#include "Settings.hpp"
#include "core/pack/PackChecker.hpp"
#include "core/progress/Progress.hpp"
#include "core/session/Session.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace quiz::ui
{

class AudioPlayer;
class ClassGame;
class PlayerProgress;
class Theme;
struct StudentState;

/// What the player chose on the set-up screen (kept between rounds).
struct SetupChoice
{
    std::vector<core::TopicSelection> selections; ///< empty: nothing chosen yet (all packs)
    int count = 10;
    core::Mode mode = core::Mode::Tutor;
    int timerSeconds = 0;
    std::uint32_t seed = 1;
};

/// Everything the screens share. Screens read it and call the actions; the Application fills
/// the actions in (window, files and sounds stay out of the screens).
struct GameContext
{
    Theme* theme = nullptr;
    AudioPlayer* audio = nullptr;
    Settings settings;
    std::string profileDir;
    std::string dataDir;
    std::string resultsPath;

    std::vector<core::CheckedPack> checkedPacks; ///< every file found, with its findings
    std::vector<core::Pack> packs;               ///< the ones without errors, playable
    std::optional<core::Session> session;
    SetupChoice setup;
    std::vector<core::QuestionKey> missedHistory; ///< from the last finished round
    std::string lastError;                 ///< shown by the next screen that cares, then cleared
    std::shared_ptr<ClassGame> classGame;  ///< the class being hosted (projector or live)
    std::shared_ptr<StudentState> student; ///< this computer's seat in someone's live class

    PlayerProgress* progress = nullptr; ///< the chosen player's history (always set)
    /// The wall clock, read at the app edge (tests pass a fixed moment).
    std::function<core::TimestampMs()> now;
    int utcOffsetMinutes = 0; ///< the player's time zone, read at the app edge
    /// The mode name the answers of the next round started are recorded under, e.g.
    /// "review" ("" = the session's mode); startSession takes it and clears it.
    std::string roundMode;
    /// Records the answer at `index` of the session with what the player said before the
    /// reveal (Confidence::None when they were not asked).
    std::function<void(std::size_t index, core::Confidence confidence)> recordAnswer;

    /// Starts a round and shows its first question. Returns "" or the reason it could not.
    std::function<std::string(const core::SessionConfig&)> startSession;
    /// Called once when the round reaches Finished: writes results and history, plays a cue.
    std::function<void()> finishSession;
    /// Applies settings (theme, sound, fullscreen) and saves them.
    std::function<void()> applySettings;
    std::function<void()> toggleFullscreen;
    std::function<void()> quit;

    [[nodiscard]] std::size_t getErrorPackCount() const
    {
        std::size_t count = 0;
        for (const core::CheckedPack& checked : checkedPacks)
            count += checked.pack.has_value() ? 0U : 1U;
        return count;
    }
};

} // namespace quiz::ui

#pragma once

#include "PlayerProgress.hpp"
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

class ClassGame;
struct StudentState;

/// What the player chose on the set-up screen (kept between rounds).
struct SetupChoice
{
    std::vector<core::TopicSelection> selections; ///< empty: nothing chosen yet (all packs)
    int count = 10;
    core::Mode mode = core::Mode::Tutor;
    int timerSeconds = 0;
    std::uint32_t seed = 1; ///< the seed the next round plays
    /// The player typed the seed (or asked to replay one): every round plays it. Otherwise
    /// each round that starts moves `seed` on to a new one, so rounds differ.
    bool seedChosen = false;
    std::optional<std::uint32_t> lastSeed; ///< the seed of the last round started
};

/// Where the game keeps and finds things, and its clock: all decided at the app edge.
struct ServiceOptions
{
    std::string profileDir;  ///< settings and history ("" = nothing saved)
    std::string dataDir;     ///< packs folder ("" = none)
    std::string resultsPath; ///< results JSON written when a round ends ("" = none)
    std::string today;       ///< YYYY-MM-DD for the checker
    std::string playerName;  ///< `--player`: play as this player, created when missing
    /// The computer account's name, read at the app edge: a first start (no player in the
    /// profile folder) makes a player of that name.
    std::string accountName;
    /// The wall clock (tests pass a fixed moment).
    std::function<core::TimestampMs()> clock;
    int utcOffsetMinutes = 0; ///< the player's time zone (statistics days start at midnight)
};

/// The game without its window: the packs, the round being played, the player's history and
/// settings. The application and the render tests build the same one; only the window side
/// (GameContext) differs. Failures come back as messages ("" = done) and are also written to
/// stderr where nobody would see them otherwise.
class GameServices
{
public:
    explicit GameServices(ServiceOptions options);
    GameServices(const GameServices&) = delete;
    GameServices& operator=(const GameServices&) = delete;

    /// Loads and checks every pack under `dirs` (the data folder when empty); the ones without
    /// errors become playable. Also reads the settings and the missed list, and chooses the
    /// player (see PlayerProgress::openAtStart).
    void load(std::vector<std::string> dirs = {});

    /// Creates the round for `config` and takes `roundMode`; returns "" or why it could not.
    [[nodiscard]] std::string createSession(const core::SessionConfig& config);
    /// A round (or class) started with `seed`: remembered for a replay, and unless the player
    /// chose the seed, the next round gets a new one.
    void notePlayedSeed(std::uint32_t seed);
    /// Records the answer at `index` of the session with what the player said before the
    /// reveal (Confidence::None when they were not asked).
    void recordAnswer(std::size_t index, core::Confidence confidence);
    /// Called once when the round reaches Finished: writes results and the missed list.
    void finishSession();
    /// Saves the settings in the profile folder; returns "" or the error.
    std::string saveSettings() const;

    [[nodiscard]] std::size_t getErrorPackCount() const;
    [[nodiscard]] core::TimestampMs now() const { return m_options.clock(); }
    [[nodiscard]] const ServiceOptions& getOptions() const { return m_options; }

    Settings settings;
    std::string profileDir;
    std::string dataDir;
    std::vector<core::CheckedPack> checkedPacks; ///< every file found, with its findings
    std::vector<core::Pack> packs;               ///< the ones without errors, playable
    std::optional<core::Session> session;
    SetupChoice setup;
    std::vector<core::QuestionKey> missedHistory; ///< from the last finished round
    std::string lastError;                 ///< shown by the next screen that cares, then cleared
    std::shared_ptr<ClassGame> classGame;  ///< the class being hosted (projector or live)
    std::shared_ptr<StudentState> student; ///< this computer's seat in someone's live class
    int utcOffsetMinutes = 0;
    /// The mode name the answers of the next round started are recorded under, e.g.
    /// "review" ("" = the session's mode); createSession takes it and clears it.
    std::string roundMode;

private:
    void loadHistory();
    void saveHistory();

    ServiceOptions m_options;
    PlayerProgress m_players;
    std::string m_recordedMode; ///< the recorded mode name of the round being played

public:
    PlayerProgress* const progress = &m_players; ///< the chosen player's history (always set)
};

} // namespace quiz::ui

#pragma once

#include "core/pack/Pack.hpp"
#include "core/progress/NextStep.hpp"
#include "core/progress/Profiles.hpp"
#include "core/progress/ProgressStore.hpp"
#include "core/session/Session.hpp"

#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

namespace quiz::ui
{

/// Where the player stands, for the home screen: their statistics (none without a player)
/// and what "Continue" starts.
struct HomeSummary
{
    core::Statistics statistics;
    core::NextStep next;
};

/// The player whose progress is kept, for the game: the profiles under the profile folder,
/// the one chosen (remembered by the profile folder's last-picked record) and its open
/// ProgressStore. No display and no clock: the caller passes `now`. Every failure comes back as a
/// message ("" = done); nothing here throws or exits. Notices for the player (a file moved
/// aside, answers not being saved) are kept once each, with a count of repeats, until
/// dismissed, and each new one is also written to the log (stderr in the game).
class PlayerProgress
{
public:
    /// `root` is the profile folder (`--profile-dir`); "" keeps nothing.
    explicit PlayerProgress(std::string root);

    /// Where each new notice, and each failure to open a player, is also written, one line
    /// "heparin-quiz: TEXT" (nullptr: nowhere). Not owned.
    void setLog(std::ostream* log) { m_log = log; }

    [[nodiscard]] bool isAvailable() const { return !m_directory.getRoot().empty(); }
    [[nodiscard]] bool hasPlayer() const { return m_store != nullptr; }
    /// The chosen player's name, "" when none is chosen.
    [[nodiscard]] const std::string& getPlayerName() const { return m_playerName; }
    /// The chosen player's store, or nullptr.
    [[nodiscard]] core::ProgressStore* getStore() const { return m_store.get(); }

    /// Profiles sorted by name; an empty list (and `error`) when the folder cannot be read.
    [[nodiscard]] std::vector<core::Profile> listProfiles(std::string& error) const;
    /// Opens the player remembered from the last run, if it still exists.
    void openLastPlayer(core::TimestampMs now);
    /// Chooses the player at start-up: `requested` (`--player`) when given, created when
    /// missing; else the one remembered from the last run; else, when the profile folder has no
    /// player at all (a first start), creates one named core::firstPlayerName(accountName), so
    /// the first answer is already kept. Failures become notices.
    void openAtStart(const std::string& requested, const std::string& accountName,
                     core::TimestampMs now);
    /// True when openAtStart made the current player for a first start (the title screen
    /// offers to rename it); cleared by renamePlayer, selectPlayer and createPlayer.
    [[nodiscard]] bool isNewOnFirstStart() const { return m_madeAtStart; }
    /// Opens `name`'s store and remembers the choice.
    [[nodiscard]] std::string selectPlayer(const std::string& name, core::TimestampMs now);
    /// Creates the profile and selects it.
    [[nodiscard]] std::string createPlayer(const std::string& name, core::TimestampMs now);
    [[nodiscard]] std::string renamePlayer(const std::string& oldName, const std::string& newName);
    /// Deletes the profile and all its history; the current player is closed first.
    [[nodiscard]] std::string deletePlayer(const std::string& name);

    /// What opening the store reported (a damaged file moved aside, an upgrade, why answers
    /// cannot be saved) and failures to record, oldest first, each once: a notice that came
    /// again ends in "(N times)". Shown on every screen until clearNotices() (dismissed).
    [[nodiscard]] std::vector<std::string> getNotices() const;
    [[nodiscard]] bool hasNotices() const { return !m_notices.empty(); }
    void clearNotices() { m_notices.clear(); }

    /// Records the answer at `index` of `session` (one transaction). `mode` overrides the
    /// session's mode name when not empty (e.g. "review"). Without a player it does nothing.
    /// A failure is kept as a notice and returned.
    std::string recordAnswer(const std::vector<core::Pack>& packs, const core::Session& session,
                             std::size_t index, core::Confidence confidence, core::TimestampMs now,
                             const std::string& mode);

    /// The questions among the loaded packs that the player last answered wrong, most urgent
    /// first (see core::selectMissedQuestions); empty without a player.
    [[nodiscard]] std::vector<core::QuestionKey>
    getMissedKeys(const std::vector<core::Pack>& packs);
    /// Statistics and the next step for the home screen at `now` (days start at local midnight
    /// `utcOffsetMinutes` east of UTC). Without a player the next step is new questions.
    [[nodiscard]] HomeSummary getHomeSummary(const std::vector<core::Pack>& packs,
                                             core::TimestampMs now, int utcOffsetMinutes);
    /// The due questions among the loaded packs, most urgent first (empty without a player).
    [[nodiscard]] std::vector<core::QuestionKey> getDueKeys(const std::vector<core::Pack>& packs,
                                                            core::TimestampMs now);

private:
    struct Notice
    {
        std::string text;
        std::size_t count = 1;
    };

    /// Keeps `notice` (and logs it, with `logIt`) unless it is already there; a repeat only
    /// counts, so a failing query asked at every layout, or a disk that stays full, makes one
    /// notice.
    void addNotice(const std::string& notice, bool logIt = true);
    /// Writes `text` to the log, if there is one.
    void log(const std::string& text) const;
    void closePlayer();

    core::ProfileDirectory m_directory;
    std::string m_playerName;
    std::unique_ptr<core::ProgressStore> m_store;
    std::vector<Notice> m_notices;
    std::ostream* m_log = nullptr;
    bool m_madeAtStart = false;
};

} // namespace quiz::ui

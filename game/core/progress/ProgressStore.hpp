#pragma once

#include "Progress.hpp"
#include "Scheduler.hpp"
#include "Statistics.hpp"
#include "core/util/Outcome.hpp"

#include <memory>
#include <string>
#include <vector>

namespace quiz::core
{

class SqlDatabase;
class SqlStatement;

/// One player's history in a SQLite file (see Profile::databasePath).
///
/// Durability: the file runs in WAL mode with synchronous=FULL, and every recordAnswer() is
/// one transaction, so killing the game at any moment loses at most the answer being written.
/// Opening never loses data silently: a damaged file (failed page check, SQLITE_CORRUPT,
/// SQLITE_NOTADB, emptied to 0 bytes, no answers table) is renamed to
/// `<file>.corrupt-YYYYMMDD-HHMMSS` (with its -wal companion) and a fresh one is started, and
/// getNotices() says so; missing derived tables are rebuilt from the answers, with a notice. A
/// full disk, a read-only file or folder, a missing permission or a newer schema fails the open
/// with "Answers cannot be saved: ..." and the cause, leaving the file exactly as it was.
/// Every failure is returned as a value with a message naming the file.
///
/// Not thread-safe: use one store per thread. Several processes may open the same file.
class ProgressStore
{
public:
    ~ProgressStore();
    ProgressStore(const ProgressStore&) = delete;
    ProgressStore& operator=(const ProgressStore&) = delete;

    /// Files smaller than this are always fully checked when opened (a few milliseconds).
    static constexpr std::uint64_t kAlwaysCheckBelowBytes = 4U * 1024 * 1024;

    /// Opens or creates the database at `path` (its folder must exist; a new file is put in
    /// place only once it is whole) and upgrades an older schema. `now` only names a file
    /// moved aside. The file's pages are checked (`PRAGMA quick_check`) when it is smaller
    /// than `alwaysCheckBelowBytes`, when the last session did not close it (a -wal file
    /// remains), or when an earlier query met damage (a `<file>.needs-check` marker); a large
    /// file closed cleanly only has its schema and table roots read, so opening stays fast as
    /// the history grows.
    [[nodiscard]] static Outcome<std::unique_ptr<ProgressStore>>
    open(const std::string& path, TimestampMs now,
         std::uint64_t alwaysCheckBelowBytes = kAlwaysCheckBelowBytes);

    [[nodiscard]] const std::string& getPath() const { return m_path; }
    /// Messages for the player about what opening did (a damaged file moved aside, an upgrade).
    [[nodiscard]] const std::vector<std::string>& getNotices() const { return m_notices; }

    /// Stores one answer, and updates its question's review state, in one transaction;
    /// returns its id once it is on disk.
    [[nodiscard]] Outcome<std::int64_t> recordAnswer(const StoredAnswer& record);
    /// Stores many answers in one transaction (imports, tests): all or none.
    [[nodiscard]] Status recordAnswers(const std::vector<StoredAnswer>& records);

    /// The whole history, oldest first (by time, then by id).
    [[nodiscard]] Outcome<std::vector<StoredAnswer>> loadHistory() const;
    /// How many answers are stored.
    [[nodiscard]] Outcome<std::int64_t> countAnswers() const;

    /// The spaced-review due list at `now`, most urgent first (see Scheduler.hpp). Pass the
    /// revisions of the loaded packs (collectRevisions) to leave out questions that are not
    /// loaded and to restart questions whose rev changed.
    [[nodiscard]] Outcome<std::vector<DueQuestion>>
    getDueQuestions(TimestampMs now, const RevisionMap* current = nullptr) const;
    /// The review state of every answered question (for "next review in N days" displays),
    /// equal to buildReviewStates(history) but read from a table kept current per answer.
    [[nodiscard]] Outcome<std::vector<ReviewState>> getReviewStates() const;

    /// The statistics screen's numbers at `now`, computed with SQL aggregates
    /// (implemented in Statistics.cpp).
    [[nodiscard]] Outcome<Statistics>
    computeStatistics(TimestampMs now, const StatisticsOptions& options = {}) const;

    /// Sets the topic of answers recorded without one (schema v1) from the pack's questions.
    [[nodiscard]] Status fillMissingTopics(const Pack& pack);

    /// For tests and tools: runs `PRAGMA integrity_check` and returns its first line ("ok").
    [[nodiscard]] Outcome<std::string> checkIntegrity() const;

    /// The raw connection, for tests and tools that must reach below the store.
    [[nodiscard]] SqlDatabase& getDatabase() const { return *m_database; }

private:
    ProgressStore(std::string path, std::unique_ptr<SqlDatabase> database);

    [[nodiscard]] int insert(const StoredAnswer& record);
    [[nodiscard]] int insertWithReviewState(const StoredAnswer& record, std::int64_t& id);
    /// Validates, then stores all records in one transaction; returns the last id.
    [[nodiscard]] Outcome<std::int64_t>
    recordInTransaction(const std::vector<StoredAnswer>& records);
    /// "<what> <path>: <sqlite error>"; on damage also leaves the check marker for open().
    [[nodiscard]] std::string describeFailure(const std::string& what) const;
    /// Brings the answer's question's review state up to date (inside its transaction).
    [[nodiscard]] int updateReviewState(const StoredAnswer& record);
    /// Recomputes every review state from the history (after an upgrade).
    [[nodiscard]] Status rebuildReviewStates();

    std::string m_path;
    std::unique_ptr<SqlDatabase> m_database;
    std::unique_ptr<SqlStatement> m_insert;
    std::vector<std::string> m_notices;
};

} // namespace quiz::core

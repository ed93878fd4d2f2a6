#include "ProgressStore.hpp"

#include "ProgressDatabase.hpp"
#include "ProgressSchema.hpp"

#include <sqlite3.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <system_error>
#include <unistd.h>

namespace fs = std::filesystem;

namespace quiz::core
{
namespace
{

const char* const kInsertSql =
    "INSERT INTO answers(pack_id, pack_version, question_id, question_rev, topic_id, chosen, "
    "correct, partial, points, max_points, critical, time_ms, confidence, answered_at, mode) "
    "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)";

const char* const kHistorySql =
    "SELECT id, pack_id, pack_version, question_id, question_rev, topic_id, chosen, correct, "
    "partial, points, max_points, critical, time_ms, confidence, answered_at, mode "
    "FROM answers ORDER BY answered_at, id";

enum class OpenState
{
    Ok,
    Corrupt, ///< damaged, not a database, or emptied: move aside and start fresh
    Newer,   ///< written by a newer build: refuse, touch nothing
    Failed ///< anything else (missing folder, full disk, read-only, locked): report, touch nothing
};

struct Attempt
{
    OpenState state = OpenState::Failed;
    std::string reason;
    int fromVersion = 0;
    std::vector<std::string> repaired; ///< derived tables that were missing and were rebuilt
    std::unique_ptr<SqlDatabase> database;
};

Attempt fail(OpenState state, std::string reason)
{
    Attempt attempt;
    attempt.state = state;
    attempt.reason = std::move(reason);
    return attempt;
}

// Only damage moves a file aside; a full disk, a read-only folder or a lock leaves it alone.
// `detail` is SQLite's message, when a rollback since the failure has replaced the
// connection's own.
Attempt failWith(const SqlDatabase& database, int code, const std::string& what = {},
                 const std::string& detail = {})
{
    const std::string error = detail.empty() ? database.getError() : detail;
    if (isCorruptionCode(code))
        return fail(OpenState::Corrupt, error);
    const std::string problem = describeStorageProblem(code, database.getSystemErrno(), error);
    return fail(OpenState::Failed, what.empty() ? problem : what + ": " + problem);
}

std::string joinOptions(const std::vector<std::string>& options)
{
    std::string joined;
    for (const std::string& option : options)
        joined += (joined.empty() ? "" : " ") + option;
    return joined;
}

std::vector<std::string> splitOptions(const std::string& joined)
{
    std::vector<std::string> options;
    std::size_t start = 0;
    while (start < joined.size())
    {
        std::size_t end = joined.find(' ', start);
        if (end == std::string::npos)
            end = joined.size();
        if (end > start)
            options.push_back(joined.substr(start, end - start));
        start = end + 1;
    }
    return options;
}

bool hasForeignTables(SqlDatabase& database, int& code)
{
    return database.queryText("SELECT count(*) FROM sqlite_master", code) != "0";
}

std::string getCheckMarkerPath(const std::string& path)
{
    return path + ".needs-check";
}

// The full page check costs time in proportion to the file, so a large file that was closed
// cleanly last time (no -wal left behind) and never reported damage skips it; see open().
bool needsFullCheck(const std::string& path, std::uint64_t alwaysCheckBelowBytes)
{
    std::error_code ec;
    if (fs::exists(path + "-wal", ec) || fs::exists(getCheckMarkerPath(path), ec))
        return true;
    const std::uintmax_t size = fs::file_size(path, ec);
    return ec || size < alwaysCheckBelowBytes;
}

// With `full`, reads every page (PRAGMA quick_check); otherwise only the schema and the root
// pages. Ok, or why the file cannot be used: Corrupt only for damage.
Attempt verifyPages(SqlDatabase& database, bool full)
{
    int code = SQLITE_OK;
    if (full)
    {
        const std::string check = database.queryText("PRAGMA quick_check", code);
        if (code != SQLITE_OK)
            return failWith(database, code);
        return check == "ok" ? fail(OpenState::Ok, {}) : fail(OpenState::Corrupt, check);
    }
    (void)database.queryText("SELECT count(*) FROM sqlite_master", code);
    if (code == SQLITE_OK)
        (void)database.queryText(
            "SELECT (SELECT count(*) FROM topic_totals) + (SELECT max(id) FROM answers)", code);
    // An empty (version 0) file has no tables yet, and a missing table is repaired later: only
    // damage and a disk that cannot be read count here.
    if (code == SQLITE_OK || code == SQLITE_ERROR)
        return fail(OpenState::Ok, {});
    return failWith(database, code);
}

// Everything that can be decided without writing comes first, so a file from a newer
// version, or one that is refused for another reason, is left exactly as it was.
Attempt tryOpenOnce(const std::string& path, std::uint64_t alwaysCheckBelowBytes)
{
    std::error_code ec;
    // Decided before opening: reading a WAL database creates its -wal file.
    const bool fullCheck = needsFullCheck(path, alwaysCheckBelowBytes);
    if (!fs::is_regular_file(path, ec))
        return fail(OpenState::Corrupt, "it is not a regular file");
    // New files are only put in place whole (createFresh), so an empty one lost its contents.
    if (fs::file_size(path, ec) == 0 && !ec)
        return fail(OpenState::Corrupt,
                    "it is empty (0 bytes): the answers it held are lost; it may have been "
                    "truncated by a full disk, a crash or another program");

    auto database = std::make_unique<SqlDatabase>();
    int code = database->open(path, false);
    if (code != SQLITE_OK)
        return failWith(*database, code);
    (void)database->exec("PRAGMA busy_timeout = 5000");

    const std::string versionText = database->queryText("PRAGMA user_version", code);
    if (code != SQLITE_OK)
        return failWith(*database, code);
    const int version = std::atoi(versionText.c_str());
    if (version > kProgressSchemaVersion)
        return fail(OpenState::Newer, "it was written by a newer version of Heparin Quiz "
                                      "(progress format " +
                                          versionText + "; this version reads up to " +
                                          std::to_string(kProgressSchemaVersion) + ")");
    if (Attempt verified = verifyPages(*database, fullCheck); verified.state != OpenState::Ok)
        return verified;
    if (version == 0 && hasForeignTables(*database, code))
        return fail(OpenState::Corrupt, "it holds tables this game does not know");
    if (sqlite3_db_readonly(database->get(), "main") == 1)
    {
        const std::string unwritable = findUnwritable(path);
        return fail(OpenState::Failed, unwritable.empty() ? "the file is read-only" : unwritable);
    }

    const std::string journal = database->queryText("PRAGMA journal_mode = WAL", code);
    if (code != SQLITE_OK)
        return failWith(*database, code, "cannot switch it to write-ahead logging");
    if (journal != "wal")
        return fail(OpenState::Failed, "cannot switch it to write-ahead logging (" + journal + ")");
    // FULL: each commit is flushed to disk, so an answer survives a power cut too, not just
    // a killed process. The benchmark keeps the cost within the recording budget.
    (void)database->exec("PRAGMA synchronous = FULL; PRAGMA temp_store = MEMORY");

    const Status migrated = migrateProgressSchema(*database, version, code);
    if (!migrated.ok)
        return failWith(*database, code, "cannot upgrade it", migrated.message);
    Attempt attempt;
    Outcome<std::vector<std::string>> repaired = repairProgressSchema(*database, code);
    if (!repaired.isOk())
        return code == SQLITE_OK
                   ? fail(OpenState::Corrupt, repaired.getMessage())
                   : failWith(*database, code, "cannot repair it", repaired.getMessage());
    attempt.repaired = repaired.getValue();
    attempt.state = OpenState::Ok;
    attempt.fromVersion = version;
    attempt.database = std::move(database);
    return attempt;
}

// A file that is refused is left as it was: the empty log and index SQLite made while trying
// are removed (never ones that were there before, or a log that holds anything), and a
// failure says first that the file or its folder cannot be written, when that is the cause.
Attempt tryOpen(const std::string& path, std::uint64_t alwaysCheckBelowBytes)
{
    std::error_code ec;
    const std::string wal = path + "-wal";
    const std::string shm = path + "-shm";
    const bool hadWal = fs::exists(wal, ec);
    const bool hadShm = fs::exists(shm, ec);
    Attempt attempt = tryOpenOnce(path, alwaysCheckBelowBytes);
    if (attempt.state != OpenState::Failed && attempt.state != OpenState::Newer)
        return attempt;
    if (!hadWal && fs::exists(wal, ec) && fs::file_size(wal, ec) == 0)
        fs::remove(wal, ec);
    if (!hadShm && !fs::exists(wal, ec))
        fs::remove(shm, ec);
    const std::string unwritable = findUnwritable(path);
    if (attempt.state == OpenState::Failed && !unwritable.empty())
        attempt.reason = unwritable; // the cause; SQLite's own words would only confuse
    return attempt;
}

void removeWithCompanions(const std::string& path)
{
    std::error_code ec;
    for (const char* suffix : {"", "-journal", "-wal", "-shm"})
        fs::remove(path + suffix, ec);
}

// A new history is made whole under a temporary name and only then linked into place, so a
// full disk or a crash never leaves an empty or half-made file where the history belongs
// (which the next start could not tell from one that lost its answers).
Attempt createFresh(const std::string& path)
{
    const std::string temporary = path + ".new";
    removeWithCompanions(temporary);
    Attempt made;
    {
        SqlDatabase database;
        int code = database.open(temporary, true);
        std::string detail;
        if (code == SQLITE_OK)
            detail = migrateProgressSchema(database, 0, code).message;
        if (code == SQLITE_OK && database.queryText("PRAGMA journal_mode = WAL", code) != "wal")
            code = code == SQLITE_OK ? SQLITE_CANTOPEN : code;
        made = code == SQLITE_OK ? fail(OpenState::Ok, {})
                                 : failWith(database, code, "cannot create it", detail);
    }
    std::error_code ec;
    if (made.state == OpenState::Ok && fs::exists(temporary + "-wal", ec) &&
        fs::file_size(temporary + "-wal", ec) > 0)
        made = fail(OpenState::Failed, "cannot create it: it could not be written whole");
    if (made.state == OpenState::Ok)
    {
        // A hard link never replaces a history another process put there in the meantime.
        fs::create_hard_link(temporary, path, ec);
        if (ec && !fs::exists(path))
        {
            ec.clear();
            fs::rename(temporary, path, ec);
        }
        if (ec && !fs::exists(path))
            made = fail(OpenState::Failed, "cannot create it: " + ec.message());
    }
    removeWithCompanions(temporary);
    if (made.state == OpenState::Corrupt)
        made.state = OpenState::Failed; // a file just made is not damaged: the disk is at fault
    return made;
}

Attempt openOrCreate(const std::string& path, std::uint64_t alwaysCheckBelowBytes)
{
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(path, ec)))
    {
        if (!fs::is_directory(fs::path(path).parent_path(), ec))
            return fail(OpenState::Failed, "its folder does not exist");
        if (Attempt created = createFresh(path); created.state != OpenState::Ok)
            return created;
    }
    return tryOpen(path, alwaysCheckBelowBytes);
}

std::string formatStamp(TimestampMs now)
{
    std::string text = formatTimestampUtc(now); // YYYY-MM-DDTHH:MM:SS.mmmZ
    std::string stamp;
    for (std::size_t i = 0; i < 19 && i < text.size(); ++i)
    {
        if (text[i] == 'T')
            stamp += '-';
        else if (text[i] != '-' && text[i] != ':')
            stamp += text[i];
    }
    return stamp; // YYYYMMDD-HHMMSS
}

Outcome<std::string> moveAside(const std::string& path, TimestampMs now)
{
    const std::string base = path + ".corrupt-" + formatStamp(now);
    std::string target = base;
    std::error_code ec;
    for (int n = 2; fs::exists(target, ec) || fs::exists(target + "-wal", ec); ++n)
        target = base + "-" + std::to_string(n);
    fs::rename(path, target, ec);
    if (ec)
        return Outcome<std::string>::failure("cannot move " + path + " aside: " + ec.message());
    // The log belongs to the damaged file; a fresh database must not try to replay it.
    for (const char* companion : {"-wal", "-journal"})
    {
        if (fs::exists(path + companion, ec))
            fs::rename(path + companion, target + companion, ec);
    }
    fs::remove(path + "-shm", ec);
    fs::remove(getCheckMarkerPath(path), ec);
    return target;
}

} // namespace

ProgressStore::ProgressStore(std::string path, std::unique_ptr<SqlDatabase> database)
    : m_path(std::move(path)), m_database(std::move(database))
{
}

ProgressStore::~ProgressStore()
{
    m_insert.reset();
    m_database.reset();
}

Outcome<std::unique_ptr<ProgressStore>>
ProgressStore::open(const std::string& path, TimestampMs now, std::uint64_t alwaysCheckBelowBytes)
{
    using Result = Outcome<std::unique_ptr<ProgressStore>>;
    std::vector<std::string> notices;
    Attempt attempt = openOrCreate(path, alwaysCheckBelowBytes);
    std::unique_ptr<SqlStatement> insert;
    if (attempt.state == OpenState::Ok)
    {
        insert = std::make_unique<SqlStatement>(attempt.database->get(), kInsertSql);
        if (!insert->isValid())
            attempt = fail(OpenState::Corrupt,
                           "its tables are damaged (" + attempt.database->getError() + ")");
    }
    if (attempt.state == OpenState::Corrupt)
    {
        const std::string reason = attempt.reason;
        attempt = Attempt();
        Outcome<std::string> moved = moveAside(path, now);
        if (!moved.isOk())
            return Result::failure("Answers cannot be saved: the progress file " + path +
                                   " cannot be read (" + reason + ") and " + moved.getMessage());
        notices.push_back("The progress file " + path + " could not be read (" + reason +
                          "). It was kept as " + moved.getValue() +
                          " and a fresh history was started.");
        attempt = openOrCreate(path, alwaysCheckBelowBytes);
        if (attempt.state == OpenState::Ok)
            insert = std::make_unique<SqlStatement>(attempt.database->get(), kInsertSql);
    }
    if (attempt.state == OpenState::Newer)
        return Result::failure("Answers cannot be saved: cannot open the progress file " + path +
                               ": " + attempt.reason +
                               ". It was left untouched; update the game to use it.");
    if (attempt.state != OpenState::Ok || insert == nullptr || !insert->isValid())
    {
        std::error_code ec;
        const bool kept = fs::exists(path, ec);
        return Result::failure("Answers cannot be saved: cannot open the progress file " + path +
                               ": " + attempt.reason +
                               (kept ? ". The file was left as it is." : "."));
    }
    if (attempt.fromVersion > 0 && attempt.fromVersion < kProgressSchemaVersion)
        notices.push_back("The progress file " + path + " was upgraded from format " +
                          std::to_string(attempt.fromVersion) + " to " +
                          std::to_string(kProgressSchemaVersion) + ".");
    for (const std::string& table : attempt.repaired)
        notices.push_back("The progress file " + path + " was missing its " + table +
                          " table; it was rebuilt from the answers.");
    std::error_code ec;
    // The marker made tryOpen run the full check, which passed: it has done its job.
    fs::remove(getCheckMarkerPath(path), ec);
    std::unique_ptr<ProgressStore> store(new ProgressStore(path, std::move(attempt.database)));
    store->m_insert = std::move(insert);
    store->m_notices = std::move(notices);
    // Right after the upgrade to v2 (or if a crash came between it and the rebuild, or the
    // table was dropped) the review states are missing while answers exist: compute them once
    // from the history.
    int code = SQLITE_OK;
    const std::string missing = store->m_database->queryText(
        "SELECT NOT EXISTS(SELECT 1 FROM review_states) AND EXISTS(SELECT 1 FROM answers)", code);
    if (code != SQLITE_OK)
        return Result::failure("Answers cannot be saved: " + store->describeFailure("cannot read"));
    if (missing == "1")
    {
        const Status rebuilt = store->rebuildReviewStates();
        if (!rebuilt.ok)
            return Result::failure("Answers cannot be saved: " + rebuilt.message);
    }
    return Result(std::move(store));
}

std::string ProgressStore::describeFailure(const std::string& what) const
{
    const std::string error = m_database->getError();
    const int primary = sqlite3_errcode(m_database->get()) & 0xFF;
    if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
    {
        // Leave a note so the next open runs the full check and moves the file aside.
        std::ofstream marker(getCheckMarkerPath(m_path));
        marker << error << '\n';
        return what + " " + m_path + ": " + error +
               " (the file will be checked when the game next opens it)";
    }
    const std::string unwritable = findUnwritable(m_path);
    if (!unwritable.empty())
        return what + " " + m_path + ": " + unwritable + " (" + error + ")";
    return what + " " + m_path + ": " +
           describeStorageProblem(primary, m_database->getSystemErrno(), error);
}

int ProgressStore::insert(const StoredAnswer& record)
{
    SqlStatement& s = *m_insert;
    s.reset();
    s.bind(1, record.packId);
    s.bind(2, record.packVersion);
    s.bind(3, record.questionId);
    s.bind(4, static_cast<std::int64_t>(record.questionRev));
    s.bind(5, record.topicId);
    s.bind(6, joinOptions(record.chosenOptionIds));
    s.bind(7, static_cast<std::int64_t>(record.correct ? 1 : 0));
    s.bind(8, static_cast<std::int64_t>(record.partial ? 1 : 0));
    s.bind(9, record.points);
    s.bind(10, record.maxPoints);
    s.bind(11, static_cast<std::int64_t>(record.critical ? 1 : 0));
    s.bind(12, record.timeTakenMs);
    s.bind(13, std::string(toString(record.confidence)));
    s.bind(14, record.answeredAtMs);
    s.bind(15, record.mode);
    const int code = s.step();
    s.reset();
    return code;
}

int ProgressStore::insertWithReviewState(const StoredAnswer& record, std::int64_t& id)
{
    int code = insert(record);
    if (code != SQLITE_DONE)
        return code;
    id = static_cast<std::int64_t>(sqlite3_last_insert_rowid(m_database->get()));
    StoredAnswer stored = record;
    stored.id = id;
    return updateReviewState(stored);
}

Outcome<std::int64_t> ProgressStore::recordAnswer(const StoredAnswer& record)
{
    return recordInTransaction({record});
}

Status ProgressStore::recordAnswers(const std::vector<StoredAnswer>& records)
{
    return recordInTransaction(records).getStatus();
}

Outcome<std::int64_t> ProgressStore::recordInTransaction(const std::vector<StoredAnswer>& records)
{
    using Result = Outcome<std::int64_t>;
    for (const StoredAnswer& record : records)
    {
        const std::string problem = validateStoredAnswer(record);
        if (!problem.empty())
            return Result::failure(std::string(records.size() == 1 ? "answer" : "answers") +
                                   " not recorded: " + problem);
    }
    // One transaction: the answer, its summaries (by trigger) and its review state reach the
    // disk together at COMMIT, or not at all.
    const std::string what =
        records.size() == 1 ? "answer not recorded in" : "answers not recorded in";
    if (m_database->exec("BEGIN IMMEDIATE") != SQLITE_OK)
        return Result::failure(describeFailure(what));
    std::int64_t lastId = 0;
    int code = SQLITE_OK;
    for (const StoredAnswer& record : records)
    {
        code = insertWithReviewState(record, lastId);
        if (code != SQLITE_OK)
            break;
    }
    if (code == SQLITE_OK)
        code = m_database->exec("COMMIT");
    if (code != SQLITE_OK)
    {
        const std::string message = describeFailure(what);
        (void)m_database->exec("ROLLBACK");
        return Result::failure(message);
    }
    return lastId;
}

Outcome<std::vector<StoredAnswer>> ProgressStore::loadHistory() const
{
    using Result = Outcome<std::vector<StoredAnswer>>;
    SqlStatement s(m_database->get(), kHistorySql);
    if (!s.isValid())
        return Result::failure(describeFailure("cannot read"));
    std::vector<StoredAnswer> history;
    int code = SQLITE_ROW;
    while ((code = s.step()) == SQLITE_ROW)
    {
        StoredAnswer r;
        r.id = s.getInt(0);
        r.packId = s.getText(1);
        r.packVersion = s.getText(2);
        r.questionId = s.getText(3);
        r.questionRev = static_cast<int>(s.getInt(4));
        r.topicId = s.getText(5);
        r.chosenOptionIds = splitOptions(s.getText(6));
        r.correct = s.getInt(7) != 0;
        r.partial = s.getInt(8) != 0;
        r.points = s.getDouble(9);
        r.maxPoints = s.getDouble(10);
        r.critical = s.getInt(11) != 0;
        r.timeTakenMs = s.getInt(12);
        r.confidence = parseConfidence(s.getText(13)).value_or(Confidence::None);
        r.answeredAtMs = s.getInt(14);
        r.mode = s.getText(15);
        history.push_back(std::move(r));
    }
    if (code != SQLITE_DONE)
        return Result::failure(describeFailure("cannot read"));
    return history;
}

Outcome<std::int64_t> ProgressStore::countAnswers() const
{
    int code = SQLITE_OK;
    const std::string count = m_database->queryText("SELECT count(*) FROM answers", code);
    if (code != SQLITE_OK)
        return Outcome<std::int64_t>::failure("cannot read " + m_path + ": " +
                                              m_database->getError());
    return static_cast<std::int64_t>(std::atoll(count.c_str()));
}

Status ProgressStore::fillMissingTopics(const Pack& pack)
{
    SqlStatement s(m_database->get(), "UPDATE answers SET topic_id = ?1 "
                                      "WHERE pack_id = ?2 AND question_id = ?3 AND topic_id = ''");
    if (!s.isValid() || m_database->exec("BEGIN IMMEDIATE") != SQLITE_OK)
        return Status::failure("cannot update " + m_path + ": " + m_database->getError());
    for (const Question& question : pack.questions)
    {
        if (question.topicId.empty())
            continue;
        s.reset();
        s.bind(1, question.topicId);
        s.bind(2, pack.id);
        s.bind(3, question.id);
        if (s.step() != SQLITE_DONE)
        {
            const std::string error = m_database->getError();
            s.reset();
            (void)m_database->exec("ROLLBACK");
            return Status::failure("cannot update " + m_path + ": " + error);
        }
    }
    s.reset();
    if (m_database->exec(getRebuildSummariesSql()) != SQLITE_OK ||
        m_database->exec("COMMIT") != SQLITE_OK)
    {
        const std::string error = m_database->getError();
        (void)m_database->exec("ROLLBACK");
        return Status::failure("cannot update " + m_path + ": " + error);
    }
    return Status::success();
}

Outcome<std::string> ProgressStore::checkIntegrity() const
{
    int code = SQLITE_OK;
    std::string result = m_database->queryText("PRAGMA integrity_check", code);
    if (code != SQLITE_OK)
        return Outcome<std::string>::failure("cannot check " + m_path + ": " +
                                             m_database->getError());
    return result;
}

} // namespace quiz::core

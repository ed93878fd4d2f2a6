#include "ProgressOpen.hpp"

#include "ProgressDatabase.hpp"
#include "ProgressSchema.hpp"

#include <sqlite3.h>

#include <cerrno>
#include <filesystem>
#include <system_error>
#include <unistd.h>

namespace fs = std::filesystem;

namespace quiz::core
{

OpenAttempt failOpen(OpenState state, std::string reason)
{
    OpenAttempt attempt;
    attempt.state = state;
    attempt.reason = std::move(reason);
    return attempt;
}

std::string getCheckMarkerPath(const std::string& path)
{
    return path + ".needs-check";
}

namespace
{

// Only damage moves a file aside; a full disk, a read-only folder or a lock leaves it alone.
// `detail` is SQLite's message, when a rollback since the failure has replaced the
// connection's own.
OpenAttempt failWith(const SqlDatabase& database, int code, const std::string& what = {},
                     const std::string& detail = {})
{
    const std::string error = detail.empty() ? database.getError() : detail;
    if (isCorruptionCode(code))
        return failOpen(OpenState::Corrupt, error);
    const std::string problem = describeStorageProblem(code, database.getSystemErrno(), error);
    return failOpen(OpenState::Failed, what.empty() ? problem : what + ": " + problem);
}

bool hasForeignTables(SqlDatabase& database, int& code)
{
    return database.queryText("SELECT count(*) FROM sqlite_master", code) != "0";
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
OpenAttempt verifyPages(SqlDatabase& database, bool full)
{
    int code = SQLITE_OK;
    if (full)
    {
        const std::string check = database.queryText("PRAGMA quick_check", code);
        if (code != SQLITE_OK)
            return failWith(database, code);
        return check == "ok" ? failOpen(OpenState::Ok, {}) : failOpen(OpenState::Corrupt, check);
    }
    (void)database.queryText("SELECT count(*) FROM sqlite_master", code);
    if (code == SQLITE_OK)
        (void)database.queryText(
            "SELECT (SELECT count(*) FROM topic_totals) + (SELECT max(id) FROM answers)", code);
    // An empty (version 0) file has no tables yet, and a missing table is repaired later: only
    // damage and a disk that cannot be read count here.
    if (code == SQLITE_OK || code == SQLITE_ERROR)
        return failOpen(OpenState::Ok, {});
    return failWith(database, code);
}

// Everything that can be decided without writing comes first, so a file from a newer
// version, or one that is refused for another reason, is left exactly as it was.
OpenAttempt tryOpenOnce(const std::string& path, std::uint64_t alwaysCheckBelowBytes)
{
    std::error_code ec;
    // Decided before opening: reading a WAL database creates its -wal file.
    const bool fullCheck = needsFullCheck(path, alwaysCheckBelowBytes);
    if (!fs::is_regular_file(path, ec))
        return failOpen(OpenState::Corrupt, "it is not a regular file");
    // New files are only put in place whole (createFresh), so an empty one lost its contents.
    if (fs::file_size(path, ec) == 0 && !ec)
        return failOpen(OpenState::Corrupt,
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
        return failOpen(OpenState::Newer, "it was written by a newer version of Heparin Quiz "
                                          "(progress format " +
                                              versionText + "; this version reads up to " +
                                              std::to_string(kProgressSchemaVersion) + ")");
    if (OpenAttempt verified = verifyPages(*database, fullCheck); verified.state != OpenState::Ok)
        return verified;
    if (version == 0 && hasForeignTables(*database, code))
        return failOpen(OpenState::Corrupt, "it holds tables this game does not know");
    if (sqlite3_db_readonly(database->get(), "main") == 1)
    {
        const std::string unwritable = findUnwritable(path);
        return failOpen(OpenState::Failed,
                        unwritable.empty() ? "the file is read-only" : unwritable);
    }

    const std::string journal = database->queryText("PRAGMA journal_mode = WAL", code);
    if (code != SQLITE_OK)
        return failWith(*database, code, "cannot switch it to write-ahead logging");
    if (journal != "wal")
        return failOpen(OpenState::Failed,
                        "cannot switch it to write-ahead logging (" + journal + ")");
    // FULL: each commit is flushed to disk, so an answer survives a power cut too, not just
    // a killed process. The benchmark keeps the cost within the recording budget.
    (void)database->exec("PRAGMA synchronous = FULL; PRAGMA temp_store = MEMORY");

    const Status migrated = migrateProgressSchema(*database, version, code);
    if (!migrated.ok)
        return failWith(*database, code, "cannot upgrade it", migrated.message);
    OpenAttempt attempt;
    Outcome<std::vector<std::string>> repaired = repairProgressSchema(*database, code);
    if (!repaired.isOk())
        return code == SQLITE_OK
                   ? failOpen(OpenState::Corrupt, repaired.getMessage())
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
OpenAttempt tryOpen(const std::string& path, std::uint64_t alwaysCheckBelowBytes)
{
    std::error_code ec;
    const std::string wal = path + "-wal";
    const std::string shm = path + "-shm";
    const bool hadWal = fs::exists(wal, ec);
    const bool hadShm = fs::exists(shm, ec);
    OpenAttempt attempt = tryOpenOnce(path, alwaysCheckBelowBytes);
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
OpenAttempt createFresh(const std::string& path)
{
    const std::string temporary = path + ".new";
    removeWithCompanions(temporary);
    OpenAttempt made;
    {
        SqlDatabase database;
        int code = database.open(temporary, true);
        std::string detail;
        if (code == SQLITE_OK)
            detail = migrateProgressSchema(database, 0, code).message;
        if (code == SQLITE_OK && database.queryText("PRAGMA journal_mode = WAL", code) != "wal")
            code = code == SQLITE_OK ? SQLITE_CANTOPEN : code;
        made = code == SQLITE_OK ? failOpen(OpenState::Ok, {})
                                 : failWith(database, code, "cannot create it", detail);
    }
    std::error_code ec;
    if (made.state == OpenState::Ok && fs::exists(temporary + "-wal", ec) &&
        fs::file_size(temporary + "-wal", ec) > 0)
        made = failOpen(OpenState::Failed, "cannot create it: it could not be written whole");
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
            made = failOpen(OpenState::Failed, "cannot create it: " + ec.message());
    }
    removeWithCompanions(temporary);
    if (made.state == OpenState::Corrupt)
        made.state = OpenState::Failed; // a file just made is not damaged: the disk is at fault
    return made;
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

} // namespace

OpenAttempt openProgressFile(const std::string& path, std::uint64_t alwaysCheckBelowBytes)
{
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(path, ec)))
    {
        if (!fs::is_directory(fs::path(path).parent_path(), ec))
            return failOpen(OpenState::Failed, "its folder does not exist");
        if (OpenAttempt created = createFresh(path); created.state != OpenState::Ok)
            return created;
    }
    else if (fs::exists(path + ".new", ec))
    {
        removeWithCompanions(path + ".new"); // left by a crash after the link, or unused
    }
    return tryOpen(path, alwaysCheckBelowBytes);
}

Outcome<std::string> moveProgressFileAside(const std::string& path, TimestampMs now)
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

} // namespace quiz::core

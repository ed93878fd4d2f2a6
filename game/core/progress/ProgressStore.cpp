#include "ProgressStore.hpp"

#include "ProgressDatabase.hpp"
#include "ProgressOpen.hpp"
#include "ProgressSchema.hpp"

#include <sqlite3.h>

#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <system_error>

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

/// The chosen column: option ids, then a numeric answer's "=VALUE" and "!MISTAKE" tokens
/// (option ids never start with '=' or '!'), so no schema change was needed for them.
std::string encodeChoices(const StoredAnswer& record)
{
    std::vector<std::string> tokens = record.chosenOptionIds;
    if (record.typedValue)
    {
        char buffer[64];
        const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, *record.typedValue);
        if (error == std::errc())
            tokens.push_back("=" + std::string(buffer, end));
    }
    if (record.mistakeIndex >= 0)
        tokens.push_back("!" + std::to_string(record.mistakeIndex));
    return joinOptions(tokens);
}

void decodeChoices(const std::string& joined, StoredAnswer& record)
{
    for (std::string& token : splitOptions(joined))
    {
        if (token.size() > 1 && token[0] == '=')
        {
            double value = 0.0;
            const auto [end, error] =
                std::from_chars(token.data() + 1, token.data() + token.size(), value);
            if (error == std::errc() && end == token.data() + token.size())
                record.typedValue = value;
        }
        else if (token.size() > 1 && token[0] == '!')
        {
            int index = -1;
            const auto [end, error] =
                std::from_chars(token.data() + 1, token.data() + token.size(), index);
            if (error == std::errc() && end == token.data() + token.size())
                record.mistakeIndex = index;
        }
        else
        {
            record.chosenOptionIds.push_back(std::move(token));
        }
    }
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
    OpenAttempt attempt = openProgressFile(path, alwaysCheckBelowBytes);
    std::unique_ptr<SqlStatement> insert;
    if (attempt.state == OpenState::Ok)
    {
        insert = std::make_unique<SqlStatement>(attempt.database->get(), kInsertSql);
        if (!insert->isValid())
            attempt = failOpen(OpenState::Corrupt,
                               "its tables are damaged (" + attempt.database->getError() + ")");
    }
    if (attempt.state == OpenState::Corrupt)
    {
        const std::string reason = attempt.reason;
        attempt = OpenAttempt();
        Outcome<std::string> moved = moveProgressFileAside(path, now);
        if (!moved.isOk())
            return Result::failure("Answers cannot be saved: the progress file " + path +
                                   " cannot be read (" + reason + ") and " + moved.getMessage());
        notices.push_back("The progress file " + path + " could not be read (" + reason +
                          "). It was kept as " + moved.getValue() +
                          " and a fresh history was started.");
        attempt = openProgressFile(path, alwaysCheckBelowBytes);
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
    s.bind(6, encodeChoices(record));
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
        decodeChoices(s.getText(6), r);
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

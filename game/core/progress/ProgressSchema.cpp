#include "ProgressSchema.hpp"

#include "ProgressDatabase.hpp"

#include <sqlite3.h>

#include <iterator>
#include <string>

namespace quiz::core
{
namespace
{

const char* const kSchemaV1 = R"sql(
CREATE TABLE answers (
    id INTEGER PRIMARY KEY,
    pack_id TEXT NOT NULL,
    pack_version TEXT NOT NULL,
    question_id TEXT NOT NULL,
    question_rev INTEGER NOT NULL,
    chosen TEXT NOT NULL,
    correct INTEGER NOT NULL,
    points REAL NOT NULL,
    max_points REAL NOT NULL,
    critical INTEGER NOT NULL,
    time_ms INTEGER NOT NULL,
    confidence TEXT NOT NULL,
    answered_at INTEGER NOT NULL,
    mode TEXT NOT NULL
);
CREATE INDEX answers_by_question ON answers(pack_id, question_id);
PRAGMA user_version = 1;
)sql";

// Version 2: statistics per topic need the topic of each answer, and the statistics screen
// must open fast on a large history, which scanning and sorting every answer cannot do. So
// version 2 adds topic_id and partial to answers, and three summary tables kept current by a
// trigger in the same transaction as each answer:
//   activity_buckets - answers per 15 minutes (any real time zone offset is a multiple of 15
//                      minutes, so local days can be summed from them exactly);
//   topic_totals     - answers and correct answers per topic;
//   question_latest  - the score of each question's latest answer (for mastery).
// It also adds review_states, the spaced-review state of each question, which ProgressStore
// updates with Scheduler's applyAnswer in each answer's transaction (rebuilt from the history
// when it is empty, as right after this upgrade), so the due list does not replay every answer.
// Answers from version 1 get topic "" (ProgressStore::fillMissingTopics can fill it in from
// the packs) and partial derived from their points; the summaries are built from them.
// The tables version 2 derives from the answers, and the trigger that keeps them current. Each
// can be recreated on its own (repairProgressSchema) and refilled from the answers.
struct DerivedObject
{
    const char* name;
    const char* sql;
};

const DerivedObject kDerivedObjects[] = {
    {"activity_buckets", R"sql(
CREATE TABLE activity_buckets (
    bucket INTEGER PRIMARY KEY,
    answered INTEGER NOT NULL,
    correct INTEGER NOT NULL,
    critical INTEGER NOT NULL
);)sql"},
    {"topic_totals", R"sql(
CREATE TABLE topic_totals (
    pack_id TEXT NOT NULL,
    topic_id TEXT NOT NULL,
    answered INTEGER NOT NULL,
    correct INTEGER NOT NULL,
    PRIMARY KEY (pack_id, topic_id)
) WITHOUT ROWID;)sql"},
    {"question_latest", R"sql(
CREATE TABLE question_latest (
    pack_id TEXT NOT NULL,
    question_id TEXT NOT NULL,
    answer_id INTEGER NOT NULL,
    topic_id TEXT NOT NULL,
    score REAL NOT NULL,
    PRIMARY KEY (pack_id, question_id)
) WITHOUT ROWID;)sql"},
    {"review_states", R"sql(
CREATE TABLE review_states (
    pack_id TEXT NOT NULL,
    question_id TEXT NOT NULL,
    rev INTEGER NOT NULL,
    box INTEGER NOT NULL,
    due_at INTEGER NOT NULL,
    last_answered_at INTEGER NOT NULL,
    answer_count INTEGER NOT NULL,
    lapse_count INTEGER NOT NULL,
    reason INTEGER NOT NULL,
    PRIMARY KEY (pack_id, question_id)
) WITHOUT ROWID;)sql"},
    {"answers_summarise", R"sql(
CREATE TRIGGER answers_summarise AFTER INSERT ON answers
BEGIN
    INSERT INTO activity_buckets(bucket, answered, correct, critical)
        VALUES (NEW.answered_at / 900000, 1, NEW.correct != 0, NEW.critical != 0)
        ON CONFLICT(bucket) DO UPDATE SET answered = answered + 1,
            correct = correct + excluded.correct, critical = critical + excluded.critical;
    INSERT INTO topic_totals(pack_id, topic_id, answered, correct)
        VALUES (NEW.pack_id, NEW.topic_id, 1, NEW.correct != 0)
        ON CONFLICT(pack_id, topic_id) DO UPDATE SET answered = answered + 1,
            correct = correct + excluded.correct;
    INSERT INTO question_latest(pack_id, question_id, answer_id, topic_id, score)
        VALUES (NEW.pack_id, NEW.question_id, NEW.id, NEW.topic_id,
            CASE WHEN NEW.max_points > 0 THEN min(NEW.points / NEW.max_points, 1.0)
                 ELSE NEW.correct != 0 END)
        ON CONFLICT(pack_id, question_id) DO UPDATE SET answer_id = excluded.answer_id,
            topic_id = excluded.topic_id, score = excluded.score
        WHERE excluded.answer_id > question_latest.answer_id;
END;)sql"},
    {"answers_by_question",
     "CREATE INDEX answers_by_question ON answers(pack_id, question_id, id);"},
    {"answers_by_time", "CREATE INDEX answers_by_time ON answers(answered_at);"},
    {"profile_meta", "CREATE TABLE profile_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"},
};

const char* const kMigrationV2Columns = R"sql(
ALTER TABLE answers ADD COLUMN topic_id TEXT NOT NULL DEFAULT '';
ALTER TABLE answers ADD COLUMN partial INTEGER NOT NULL DEFAULT 0;
UPDATE answers SET partial = 1 WHERE correct = 0 AND points > 0;
DROP INDEX answers_by_question;
)sql";

std::string getMigrationV2Sql()
{
    std::string sql = kMigrationV2Columns;
    for (const DerivedObject& object : kDerivedObjects)
        sql += std::string(object.sql) + "\n";
    sql += "INSERT INTO profile_meta(key, value) VALUES ('upgraded_to_v2_from', 'v1');\n"
           "PRAGMA user_version = 2;\n";
    return sql;
}

// Rebuilds the summary tables from the answers (after the upgrade, and after answers' topics
// were changed in bulk).
const char* const kRebuildSummaries = R"sql(
DELETE FROM activity_buckets;
DELETE FROM topic_totals;
DELETE FROM question_latest;
INSERT INTO activity_buckets(bucket, answered, correct, critical)
    SELECT answered_at / 900000, count(*), total(correct != 0), total(critical != 0)
    FROM answers GROUP BY 1;
INSERT INTO topic_totals(pack_id, topic_id, answered, correct)
    SELECT pack_id, topic_id, count(*), total(correct != 0) FROM answers GROUP BY 1, 2;
INSERT INTO question_latest(pack_id, question_id, answer_id, topic_id, score)
    SELECT pack_id, question_id, id, topic_id,
        CASE WHEN max_points > 0 THEN min(points / max_points, 1.0) ELSE correct != 0 END
    FROM answers WHERE id IN (SELECT max(id) FROM answers GROUP BY pack_id, question_id);
)sql";

struct Step
{
    int toVersion;
    std::string sql;
};

const Step kSteps[] = {{1, kSchemaV1}, {2, getMigrationV2Sql()}};

} // namespace

const char* getRebuildSummariesSql()
{
    return kRebuildSummaries;
}

const char* getSchemaV1Sql()
{
    return kSchemaV1;
}

Status migrateProgressSchema(SqlDatabase& database, int fromVersion, int& sqliteCode)
{
    sqliteCode = SQLITE_OK;
    const int target = kSteps[std::size(kSteps) - 1].toVersion;
    if (fromVersion >= target)
        return Status::success();
    // Every step in one transaction: user_version lives in the file header and is part of it, so
    // a crash in the middle leaves the previous version whole. (A new file killed between two
    // steps used to be left at version 1 and reported as upgraded the next time.)
    sqliteCode = database.exec("BEGIN IMMEDIATE");
    for (const Step& step : kSteps)
    {
        if (step.toVersion <= fromVersion || sqliteCode != SQLITE_OK)
            continue;
        sqliteCode = database.exec(step.sql);
        if (sqliteCode == SQLITE_OK && step.toVersion == 2)
            sqliteCode = database.exec(kRebuildSummaries);
        if (sqliteCode == SQLITE_OK && fromVersion == 0 && step.toVersion == 2)
            sqliteCode = database.exec("UPDATE profile_meta SET value = 'new' "
                                       "WHERE key = 'upgraded_to_v2_from'");
    }
    if (sqliteCode == SQLITE_OK)
        sqliteCode = database.exec("COMMIT");
    if (sqliteCode != SQLITE_OK)
    {
        const std::string error = database.getError();
        (void)database.exec("ROLLBACK");
        return Status::failure("cannot upgrade the progress database to version " +
                               std::to_string(target) + ": " + error);
    }
    return Status::success();
}

Outcome<std::vector<std::string>> repairProgressSchema(SqlDatabase& database, int& sqliteCode)
{
    using Result = Outcome<std::vector<std::string>>;
    std::vector<std::string> missing;
    sqliteCode = SQLITE_OK;
    const std::string hasAnswers = database.queryText(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'answers'", sqliteCode);
    if (sqliteCode != SQLITE_OK)
        return Result::failure(database.getError());
    if (hasAnswers != "1")
        return Result::failure("its answers table is missing");
    std::string sql;
    for (const DerivedObject& object : kDerivedObjects)
    {
        SqlStatement find(database.get(), "SELECT 1 FROM sqlite_master WHERE name = ?1");
        find.bind(1, std::string(object.name));
        sqliteCode = find.step();
        if (sqliteCode == SQLITE_ROW)
            continue;
        if (sqliteCode != SQLITE_DONE)
            return Result::failure(database.getError());
        missing.push_back(object.name);
        sql += std::string(object.sql) + "\n";
    }
    sqliteCode = SQLITE_OK;
    if (missing.empty())
        return missing;
    // Everything missing is derived from the answers: recreate it and refill the summaries in
    // one transaction (an emptied review_states is refilled by ProgressStore::open).
    sqliteCode = database.exec("BEGIN IMMEDIATE");
    if (sqliteCode == SQLITE_OK)
        sqliteCode = database.exec(sql);
    if (sqliteCode == SQLITE_OK)
        sqliteCode = database.exec(kRebuildSummaries);
    if (sqliteCode == SQLITE_OK)
        sqliteCode = database.exec("COMMIT");
    if (sqliteCode != SQLITE_OK)
    {
        const std::string error = database.getError();
        (void)database.exec("ROLLBACK");
        return Result::failure("cannot rebuild its missing tables: " + error);
    }
    return missing;
}

} // namespace quiz::core

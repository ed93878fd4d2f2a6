#include "ProgressSchema.hpp"

#include "ProgressDatabase.hpp"

#include <sqlite3.h>

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

// Version 2: statistics per topic need the topic of each answer, and the due list and the
// per-day statistics want indexes that version 1 lacked. Answers from version 1 get topic ""
// (ProgressStore::fillMissingTopics can fill it in from the packs) and partial derived from
// their points.
const char* const kMigrationV2 = R"sql(
ALTER TABLE answers ADD COLUMN topic_id TEXT NOT NULL DEFAULT '';
ALTER TABLE answers ADD COLUMN partial INTEGER NOT NULL DEFAULT 0;
UPDATE answers SET partial = 1 WHERE correct = 0 AND points > 0;
DROP INDEX answers_by_question;
CREATE INDEX answers_by_question ON answers(pack_id, question_id, id);
CREATE INDEX answers_by_time ON answers(answered_at);
CREATE TABLE profile_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO profile_meta(key, value) VALUES ('upgraded_to_v2_from', 'v1');
PRAGMA user_version = 2;
)sql";

struct Step
{
    int toVersion;
    const char* sql;
};

const Step kSteps[] = {{1, kSchemaV1}, {2, kMigrationV2}};

} // namespace

const char* getSchemaV1Sql()
{
    return kSchemaV1;
}

Status migrateProgressSchema(SqlDatabase& database, int fromVersion, int& sqliteCode)
{
    sqliteCode = SQLITE_OK;
    for (const Step& step : kSteps)
    {
        if (step.toVersion <= fromVersion)
            continue;
        // user_version lives in the file header and is part of the transaction, so a crash in
        // the middle leaves the previous version, whole.
        sqliteCode = database.exec("BEGIN IMMEDIATE");
        if (sqliteCode == SQLITE_OK)
            sqliteCode = database.exec(step.sql);
        if (sqliteCode == SQLITE_OK && fromVersion == 0 && step.toVersion == 2)
            sqliteCode = database.exec("UPDATE profile_meta SET value = 'new' "
                                       "WHERE key = 'upgraded_to_v2_from'");
        if (sqliteCode == SQLITE_OK)
            sqliteCode = database.exec("COMMIT");
        if (sqliteCode != SQLITE_OK)
        {
            const std::string error = database.getError();
            (void)database.exec("ROLLBACK");
            return Status::failure("cannot upgrade the progress database to version " +
                                   std::to_string(step.toVersion) + ": " + error);
        }
    }
    return Status::success();
}

} // namespace quiz::core

#pragma once

#include "core/util/Outcome.hpp"

#include <string>
#include <vector>

namespace quiz::core
{

class SqlDatabase;

/// The schema version this build writes (`PRAGMA user_version`). Version history:
/// 1 - the answers table (history of every answered question);
/// 2 - adds topic_id and partial to answers, indexes, a profile_meta key/value table, and
///     summary tables for the statistics kept current by a trigger (see ProgressSchema.cpp).
inline constexpr int kProgressSchemaVersion = 2;

/// The SQL that creates a version 1 database, kept so fresh databases take the same migration
/// path as old ones (and tests can build a version 1 file).
[[nodiscard]] const char* getSchemaV1Sql();

/// SQL that rebuilds the version 2 summary tables from the answers table.
[[nodiscard]] const char* getRebuildSummariesSql();

/// Brings a database of version `fromVersion` (0 = empty) up to kProgressSchemaVersion, one
/// transaction per step, so an interrupted upgrade leaves a valid older version behind.
/// `sqliteCode` receives the SQLite code of a failure (to tell corruption from other trouble).
[[nodiscard]] Status migrateProgressSchema(SqlDatabase& database, int fromVersion, int& sqliteCode);

/// For a database at kProgressSchemaVersion: recreates the tables, indexes and trigger derived
/// from the answers that are missing (dropped by hand or by another tool) and refills the
/// summaries, in one transaction. Returns the names recreated (empty: nothing was missing), or
/// a failure when the answers table itself is missing (nothing can be rebuilt) or the repair
/// could not be written; `sqliteCode` receives the SQLite code of a failure.
[[nodiscard]] Outcome<std::vector<std::string>> repairProgressSchema(SqlDatabase& database,
                                                                     int& sqliteCode);

} // namespace quiz::core

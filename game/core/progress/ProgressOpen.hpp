#pragma once

#include "Progress.hpp"
#include "core/util/Outcome.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace quiz::core
{

class SqlDatabase;

/// How opening a progress file went. Internal to ProgressStore::open.
enum class OpenState
{
    Ok,
    Corrupt, ///< damaged, not a database, or emptied: move aside and start fresh
    Newer,   ///< written by a newer build: refuse, touch nothing
    Failed   ///< anything else (missing folder, full disk, read-only, locked): leave the file
};

/// The outcome of one try at opening a progress file: the open connection when Ok.
struct OpenAttempt
{
    OpenState state = OpenState::Failed;
    std::string reason;
    int fromVersion = 0;
    std::vector<std::string> repaired; ///< derived tables that were missing and were rebuilt
    std::unique_ptr<SqlDatabase> database;
};

/// An attempt that ended in `state` for `reason`.
[[nodiscard]] OpenAttempt failOpen(OpenState state, std::string reason);

/// Opens the progress file at `path`, creating it whole (under `<path>.new`, then linked into
/// place) when there is none, upgrading and repairing it. Decides without writing whether the
/// file is damaged (Corrupt), newer (Newer) or cannot be used for another reason (Failed), so
/// that only damage moves it; a refused file is left as it was. See ProgressStore::open.
[[nodiscard]] OpenAttempt openProgressFile(const std::string& path,
                                           std::uint64_t alwaysCheckBelowBytes);

/// Renames a damaged file to `<path>.corrupt-YYYYMMDD-HHMMSS` (with its log); returns the name.
[[nodiscard]] Outcome<std::string> moveProgressFileAside(const std::string& path, TimestampMs now);

/// `<path>.needs-check`: left by a query that met damage, so the next open checks every page.
[[nodiscard]] std::string getCheckMarkerPath(const std::string& path);

} // namespace quiz::core

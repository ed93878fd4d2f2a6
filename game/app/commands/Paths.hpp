#pragma once

#include <functional>
#include <string>
#include <vector>

namespace quiz::app
{

/// The folder holding this executable (from /proc/self/exe), or "" when it cannot be read.
[[nodiscard]] std::string getExecutableDir();

/// Where a shipped folder (`questions`, `assets`) is looked for, in order: the install layout
/// relative to the executable (`EXE/../share/heparin-quiz/NAME`, or for the game program in
/// `PREFIX/libexec/heparin-quiz`, `PREFIX/share/heparin-quiz/NAME`), then the source tree the
/// build was configured from (`SOURCE/NAME`). An empty input gives no candidate. Pure: no file
/// access.
[[nodiscard]] std::vector<std::string> shippedFolderCandidates(const std::string& executableDir,
                                                               const std::string& sourceDir,
                                                               const std::string& name);

/// The outcome of a search over candidate folders: the first that qualified ("" if none) and
/// every folder looked at, in order, for the message when none did.
struct FolderSearch
{
    std::string found;
    std::vector<std::string> looked;
};

/// Walks `candidates` in order and stops at the first for which `qualifies` is true. Pure
/// apart from what `qualifies` does.
[[nodiscard]] FolderSearch
findFirstFolder(const std::vector<std::string>& candidates,
                const std::function<bool(const std::string&)>& qualifies);

/// "looked in A, then B" (or "nowhere to look" when there was no candidate).
[[nodiscard]] std::string describeSearch(const FolderSearch& search);

/// True when `dir/pack.xsd` exists: the marker of a shipped packs folder.
[[nodiscard]] bool isPacksFolder(const std::string& dir);

/// The shipped `questions/` folder for this executable (never the current directory), "" if
/// none of shippedFolderCandidates(executableDir, the recorded source tree, "questions") holds
/// the packs.
/// `--data-dir` is applied on top by the command line.
[[nodiscard]] std::string findDataDir(const std::string& executableDir);

/// The shipped `assets/` folder found the same way (marker: its README.md), or "".
[[nodiscard]] std::string findAssetDir(const std::string& executableDir);

/// What to say when findDataDir(executableDir) found nothing: where it looked and what to do,
/// e.g. "no packs folder found (looked in /usr/share/heparin-quiz/questions, then
/// /src/questions); pass --data-dir DIR".
[[nodiscard]] std::string describeMissingDataDir(const std::string& executableDir);

/// Today's date as YYYY-MM-DD in UTC. The app edge reads the clock; the core never does.
[[nodiscard]] std::string todayIsoDate();

} // namespace quiz::app

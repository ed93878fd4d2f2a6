#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace quiz::app
{

/// What every subcommand receives: its own arguments (after the subcommand name) and the
/// settings resolved at the app edge. Output goes to `out`, diagnostics and errors to `err`.
struct CommandContext
{
    std::vector<std::string> args;
    std::string dataDir;       ///< shipped/selected packs folder ("" when none was found)
    std::string executableDir; ///< folder of the running executable
    std::string today;         ///< YYYY-MM-DD, read once at the edge
    std::ostream* out = nullptr;
    std::ostream* err = nullptr;
};

/// Exit codes shared by the subcommands.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1; ///< the input had errors
inline constexpr int kExitUsage = 2;   ///< the command line was wrong

/// `heparin-quiz check [--strict] [--json] PATH...`
int runCheck(const CommandContext& context);
/// `heparin-quiz list [--json] [PATH...]`
int runList(const CommandContext& context);
/// `heparin-quiz import [--from moodle|gift|qti] IN... -o OUT.xml [--pack-id ID] [--title T]`
int runImport(const CommandContext& context);
/// `heparin-quiz export-moodle PACK -o OUT.xml`
int runExportMoodle(const CommandContext& context);
/// `heparin-quiz export --player NAME [--format csv|json] [-o FILE] [--profile-dir DIR]`
int runExport(const CommandContext& context);
/// `heparin-quiz schema [-o FILE]`: the pack format's XSD (questions/pack.xsd)
int runSchema(const CommandContext& context);

} // namespace quiz::app

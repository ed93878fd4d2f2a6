#pragma once

#include "core/import/Importer.hpp"

#include <iosfwd>
#include <string>
#include <vector>

namespace quiz::app
{

/// The settings every subcommand receives, resolved at the app edge. Output goes to `out`,
/// diagnostics and errors to `err`. The subcommand's own options come in its typed struct,
/// filled by the command line (CommandLine.hpp).
struct CommandContext
{
    std::string dataDir;       ///< shipped/selected packs folder ("" when none was found)
    std::string executableDir; ///< folder of the running executable
    std::string today;         ///< YYYY-MM-DD, read once at the edge
    std::string accountName;   ///< the computer account's name ("" when unknown)
    std::ostream* out = nullptr;
    std::ostream* err = nullptr;
};

/// A usage error as every command prints it: "COMMAND: MESSAGE\nTry 'COMMAND --help'.\n".
[[nodiscard]] std::string formatUsageError(const std::string& command, const std::string& message);

/// Exit codes shared by the subcommands.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1; ///< the input had errors
inline constexpr int kExitUsage = 2;   ///< the command line was wrong

/// `heparin-quiz check [--strict] [--json] PATH...`
struct CheckArgs
{
    std::vector<std::string> paths; ///< at least one
    bool strict = false;
    bool json = false;
};
int runCheck(const CheckArgs& args, const CommandContext& context);

/// `heparin-quiz list [--json] [PATH...]`
struct ListArgs
{
    std::vector<std::string> paths; ///< empty: the data folder
    bool json = false;
};
int runList(const ListArgs& args, const CommandContext& context);

/// `heparin-quiz import [--from moodle|gift|qti] IN... -o OUT.xml [--pack-id ID] [--title T]`
struct ImportArgs
{
    std::vector<std::string> inputs; ///< at least one
    std::string output;              ///< required
    core::import::SourceFormat format = core::import::SourceFormat::Auto;
    std::string packId; ///< "" or [a-z0-9][a-z0-9._-]{2,63}
    std::string title;
};
int runImport(const ImportArgs& args, const CommandContext& context);

/// `heparin-quiz export-moodle PACK -o OUT.xml`
struct ExportMoodleArgs
{
    std::string pack;
    std::string output;
};
int runExportMoodle(const ExportMoodleArgs& args, const CommandContext& context);

/// `heparin-quiz export --player NAME [--format csv|json] [-o FILE] [--profile-dir DIR]`
struct ExportArgs
{
    enum class Format
    {
        Csv,
        Json
    };
    std::string player; ///< required
    Format format = Format::Csv;
    std::string output;     ///< "" or "-": standard output
    std::string profileDir; ///< "" : the XDG default
};
int runExport(const ExportArgs& args, const CommandContext& context);

/// `heparin-quiz schema [-o FILE]`: the pack format's XSD (questions/pack.xsd)
struct SchemaArgs
{
    std::string output; ///< "": standard output
};
int runSchema(const SchemaArgs& args, const CommandContext& context);

} // namespace quiz::app

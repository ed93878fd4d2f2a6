#include "ArgParser.hpp"
#include "Commands.hpp"
#include "core/progress/Profiles.hpp"
#include "core/progress/ProgressExport.hpp"
#include "core/progress/ProgressStore.hpp"
#include "core/util/AtomicFile.hpp"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <ostream>

namespace quiz::app
{

// `heparin-quiz export --player NAME [--format csv|json] [-o FILE] [--profile-dir DIR]`
int runExport(const CommandContext& context)
{
    const std::string command = "heparin-quiz export";
    ArgParser parser(command, "Writes a player's full answer history, for their own records or "
                              "an instructor.");
    std::string player;
    std::string format = "csv";
    std::string output;
    std::string profileDir;
    parser.addOption("player", &player, "NAME", "the player whose history to export (required)");
    parser.addOption("format", &format, "csv|json", "output format (default: csv)");
    parser.addOption("output", &output, "FILE",
                     "write to FILE (replaced atomically) instead of standard output; also -o");
    parser.addOption("profile-dir", &profileDir, "DIR",
                     "folder of player profiles (default: $XDG_DATA_HOME/heparin-quiz)");

    // The shared parser knows long options only; -o is the one short spelling users expect.
    std::vector<std::string> args = context.args;
    for (std::string& arg : args)
    {
        if (arg == "--")
            break;
        if (arg == "-o")
            arg = "--output";
    }
    const ParseResult parsed = parser.parse(args);
    if (parsed.status == ParseResult::Status::Help)
    {
        *context.out << parser.usage();
        return kExitOk;
    }
    if (!parsed.isOk())
    {
        *context.err << parser.formatError(parsed.message);
        return kExitUsage;
    }
    if (player.empty())
    {
        *context.err << parser.formatError("--player is required");
        return kExitUsage;
    }
    if (format != "csv" && format != "json")
    {
        *context.err << parser.formatError("--format must be csv or json, not '" + format + "'");
        return kExitUsage;
    }
    if (profileDir.empty())
        profileDir =
            core::resolveDefaultProfileRoot(std::getenv("XDG_DATA_HOME"), std::getenv("HOME"));
    if (profileDir.empty())
    {
        *context.err << command << ": no profile folder: set HOME or pass --profile-dir\n";
        return kExitFailure;
    }

    const core::ProfileDirectory profiles(profileDir);
    const core::Outcome<core::Profile> profile = profiles.findProfile(player);
    if (!profile.isOk())
    {
        *context.err << command << ": " << profile.getMessage() << '\n';
        return kExitFailure;
    }
    const core::TimestampMs now = std::chrono::duration_cast<std::chrono::milliseconds>(
                                      std::chrono::system_clock::now().time_since_epoch())
                                      .count();
    std::vector<core::StoredAnswer> history;
    std::error_code ec;
    // A player who never answered has no database yet; exporting must not create one.
    if (std::filesystem::exists(profile.getValue().databasePath, ec))
    {
        auto store = core::ProgressStore::open(profile.getValue().databasePath, now);
        if (!store.isOk())
        {
            *context.err << command << ": " << store.getMessage() << '\n';
            return kExitFailure;
        }
        for (const std::string& notice : store.getValue()->getNotices())
            *context.err << command << ": " << notice << '\n';
        auto loaded = store.getValue()->loadHistory();
        if (!loaded.isOk())
        {
            *context.err << command << ": " << loaded.getMessage() << '\n';
            return kExitFailure;
        }
        history = std::move(loaded.getValue());
    }
    const std::string text = format == "csv"
                                 ? core::formatHistoryCsv(history)
                                 : core::formatHistoryJson(profile.getValue().name, history, now);
    if (output.empty() || output == "-")
    {
        *context.out << text;
        context.out->flush();
        return kExitOk;
    }
    const std::string failure = core::writeFileAtomically(output, text);
    if (!failure.empty())
    {
        *context.err << command << ": " << failure << '\n';
        return kExitFailure;
    }
    *context.err << command << ": wrote " << history.size() << " answers of '"
                 << profile.getValue().name << "' to " << output << '\n';
    return kExitOk;
}

} // namespace quiz::app

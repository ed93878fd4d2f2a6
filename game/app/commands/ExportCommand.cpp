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

int runExport(const ExportArgs& args, const CommandContext& context)
{
    const std::string command = "heparin-quiz export";
    std::string profileDir = args.profileDir;
    if (profileDir.empty())
        profileDir =
            core::resolveDefaultProfileRoot(std::getenv("XDG_DATA_HOME"), std::getenv("HOME"));
    if (profileDir.empty())
    {
        *context.err << command << ": no profile folder: set HOME or pass --profile-dir\n";
        return kExitFailure;
    }

    const core::ProfileDirectory profiles(profileDir);
    const core::Outcome<core::Profile> profile = profiles.findProfile(args.player);
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
    const std::string text = args.format == ExportArgs::Format::Csv
                                 ? core::formatHistoryCsv(history)
                                 : core::formatHistoryJson(profile.getValue().name, history, now);
    if (args.output.empty() || args.output == "-")
    {
        *context.out << text;
        context.out->flush();
        return kExitOk;
    }
    const std::string failure = core::writeFileAtomically(args.output, text);
    if (!failure.empty())
    {
        *context.err << command << ": " << failure << '\n';
        return kExitFailure;
    }
    *context.err << command << ": wrote " << history.size() << " answers of '"
                 << profile.getValue().name << "' to " << args.output << '\n';
    return kExitOk;
}

} // namespace quiz::app

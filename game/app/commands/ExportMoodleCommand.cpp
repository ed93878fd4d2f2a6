#include "Commands.hpp"
#include "core/import/MoodleWriter.hpp"
#include "core/pack/PackChecker.hpp"
#include "core/util/AtomicFile.hpp"
#include "core/util/ReadFile.hpp"

#include <filesystem>
#include <ostream>

namespace quiz::app
{

namespace
{

namespace fs = std::filesystem;

constexpr std::size_t kMaxFigureBytes = 5U * 1024U * 1024U;

/// Reads a figure only from inside the pack's folder (the checker has already refused paths
/// that leave it; this is the second lock on the door).
std::optional<std::string> loadFigure(const std::string& baseDir, const std::string& src)
{
    const fs::path relative(src);
    if (src.empty() || relative.is_absolute() || src.find("..") != std::string::npos ||
        src.find(':') != std::string::npos)
        return std::nullopt;
    core::DiagnosticList ignored;
    std::string bytes;
    if (!core::readFileCapped((fs::path(baseDir) / relative).string(), kMaxFigureBytes, bytes,
                              ignored))
        return std::nullopt;
    return bytes;
}

} // namespace

int runExportMoodle(const ExportMoodleArgs& args, const CommandContext& context)
{
    core::CheckOptions options;
    options.today = context.today;
    core::CheckedPack checked = core::loadAndCheck(args.pack, options);
    checked.diagnostics.sortByLine();
    for (const core::Diagnostic& d : checked.diagnostics.getAll())
    {
        if (d.severity == core::Severity::Error)
            *context.err << d.format() << '\n';
    }
    if (!checked.pack)
    {
        *context.err << "heparin-quiz export-moodle: '" << args.pack
                     << "' has errors; fix them with 'heparin-quiz check' first\n";
        return kExitFailure;
    }
    const std::string baseDir = checked.pack->baseDir;
    const core::import::MoodleExport exported = core::import::writeMoodleXml(
        *checked.pack, [&](const std::string& src) { return loadFigure(baseDir, src); }, args.pack);
    for (const core::Diagnostic& d : exported.diagnostics.getAll())
        *context.err << d.format() << '\n';
    const std::string failure =
        core::writeFileAtomically(args.output, exported.xml, core::FileAccess::Shared);
    if (!failure.empty())
    {
        *context.err << "heparin-quiz export-moodle: " << failure << '\n';
        return kExitUsage;
    }
    *context.out << "exported " << checked.pack->questions.size() << " question(s) to "
                 << args.output << '\n';
    return kExitOk;
}

} // namespace quiz::app

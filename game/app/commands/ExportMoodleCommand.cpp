#include "ArgParser.hpp"
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

int runExportMoodle(const CommandContext& context)
{
    std::string output;
    std::vector<std::string> packs;
    ArgParser parser("heparin-quiz export-moodle",
                     "Writes a pack as Moodle XML (categories from topics, images embedded) for "
                     "import into an LMS.\nExit status: 0 written, 1 the pack has errors, 2 usage "
                     "or write error.");
    parser.addOption("output", &output, "OUT.xml", "the Moodle XML file to write (also -o)");
    parser.setPositionals(&packs, "PACK", 1, "the pack file to export");
    std::vector<std::string> args;
    for (const std::string& arg : context.args)
        args.push_back(arg == "-o" ? "--output" : arg);
    if (const std::optional<int> exit = parser.parseOrExit(args, *context.out, *context.err))
        return *exit;
    std::string problem;
    if (output.empty())
        problem = "-o OUT.xml is required";
    else if (packs.size() != 1)
        problem = "give exactly one PACK";
    if (!problem.empty())
    {
        *context.err << parser.formatError(problem);
        return kExitUsage;
    }
    core::CheckOptions options;
    options.today = context.today;
    core::CheckedPack checked = core::loadAndCheck(packs[0], options);
    checked.diagnostics.sortByLine();
    for (const core::Diagnostic& d : checked.diagnostics.getAll())
    {
        if (d.severity == core::Severity::Error)
            *context.err << d.format() << '\n';
    }
    if (!checked.pack)
    {
        *context.err << "heparin-quiz export-moodle: '" << packs[0]
                     << "' has errors; fix them with 'heparin-quiz check' first\n";
        return kExitFailure;
    }
    const std::string baseDir = checked.pack->baseDir;
    const core::import::MoodleExport exported = core::import::writeMoodleXml(
        *checked.pack, [&](const std::string& src) { return loadFigure(baseDir, src); }, packs[0]);
    for (const core::Diagnostic& d : exported.diagnostics.getAll())
        *context.err << d.format() << '\n';
    const std::string failure = core::writeFileAtomically(output, exported.xml);
    if (!failure.empty())
    {
        *context.err << "heparin-quiz export-moodle: " << failure << '\n';
        return kExitUsage;
    }
    *context.out << "exported " << checked.pack->questions.size() << " question(s) to " << output
                 << '\n';
    return kExitOk;
}

} // namespace quiz::app

#include "ArgParser.hpp"
#include "Commands.hpp"
#include "core/import/Importer.hpp"
#include "core/import/PackAssembler.hpp"
#include "core/pack/PackChecker.hpp"
#include "core/pack/PackLoader.hpp"
#include "core/pack/PackWriter.hpp"
#include "core/util/AtomicFile.hpp"

#include <filesystem>
#include <ostream>
#include <regex>

namespace quiz::app
{

namespace
{

namespace fs = std::filesystem;

/// ArgParser takes long options only; the documented `-o` is spelled out before parsing.
std::vector<std::string> expandShortOutput(const std::vector<std::string>& args)
{
    std::vector<std::string> out;
    for (const std::string& arg : args)
        out.push_back(arg == "-o" ? "--output" : arg);
    return out;
}

void printDiagnostics(std::ostream& err, core::DiagnosticList diagnostics)
{
    diagnostics.sortByLine();
    for (const core::Diagnostic& d : diagnostics.getAll())
        err << d.format() << '\n';
    if (diagnostics.getDropped() > 0)
        err << diagnostics.getFile() << ": ... and " << diagnostics.getDropped() << " more\n";
}

std::string folderOf(const std::string& path)
{
    const fs::path parent = fs::path(path).parent_path();
    return parent.empty() ? std::string(".") : parent.string();
}

/// Writes each image once under its generated name; never a name from the input.
bool writeImages(const std::vector<core::import::AssembledImage>& images, const std::string& base,
                 std::ostream& err)
{
    for (const core::import::AssembledImage& image : images)
    {
        const fs::path target = fs::path(base) / image.relativePath;
        std::error_code error;
        fs::create_directories(target.parent_path(), error);
        if (fs::exists(target, error) && fs::file_size(target, error) == image.bytes.size())
            continue; // content-hash name: same name, same bytes
        const std::string failure = core::writeFileAtomically(target.string(), image.bytes);
        if (!failure.empty())
        {
            err << "heparin-quiz import: " << failure << '\n';
            return false;
        }
    }
    return true;
}

struct ImportArgs
{
    std::string from;
    std::string output;
    std::string packId;
    std::string title;
    std::vector<std::string> inputs;
    core::import::SourceFormat format = core::import::SourceFormat::Auto;
};

/// Parses the command line; returns -1 to go on, else the exit code to return.
int parseArgs(const CommandContext& context, ImportArgs& args)
{
    ArgParser parser("heparin-quiz import",
                     "Imports Moodle XML, GIFT or QTI questions into a format-v1 pack that passes "
                     "'check', with images beside it.\nRe-importing into an existing OUT updates "
                     "the questions it already holds (matched by <origin>).\nExit status: 0 all "
                     "imported, 1 some skipped, 2 nothing could be read or usage error.");
    parser.addOption("from", &args.from, "FORMAT", "moodle, gift or qti (default: detect)");
    parser.addOption("output", &args.output, "OUT.xml", "the pack to write or update (also -o)");
    parser.addOption("pack-id", &args.packId, "ID",
                     "pack id for a new pack (default from the file name)");
    parser.addOption("title", &args.title, "TITLE",
                     "pack title for a new pack (default: the file name)");
    parser.setPositionals(&args.inputs, "IN", 1,
                          "files to import (QTI: item files, folders, imsmanifest.xml)");
    if (const std::optional<int> exit =
            parser.parseOrExit(expandShortOutput(context.args), *context.out, *context.err))
        return *exit;
    const std::optional<core::import::SourceFormat> format =
        core::import::parseSourceFormat(args.from);
    std::string problem;
    if (args.output.empty())
        problem = "-o OUT.xml is required";
    else if (!format)
        problem = "--from must be moodle, gift or qti, not '" + args.from + "'";
    else if (!args.packId.empty() &&
             !std::regex_match(args.packId, std::regex("[a-z0-9][a-z0-9._-]{2,63}")))
        problem = "--pack-id must match [a-z0-9][a-z0-9._-]{2,63}";
    if (!problem.empty())
    {
        *context.err << parser.formatError(problem);
        return kExitUsage;
    }
    args.format = *format;
    return -1;
}

/// The pack already at `output`, if any. Returns false when a file is there that does not
/// load as a pack: it is never overwritten.
bool loadExisting(const std::string& output, std::optional<core::Pack>& existing, std::ostream& err)
{
    std::error_code error;
    if (!fs::exists(output, error))
        return true;
    core::LoadResult loaded = core::PackLoader().loadFile(output);
    if (!loaded.pack || loaded.diagnostics.hasErrors())
    {
        printDiagnostics(err, loaded.diagnostics);
        err << "heparin-quiz import: '" << output
            << "' exists but is not a pack that loads; it was left untouched\n";
        return false;
    }
    existing = std::move(loaded.pack);
    return true;
}

} // namespace

int runImport(const CommandContext& context)
{
    ImportArgs args;
    const int parsed = parseArgs(context, args);
    if (parsed >= 0)
        return parsed;

    std::vector<core::import::ReadResult> results;
    std::size_t readable = 0;
    std::size_t skipped = 0;
    for (const std::string& input : args.inputs)
    {
        results.push_back(core::import::readInput(input, args.format));
        printDiagnostics(*context.err, results.back().diagnostics);
        readable += results.back().readable ? 1U : 0U;
        skipped += results.back().skipped;
    }
    if (readable == 0)
    {
        *context.err << "heparin-quiz import: nothing could be read\n";
        return kExitUsage;
    }
    std::optional<core::Pack> existing;
    if (!loadExisting(args.output, existing, *context.err))
        return kExitUsage;

    core::import::AssembleOptions options;
    options.packId = args.packId;
    options.title = args.title;
    options.today = context.today;
    const core::import::AssembleResult assembled =
        core::import::assemblePack(results, existing, options);
    printDiagnostics(*context.err, assembled.diagnostics);
    if (assembled.pack.questions.empty())
    {
        *context.err << "heparin-quiz import: no question could be imported; nothing written\n";
        return kExitUsage;
    }
    if (!writeImages(assembled.images, folderOf(args.output), *context.err))
        return kExitUsage;
    const std::string failure =
        core::writeFileAtomically(args.output, core::writePack(assembled.pack));
    if (!failure.empty())
    {
        *context.err << "heparin-quiz import: " << failure << '\n';
        return kExitUsage;
    }

    // The promise is a pack that passes 'check': run the real checker on what was written.
    core::CheckOptions checkOptions;
    checkOptions.today = context.today;
    const core::CheckedPack checked = core::loadAndCheck(args.output, checkOptions);
    printDiagnostics(*context.err, checked.diagnostics);
    skipped += assembled.skipped;
    *context.out << "imported " << assembled.added + assembled.updated << " question(s) into "
                 << args.output << " (" << assembled.added << " new, " << assembled.updated
                 << " updated, " << skipped << " skipped, " << assembled.images.size()
                 << " image(s))\n";
    if (checked.diagnostics.hasErrors())
    {
        *context.err << "heparin-quiz import: the written pack does not pass 'check'\n";
        return kExitFailure;
    }
    return skipped == 0 && readable == args.inputs.size() ? kExitOk : kExitFailure;
}

} // namespace quiz::app

#include "ArgParser.hpp"
#include "Commands.hpp"
#include "core/AtomicFile.hpp"
#include "core/PackChecker.hpp"
#include "core/PackLoader.hpp"
#include "core/PackWriter.hpp"
#include "core/import/Importer.hpp"
#include "core/import/PackAssembler.hpp"

#include <filesystem>
#include <ostream>
#include <regex>

namespace quiz::cli
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

} // namespace

int runImport(const CommandContext& context)
{
    std::string from;
    std::string output;
    std::string packId;
    std::string title;
    std::vector<std::string> inputs;
    ArgParser parser("heparin-quiz import",
                     "Imports Moodle XML, GIFT or QTI questions into a format-v1 pack that passes "
                     "'check', with images beside it.\nRe-importing into an existing OUT updates "
                     "the questions it already holds (matched by <origin>).\nExit status: 0 all "
                     "imported, 1 some skipped, 2 nothing could be read or usage error.");
    parser.addOption("from", &from, "FORMAT", "moodle, gift or qti (default: detect)");
    parser.addOption("output", &output, "OUT.xml", "the pack to write or update (also -o)");
    parser.addOption("pack-id", &packId, "ID",
                     "pack id for a new pack (default from the file name)");
    parser.addOption("title", &title, "TITLE",
                     "pack title for a new pack (default: the file name)");
    parser.setPositionals(&inputs, "IN", 1,
                          "files to import (QTI: item files, folders, imsmanifest.xml)");
    const ParseResult parsed = parser.parse(expandShortOutput(context.args));
    if (parsed.status == ParseResult::Status::Help)
    {
        *context.out << parser.usage();
        return kExitOk;
    }
    const std::optional<core::import::SourceFormat> format = core::import::parseSourceFormat(from);
    std::string problem = parsed.message;
    if (parsed.isOk() && output.empty())
        problem = "-o OUT.xml is required";
    else if (parsed.isOk() && !format)
        problem = "--from must be moodle, gift or qti, not '" + from + "'";
    else if (parsed.isOk() && !packId.empty() &&
             !std::regex_match(packId, std::regex("[a-z0-9][a-z0-9._-]{2,63}")))
        problem = "--pack-id must match [a-z0-9][a-z0-9._-]{2,63}";
    if (!problem.empty())
    {
        *context.err << parser.formatError(problem);
        return kExitUsage;
    }

    std::vector<core::import::ReadResult> results;
    std::size_t readable = 0;
    std::size_t readerSkipped = 0;
    for (const std::string& input : inputs)
    {
        results.push_back(core::import::readInput(input, *format));
        printDiagnostics(*context.err, results.back().diagnostics);
        readable += results.back().readable ? 1U : 0U;
        readerSkipped += results.back().skipped;
    }
    if (readable == 0)
    {
        *context.err << "heparin-quiz import: nothing could be read\n";
        return kExitUsage;
    }

    std::optional<core::Pack> existing;
    std::error_code error;
    if (fs::exists(output, error))
    {
        core::LoadResult loaded = core::PackLoader().loadFile(output);
        if (!loaded.pack || loaded.diagnostics.hasErrors())
        {
            printDiagnostics(*context.err, loaded.diagnostics);
            *context.err << "heparin-quiz import: '" << output
                         << "' exists but is not a pack that loads; it was left untouched\n";
            return kExitUsage;
        }
        existing = std::move(loaded.pack);
    }

    core::import::AssembleOptions options;
    options.packId = packId;
    options.title = title;
    options.today = context.today;
    core::import::AssembleResult assembled = core::import::assemblePack(results, existing, options);
    printDiagnostics(*context.err, assembled.diagnostics);
    if (assembled.pack.questions.empty())
    {
        *context.err << "heparin-quiz import: no question could be imported; nothing written\n";
        return kExitUsage;
    }
    const std::string base = folderOf(output);
    if (!writeImages(assembled.images, base, *context.err))
        return kExitUsage;
    const std::string failure = core::writeFileAtomically(output, core::writePack(assembled.pack));
    if (!failure.empty())
    {
        *context.err << "heparin-quiz import: " << failure << '\n';
        return kExitUsage;
    }

    core::CheckOptions checkOptions;
    checkOptions.today = context.today;
    const core::CheckedPack checked = core::loadAndCheck(output, checkOptions);
    printDiagnostics(*context.err, checked.diagnostics);
    const std::size_t skipped = readerSkipped + assembled.skipped;
    *context.out << "imported " << assembled.added + assembled.updated << " question(s) into "
                 << output << " (" << assembled.added << " new, " << assembled.updated
                 << " updated, " << skipped << " skipped, " << assembled.images.size()
                 << " image(s))\n";
    if (checked.diagnostics.hasErrors())
    {
        *context.err << "heparin-quiz import: the written pack does not pass 'check'\n";
        return kExitFailure;
    }
    const bool allRead = readable == inputs.size();
    return skipped == 0 && allRead ? kExitOk : kExitFailure;
}

} // namespace quiz::cli

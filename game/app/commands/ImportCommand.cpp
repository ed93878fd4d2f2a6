#include "Commands.hpp"
#include "core/import/Importer.hpp"
#include "core/import/PackAssembler.hpp"
#include "core/pack/PackChecker.hpp"
#include "core/pack/PackLoader.hpp"
#include "core/pack/PackWriter.hpp"
#include "core/util/AtomicFile.hpp"

#include <filesystem>
#include <map>
#include <ostream>
#include <vector>

namespace quiz::app
{

namespace
{

namespace fs = std::filesystem;

/// Prints findings in line order, each distinct one once: a finding repeated at other lines
/// (the same warning for 500 questions) is one line that counts the rest and names a few.
void printDiagnostics(std::ostream& err, core::DiagnosticList diagnostics)
{
    diagnostics.sortByLine();
    struct Group
    {
        const core::Diagnostic* first = nullptr;
        std::vector<int> moreLines;
    };
    std::vector<Group> groups;
    std::map<std::string, std::size_t> byText; // finding without its line -> group
    for (const core::Diagnostic& d : diagnostics.getAll())
    {
        core::Diagnostic lineless = d;
        lineless.line = 0;
        const auto found = byText.emplace(lineless.format(), groups.size());
        if (found.second)
            groups.push_back({&d, {}});
        else
            groups[found.first->second].moreLines.push_back(d.line);
    }
    constexpr std::size_t kLinesNamed = 5;
    for (const Group& group : groups)
    {
        err << group.first->format();
        const std::vector<int>& more = group.moreLines;
        if (!more.empty())
        {
            err << " (" << more.size() + 1 << " times";
            if (group.first->line > 0)
            {
                err << "; also at line";
                for (std::size_t i = 0; i < more.size() && i < kLinesNamed; ++i)
                    err << (i == 0 ? " " : ", ") << more[i];
                if (more.size() > kLinesNamed)
                    err << " and " << more.size() - kLinesNamed << " more";
            }
            err << ')';
        }
        err << '\n';
    }
    if (diagnostics.getDropped() > 0)
    {
        // The assembler's list gathers every input's findings and has no file of its own.
        const std::string& file = diagnostics.getFile();
        err << (file.empty() ? std::string("heparin-quiz import") : file) << ": ... and "
            << diagnostics.getDropped() << " more\n";
    }
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
        const std::string failure =
            core::writeFileAtomically(target.string(), image.bytes, core::FileAccess::Shared);
        if (!failure.empty())
        {
            err << "heparin-quiz import: " << failure << '\n';
            return false;
        }
    }
    return true;
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

int runImport(const ImportArgs& args, const CommandContext& context)
{
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
    // -o may name a folder that does not exist yet, with or without images to go in it.
    std::error_code folderError;
    fs::create_directories(folderOf(args.output), folderError);
    if (!writeImages(assembled.images, folderOf(args.output), *context.err))
        return kExitUsage;
    const std::string failure = core::writeFileAtomically(
        args.output, core::writePack(assembled.pack), core::FileAccess::Shared);
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

#include "ArgParser.hpp"
#include "Commands.hpp"
#include "Paths.hpp"
#include "core/pack/PackChecker.hpp"
#include "core/util/Json.hpp"

#include <ostream>

namespace quiz::app
{
namespace
{

void writeDiagnosticsJson(core::JsonWriter& json, const core::DiagnosticList& list)
{
    json.beginArray();
    for (const core::Diagnostic& d : list.getAll())
    {
        json.beginObject()
            .key("file")
            .value(d.file)
            .key("line")
            .value(d.line)
            .key("severity")
            .value(d.severity == core::Severity::Error ? "error" : "warning")
            .key("code")
            .value(d.code)
            .key("message")
            .value(d.message)
            .endObject();
    }
    json.endArray();
}

core::CheckOptions makeOptions(const CommandContext& context)
{
    core::CheckOptions options;
    options.today = context.today;
    return options;
}

std::vector<std::string> pathsOrDataDir(const std::vector<std::string>& paths,
                                        const CommandContext& context)
{
    if (!paths.empty())
        return paths;
    if (context.dataDir.empty())
        return {};
    return {context.dataDir};
}

} // namespace

int runCheck(const CommandContext& context)
{
    bool strict = false;
    bool json = false;
    std::vector<std::string> paths;
    ArgParser parser("heparin-quiz check",
                     "Checks question packs and prints every problem as PATH:LINE: error|warning: "
                     "MESSAGE [code].\nExit status: 0 no errors (warnings allowed unless "
                     "--strict), 1 errors found, 2 usage error.");
    parser.addFlag("strict", &strict, "treat warnings as errors");
    parser.addFlag("json", &json, "print a JSON report on standard output");
    parser.setPositionals(&paths, "PATH", 1, "pack files, or folders searched for *.xml");
    if (const auto exitCode = parser.parseOrExit(context.args, *context.out, *context.err))
        return *exitCode;

    const std::vector<core::CheckedPack> packs = core::loadAndCheckAll(paths, makeOptions(context));
    std::size_t errors = 0;
    std::size_t warnings = 0;
    core::JsonWriter report;
    report.beginObject().key("packs").beginArray();
    for (const core::CheckedPack& pack : packs)
    {
        errors += pack.diagnostics.getErrorCount();
        warnings += pack.diagnostics.getWarningCount();
        for (const core::Diagnostic& d : pack.diagnostics.getAll())
            *context.err << d.format() << '\n';
        if (pack.diagnostics.getDropped() > 0)
            *context.err << pack.path << ": ...and " << pack.diagnostics.getDropped() << " more\n";
        report.beginObject().key("path").value(pack.path).key("id");
        if (pack.pack)
            report.value(pack.pack->id);
        else
            report.null();
        report.key("errors").value(pack.diagnostics.getErrorCount());
        report.key("warnings").value(pack.diagnostics.getWarningCount());
        report.key("diagnostics");
        writeDiagnosticsJson(report, pack.diagnostics);
        report.endObject();
    }
    report.endArray().key("errors").value(errors).key("warnings").value(warnings).endObject();
    if (json)
        *context.out << report.str() << '\n';
    *context.err << "checked " << packs.size() << (packs.size() == 1 ? " pack: " : " packs: ")
                 << errors << (errors == 1 ? " error, " : " errors, ") << warnings
                 << (warnings == 1 ? " warning\n" : " warnings\n");
    if (packs.empty())
        return kExitFailure;
    return errors > 0 || (strict && warnings > 0) ? kExitFailure : kExitOk;
}

int runList(const CommandContext& context)
{
    bool json = false;
    std::vector<std::string> paths;
    ArgParser parser("heparin-quiz list",
                     "Lists packs with id, title, version, question count and topics.\nWith no "
                     "PATH it lists the shipped packs (or those in --data-dir).");
    parser.addFlag("json", &json, "print JSON instead of text");
    parser.setPositionals(&paths, "PATH", 0, "pack files, or folders searched for *.xml");
    if (const auto exitCode = parser.parseOrExit(context.args, *context.out, *context.err))
        return *exitCode;
    paths = pathsOrDataDir(paths, context);
    if (paths.empty())
    {
        *context.err << "heparin-quiz list: " << describeMissingDataDir(context.executableDir)
                     << ", or a PATH\n";
        return kExitFailure;
    }
    const std::vector<core::CheckedPack> packs = core::loadAndCheckAll(paths, makeOptions(context));
    bool failed = packs.empty();
    core::JsonWriter out;
    out.beginArray();
    for (const core::CheckedPack& checked : packs)
    {
        if (!checked.pack)
        {
            failed = true;
            *context.err << checked.path << ": skipped, " << checked.diagnostics.getErrorCount()
                         << " error(s); run 'heparin-quiz check " << checked.path << "'\n";
            continue;
        }
        const core::Pack& pack = *checked.pack;
        out.beginObject()
            .key("id")
            .value(pack.id)
            .key("title")
            .value(pack.title)
            .key("version")
            .value(pack.version)
            .key("path")
            .value(checked.path)
            .key("questions")
            .value(pack.countPlayableQuestions())
            .key("topics")
            .beginArray();
        for (const core::Topic& topic : pack.topics)
        {
            out.beginObject()
                .key("id")
                .value(topic.id)
                .key("title")
                .value(topic.title)
                .key("parent")
                .value(topic.parentId)
                .key("questions")
                .value(pack.countPlayableQuestions(topic.id))
                .endObject();
        }
        out.endArray().endObject();
        if (json)
            continue;
        *context.out << pack.id << "  " << pack.version << "  " << pack.countPlayableQuestions()
                     << " questions  " << pack.title << '\n';
        for (const core::Topic& topic : pack.topics)
            *context.out << std::string(static_cast<std::size_t>(topic.depth) * 2 + 4, ' ')
                         << topic.id << "  " << topic.title << " ("
                         << pack.countPlayableQuestions(topic.id) << ")\n";
    }
    out.endArray();
    if (json)
        *context.out << out.str() << '\n';
    return failed ? kExitFailure : kExitOk;
}

} // namespace quiz::app

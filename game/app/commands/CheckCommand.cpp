#include "Commands.hpp"
#include "Paths.hpp"
#include "core/pack/PackChecker.hpp"
#include "core/util/Json.hpp"

#include <nlohmann/json.hpp>
#include <ostream>

namespace quiz::app
{
namespace
{

using Json = nlohmann::ordered_json;

Json diagnosticsJson(const core::DiagnosticList& list)
{
    Json out = Json::array();
    for (const core::Diagnostic& d : list.getAll())
    {
        out.push_back({{"file", d.file},
                       {"line", d.line > 0 ? Json(d.line) : Json(nullptr)}, // null: the whole file
                       {"severity", d.severity == core::Severity::Error ? "error" : "warning"},
                       {"code", d.code},
                       {"message", d.message}});
    }
    return out;
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

Json packJson(const core::CheckedPack& checked)
{
    const core::Pack& pack = *checked.pack;
    Json topics = Json::array();
    for (const core::Topic& topic : pack.topics)
    {
        topics.push_back({{"id", topic.id},
                          {"title", topic.title},
                          {"parent", topic.parentId},
                          {"questions", pack.countPlayableQuestions(topic.id)}});
    }
    return {{"id", pack.id},
            {"title", pack.title},
            {"version", pack.version},
            {"path", checked.path},
            {"questions", pack.countPlayableQuestions()},
            {"topics", std::move(topics)}};
}

} // namespace

int runCheck(const CheckArgs& args, const CommandContext& context)
{
    const std::vector<core::CheckedPack> packs =
        core::loadAndCheckAll(args.paths, makeOptions(context));
    std::size_t errors = 0;
    std::size_t warnings = 0;
    Json reports = Json::array();
    for (const core::CheckedPack& pack : packs)
    {
        errors += pack.diagnostics.getErrorCount();
        warnings += pack.diagnostics.getWarningCount();
        for (const core::Diagnostic& d : pack.diagnostics.getAll())
            *context.err << d.format() << '\n';
        if (pack.diagnostics.getDropped() > 0)
            *context.err << pack.path << ": ...and " << pack.diagnostics.getDropped() << " more\n";
        reports.push_back({{"path", pack.path},
                           {"id", pack.pack ? Json(pack.pack->id) : Json()},
                           {"errors", pack.diagnostics.getErrorCount()},
                           {"warnings", pack.diagnostics.getWarningCount()},
                           {"diagnostics", diagnosticsJson(pack.diagnostics)}});
    }
    if (args.json)
        *context.out << core::toJsonText(
            {{"packs", std::move(reports)}, {"errors", errors}, {"warnings", warnings}});
    *context.err << "checked " << packs.size() << (packs.size() == 1 ? " pack: " : " packs: ")
                 << errors << (errors == 1 ? " error, " : " errors, ") << warnings
                 << (warnings == 1 ? " warning\n" : " warnings\n");
    if (packs.empty())
        return kExitFailure;
    return errors > 0 || (args.strict && warnings > 0) ? kExitFailure : kExitOk;
}

int runList(const ListArgs& args, const CommandContext& context)
{
    const std::vector<std::string> paths = pathsOrDataDir(args.paths, context);
    if (paths.empty())
    {
        *context.err << "heparin-quiz list: " << describeMissingDataDir(context.executableDir)
                     << ", or a PATH\n";
        return kExitFailure;
    }
    const std::vector<core::CheckedPack> packs = core::loadAndCheckAll(paths, makeOptions(context));
    bool failed = packs.empty();
    Json listed = Json::array();
    for (const core::CheckedPack& checked : packs)
    {
        if (!checked.pack)
        {
            failed = true;
            *context.err << checked.path << ": skipped, " << checked.diagnostics.getErrorCount()
                         << " error(s); run 'heparin-quiz check " << checked.path << "'\n";
            continue;
        }
        listed.push_back(packJson(checked));
        if (args.json)
            continue;
        const core::Pack& pack = *checked.pack;
        *context.out << pack.id << "  " << pack.version << "  " << pack.countPlayableQuestions()
                     << " questions  " << pack.title << '\n';
        for (const core::Topic& topic : pack.topics)
            *context.out << std::string(static_cast<std::size_t>(topic.depth) * 2 + 4, ' ')
                         << topic.id << "  " << topic.title << " ("
                         << pack.countPlayableQuestions(topic.id) << ")\n";
    }
    if (args.json)
        *context.out << core::toJsonText(listed);
    return failed ? kExitFailure : kExitOk;
}

} // namespace quiz::app

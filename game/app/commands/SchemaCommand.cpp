// `heparin-quiz schema [-o FILE]`: the XML schema of the pack format, written from the tables
// the loader checks packs against (questions/pack.xsd is this command's output).
#include "Commands.hpp"
#include "core/pack/PackXsd.hpp"
#include "core/util/AtomicFile.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <ostream>

namespace quiz::app
{

int runSchema(const CommandContext& context)
{
    CLI::App app("Writes the XML schema (XSD) of the pack format, for XML editors. "
                 "questions/pack.xsd is its output.\nExit status: 0 written, 2 usage or write "
                 "error.",
                 "heparin-quiz schema");
    std::string output;
    app.add_option("-o,--output", output, "write the schema to FILE instead of standard output")
        ->type_name("FILE");
    std::vector<std::string> args(context.args.rbegin(), context.args.rend());
    try
    {
        app.parse(args);
    }
    catch (const CLI::CallForHelp&)
    {
        *context.out << app.help();
        return kExitOk;
    }
    catch (const CLI::ParseError& error)
    {
        *context.err << "heparin-quiz schema: " << error.what()
                     << "\nTry 'heparin-quiz schema --help'.\n";
        return kExitUsage;
    }
    const std::string xsd = core::writePackXsd();
    if (output.empty())
    {
        *context.out << xsd;
        return kExitOk;
    }
    const std::string problem = core::writeFileAtomically(output, xsd);
    if (!problem.empty())
    {
        *context.err << "heparin-quiz schema: " << problem << "\n";
        return kExitUsage;
    }
    return kExitOk;
}

} // namespace quiz::app

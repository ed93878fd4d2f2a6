// `heparin-quiz schema [-o FILE]`: the XML schema of the pack format, written from the tables
// the loader checks packs against (questions/pack.xsd is this command's output).
#include "Commands.hpp"
#include "core/pack/PackXsd.hpp"
#include "core/util/AtomicFile.hpp"

#include <ostream>

namespace quiz::app
{

int runSchema(const SchemaArgs& args, const CommandContext& context)
{
    const std::string xsd = core::writePackXsd();
    if (args.output.empty())
    {
        *context.out << xsd;
        return kExitOk;
    }
    const std::string problem =
        core::writeFileAtomically(args.output, xsd, core::FileAccess::Shared);
    if (!problem.empty())
    {
        *context.err << "heparin-quiz schema: " << problem << "\n";
        return kExitUsage;
    }
    return kExitOk;
}

} // namespace quiz::app

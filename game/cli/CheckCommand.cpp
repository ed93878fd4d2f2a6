#include "Commands.hpp"

#include <ostream>

namespace quiz::cli
{

// Replaced by the real checker in the next commit; kept so the tree builds meanwhile.
int runCheck(const CommandContext& context)
{
    *context.err << "heparin-quiz check: not available in this build\n";
    return kExitFailure;
}

int runList(const CommandContext& context)
{
    *context.err << "heparin-quiz list: not available in this build\n";
    return kExitFailure;
}

} // namespace quiz::cli

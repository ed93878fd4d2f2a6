#pragma once

#include <string>
#include <vector>

namespace quiz::test
{

/// What a finished child process left behind.
struct ProcessResult
{
    int exitCode = -1; ///< -1 when it did not exit normally
    std::string out;
    std::string err;
};

/// Runs `program` with `args` (no shell), feeding `input` on standard input, and captures
/// both output streams. For tests that drive the real executables.
ProcessResult runProcess(const std::string& program, const std::vector<std::string>& args,
                         const std::string& input = {});

} // namespace quiz::test

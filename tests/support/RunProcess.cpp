#include "RunProcess.hpp"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace quiz::test
{
namespace
{

std::string slurp(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

ProcessResult runProcess(const std::string& program, const std::vector<std::string>& args,
                         const std::string& input)
{
    char outPath[] = "/tmp/quiz-test-out-XXXXXX";
    char errPath[] = "/tmp/quiz-test-err-XXXXXX";
    char inPath[] = "/tmp/quiz-test-in-XXXXXX";
    const int outFd = mkstemp(outPath);
    const int errFd = mkstemp(errPath);
    const int inFd = mkstemp(inPath);
    ProcessResult result;
    if (outFd < 0 || errFd < 0 || inFd < 0)
        return result;
    if (!input.empty() && ::write(inFd, input.data(), input.size()) < 0)
        return result;
    ::lseek(inFd, 0, SEEK_SET);

    const pid_t pid = ::fork();
    if (pid == 0)
    {
        ::dup2(inFd, 0);
        ::dup2(outFd, 1);
        ::dup2(errFd, 2);
        std::vector<char*> argv;
        argv.push_back(const_cast<char*>(program.c_str()));
        for (const std::string& arg : args)
            argv.push_back(const_cast<char*>(arg.c_str()));
        argv.push_back(nullptr);
        ::execv(program.c_str(), argv.data());
        ::_exit(127);
    }
    int status = 0;
    if (pid > 0)
        ::waitpid(pid, &status, 0);
    ::close(outFd);
    ::close(errFd);
    ::close(inFd);
    result.out = slurp(outPath);
    result.err = slurp(errPath);
    ::unlink(outPath);
    ::unlink(errPath);
    ::unlink(inPath);
    if (pid > 0 && WIFEXITED(status))
        result.exitCode = WEXITSTATUS(status);
    return result;
}

} // namespace quiz::test

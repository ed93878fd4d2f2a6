// Measures pack loading and checking. Prints `figure NAME VALUE UNIT` lines, side by side in
// one run, and a `budget` line for each budget:
//   - the shipped questions/ folder checks in under 20 ms as a whole process
//     (`heparin-quiz check --strict questions/`, median of several runs);
//   - a generated 10,000-question pack loads and checks (as a whole process) in less time than
//     `xmllint --noout --schema questions/pack.xsd` takes on the same file;
//   - and, in process, within 2.5x a bare TinyXML2 parse of its bytes.
//   pack_bench [SOURCE_DIR]   (defaults to the source tree this was built from)
// Exit status 1 when something could not be measured (a run failed, the pack did not check
// clean); a missed budget is printed, not an exit status, since CI machines are noisy.
#include "core/pack/PackChecker.hpp"
#include "core/pack/PackLoader.hpp"

#include <tinyxml2.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <functional>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace quiz::core;
using Clock = std::chrono::steady_clock;

namespace
{

std::string makePack(int questionCount)
{
    std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<pack formatVersion=\"1\" id=\"bench.pack\" version=\"1.0.0\" lang=\"en\">\n"
                      "  <title>Benchmark</title>\n  <author name=\"Bench\"/>\n"
                      "  <license spdx=\"CC0-1.0\"/>\n"
                      "  <dates created=\"2026-01-01\" reviewBy=\"2099-01-01\"/>\n"
                      "  <sources><source id=\"s1\" type=\"label\">Label.</source></sources>\n"
                      "  <topics><topic id=\"t\" title=\"Topic\"><topic id=\"t.a\" title=\"A\"/>"
                      "</topic></topics>\n  <questions>\n";
    // About 4 MB (under the 5 MiB cap, so the whole-process check reads it too).
    for (int i = 0; i < questionCount; ++i)
    {
        const std::string id = std::to_string(i);
        xml += "<question id=\"q" + id + "\" type=\"single\" topic=\"t.a\">\n<stem>Dose for " + id +
               " of <b>heparin</b>?</stem>\n<options>\n";
        for (int o = 0; o < 4; ++o)
        {
            const std::string oid(1, static_cast<char>('a' + o));
            xml += "<option id=\"" + oid + "\"" + (o == i % 4 ? " correct=\"true\"" : "") +
                   "><text>Dose " + oid + id + "</text><rationale>Why " + oid + id +
                   ".</rationale></option>\n";
        }
        xml += "</options>\n<ref source=\"s1\" locator=\"p. 2\"/>\n</question>\n";
    }
    xml += "  </questions>\n</pack>\n";
    return xml;
}

double elapsedMs(const std::function<void()>& work)
{
    const auto start = Clock::now();
    work();
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

void figure(const char* name, double value, const char* unit)
{
    std::printf("figure %s %.3f %s\n", name, value, unit);
}

void budget(const char* name, double value, double limit, const char* unit)
{
    std::printf("budget %s %.3f %s (limit %.3f): %s\n", name, value, unit, limit,
                value < limit ? "met" : "MISSED");
}

/// Runs `args` (argv[0] a path) with its output thrown away; returns the exit status.
int run(const std::vector<std::string>& args)
{
    const pid_t pid = fork();
    if (pid == 0)
    {
        const int devNull = open("/dev/null", O_WRONLY);
        dup2(devNull, 1);
        dup2(devNull, 2);
        std::vector<char*> argv;
        for (const std::string& arg : args)
            argv.push_back(const_cast<char*>(arg.c_str()));
        argv.push_back(nullptr);
        execvp(argv[0], argv.data());
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/// Median wall time in milliseconds of `runs` runs of a whole process; -1 when one failed.
double processMs(int runs, const std::vector<std::string>& args)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i)
    {
        int status = 0;
        times.push_back(elapsedMs([&] { status = run(args); }));
        if (status != 0)
        {
            std::fprintf(stderr, "'%s ...' exited %d\n", args[0].c_str(), status);
            return -1;
        }
    }
    return median(times);
}

/// In process: load+check of `xml` against a bare TinyXML2 parse, interleaved so a busy
/// machine slows both sides alike; the ratio is the median of the per-round ratios.
bool compareWithBareParse(const std::string& xml)
{
    PackLimits limits;
    limits.maxFileBytes = 64U * 1024U * 1024U;
    CheckOptions options;
    options.today = "2026-11-25";
    options.limits = limits;
    options.checkFigureFiles = false;
    std::size_t diagnostics = 0;
    const auto loadAndCheck = [&]
    {
        LoadResult result = PackLoader(limits).loadString(xml, "bench.xml");
        if (result.pack)
            PackChecker(options).check(*result.pack, result.diagnostics);
        diagnostics = result.diagnostics.getAll().size();
    };
    const auto bareParse = [&]
    {
        tinyxml2::XMLDocument document(true, tinyxml2::PRESERVE_WHITESPACE);
        document.Parse(xml.data(), xml.size());
    };
    loadAndCheck(); // warm up caches and the allocator
    bareParse();
    std::vector<double> oursTimes;
    std::vector<double> bareTimes;
    std::vector<double> ratios;
    for (int round = 0; round < 11; ++round)
    {
        oursTimes.push_back(elapsedMs(loadAndCheck));
        bareTimes.push_back(elapsedMs(bareParse));
        ratios.push_back(oursTimes.back() / bareTimes.back());
    }
    if (diagnostics != 0)
    {
        std::fprintf(stderr, "the generated pack should check clean, got %zu diagnostics\n",
                     diagnostics);
        return false;
    }
    figure("load_check_10k_questions", median(oursTimes), "ms");
    figure("tinyxml2_parse_10k_questions", median(bareTimes), "ms");
    figure("load_check_over_tinyxml2", median(ratios), "ratio");
    budget("load_check_over_tinyxml2", median(ratios), 2.5, "ratio");
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    const std::string sourceDir = argc > 1 ? argv[1] : QUIZ_SOURCE_DIR;
    const std::string exe = QUIZ_EXE;
    const std::string xml = makePack(10000);
    const std::string packPath = std::string(QUIZ_BINARY_DIR) + "/bench-10k-questions.xml";
    std::ofstream(packPath, std::ios::binary) << xml;
    figure("pack_bytes_10k", static_cast<double>(xml.size()) / 1024.0 / 1024.0, "MiB");
    if (!compareWithBareParse(xml))
        return 1;

    const double check10k = processMs(5, {exe, "check", "--strict", packPath});
    const double xmllint = processMs(
        5, {"xmllint", "--noout", "--schema", sourceDir + "/questions/pack.xsd", packPath});
    if (check10k < 0 || xmllint < 0)
        return 1;
    figure("check_process_10k_questions", check10k, "ms");
    figure("xmllint_schema_10k_questions", xmllint, "ms");
    figure("check_over_xmllint_10k", check10k / xmllint, "ratio");
    budget("check_over_xmllint_10k", check10k / xmllint, 1.0, "ratio");

    const double shipped = processMs(9, {exe, "check", "--strict", sourceDir + "/questions"});
    if (shipped < 0)
        return 1;
    figure("check_process_shipped_questions", shipped, "ms");
    budget("check_process_shipped_questions", shipped, 20.0, "ms");
    return 0;
}

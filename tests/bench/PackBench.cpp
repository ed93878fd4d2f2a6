// Measures pack loading and checking. Prints `figure NAME VALUE UNIT` lines, side by side in
// one run, and a `budget` line for each budget:
//   - the shipped questions/ folder checks in under 20 ms as a whole process
//     (`heparin-quiz check --strict questions/`, median of several runs), printed beside
//     the start of the same program (`heparin-quiz --version`);
//   - a generated 10,000-question pack loads and checks (as a whole process) in less time than
//     `xmllint --noout --schema questions/pack.xsd` takes on the same file;
//   - and, in process, within 2.5x a bare TinyXML2 parse of its bytes;
//   - every hostile pack of tests/support/HostilePacks (attribute, nesting, reference and
//     error floods, each under the size cap) loads and checks in under 1 s with a peak memory
//     under 100 MB, each measured in a process of its own; the slowest and largest are printed.
//   - a generated pack of 1,000 varied numeric questions loads and checks clean, and the
//     numeric proof (every draw of every formula) over the shipped questions/ takes under 1 s
//     in process;
//   pack_bench [SOURCE_DIR]   (defaults to the source tree this was built from)
// Exit status 1 when something could not be measured (a run failed, the pack did not check
// clean); a missed budget is printed, not an exit status, since CI machines are noisy.
#include "core/pack/Numeric.hpp"
#include "core/pack/NumericChecker.hpp"
#include "core/pack/PackChecker.hpp"
#include "core/pack/PackLoader.hpp"
#include "support/HostilePacks.hpp"

#include <tinyxml2.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <sys/resource.h>
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

/// 1,000 numeric questions of five shapes: one to four variables (ranges and lists, up to
/// 71 x 50 x 40 x 3 draws, so most are sampled), a fixed value, mistakes, placeholders.
std::string makeNumericPack(int questionCount)
{
    std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<pack formatVersion=\"1.1\" id=\"bench.numeric\" version=\"1.0.0\">\n"
                      "  <title>Numeric benchmark</title>\n  <author name=\"Bench\"/>\n"
                      "  <license spdx=\"CC0-1.0\"/>\n"
                      "  <dates created=\"2026-01-01\" reviewBy=\"2099-01-01\"/>\n"
                      "  <sources><source id=\"s1\" type=\"label\">Label.</source></sources>\n"
                      "  <topics><topic id=\"t\" title=\"Topic\"/></topics>\n  <questions>\n";
    for (int i = 0; i < questionCount; ++i)
    {
        const std::string id = std::to_string(i);
        const int shape = i % 5;
        const std::string dose = std::to_string(60 + i % 30);
        xml += "<question id=\"n" + id + "\" type=\"numeric\" topic=\"t\">\n";
        std::string answer;
        std::string mistakes;
        if (shape == 0)
        {
            xml += "<vary name=\"weight\" from=\"50\" to=\"120\" step=\"1\" unit=\"kg\"/>\n"
                   "<vary name=\"conc\" values=\"100 50 1000\"/>\n";
            answer = "weight*" + dose + "/conc";
            mistakes = "<mistake formula=\"weight*2.2*" + dose +
                       "/conc\">Pounds as kg "
                       "({=weight*2.2|0} lb).</mistake>\n<mistake formula=\"weight*" +
                       dose + "\">Units, not mL.</mistake>\n";
        }
        else if (shape == 1)
        {
            xml += "<vary name=\"weight\" from=\"40\" to=\"110\" step=\"1\"/>\n"
                   "<vary name=\"rate\" from=\"12\" to=\"21\" step=\"0.2\"/>\n"
                   "<vary name=\"bag\" from=\"100\" to=\"139\" step=\"1\"/>\n";
            answer = "weight*rate/bag";
            mistakes = "<mistake formula=\"weight*rate\">The dose, not the rate.</mistake>\n"
                       "<mistake formula=\"rate/bag*1000\">A fixed weight.</mistake>\n";
        }
        else if (shape == 2)
        {
            xml += "<vary name=\"aptt\" from=\"30\" to=\"130\" step=\"5\"/>\n"
                   "<vary name=\"rate\" from=\"10\" to=\"30\" step=\"1\"/>\n"
                   "<vary name=\"weight\" from=\"50\" to=\"100\" step=\"5\"/>\n"
                   "<vary name=\"conc\" values=\"50 100 200\"/>\n";
            answer = "max(rate + 2 - aptt/50, 1)*weight/conc";
            mistakes = "<mistake formula=\"(rate + 4)*weight/conc*3\">A double step.</mistake>\n";
        }
        else if (shape == 3)
        {
            xml += "<vary name=\"units\" values=\"2500 5000 7500 10000\"/>\n";
            answer = "units/1000";
            mistakes = "<mistake formula=\"units/100\">A tenfold slip.</mistake>\n";
        }
        xml += "<stem>Question " + id + ": how many mL?" +
               (shape == 0 ? " The patient weighs {weight} kg ({=weight*2.2|0} lb)." : "") +
               "</stem>\n";
        if (shape == 4)
            xml += "<answer value=\"" + dose +
                   ".5\" unit=\"mL\" round=\"1\"/>\n"
                   "<mistake value=\"" +
                   dose + "\">Rounded down.</mistake>\n";
        else
            xml += "<answer formula=\"" + answer + "\" unit=\"mL\" round=\"1\" tolerance=\"" +
                   (i % 2 == 0 ? "0.05" : "2%") + "\" min=\"0\" max=\"100000\"/>\n" + mistakes;
        xml += "<explanation>Worked: {=" + (shape == 4 ? std::string("1") : answer) +
               "} mL.</explanation>\n<ref source=\"s1\" locator=\"p. 2\"/>\n</question>\n";
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

/// Loads and checks hostile pack `index` in a child process; returns its wall time in ms (-1
/// when the child failed) and sets `peakMiB` to the child's peak resident memory, which holds
/// the pack's bytes as the game's would.
double measureHostile(std::size_t index, std::string& name, double& peakMiB)
{
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    std::fflush(stdout);
    const pid_t pid = fork();
    if (pid == 0)
    {
        close(fds[0]);
        const PackLimits limits;
        const quiz::testsupport::HostilePack hostile =
            quiz::testsupport::makeHostilePack(index, limits.maxFileBytes);
        CheckOptions options;
        options.today = "2026-11-25";
        options.checkFigureFiles = false;
        const double ms = elapsedMs(
            [&]
            {
                LoadResult result = PackLoader(limits).loadString(hostile.xml, "hostile.xml");
                if (result.pack)
                    PackChecker(options).check(*result.pack, result.diagnostics);
            });
        const std::string report = hostile.name + " " + std::to_string(ms);
        const bool written =
            write(fds[1], report.data(), report.size()) == static_cast<ssize_t>(report.size());
        _exit(written ? 0 : 1);
    }
    close(fds[1]);
    std::string report;
    char buffer[256];
    ssize_t got = 0;
    while ((got = read(fds[0], buffer, sizeof buffer)) > 0)
        report.append(buffer, static_cast<std::size_t>(got));
    close(fds[0]);
    int status = 0;
    rusage usage{};
    if (pid < 0 || wait4(pid, &status, 0, &usage) != pid || !WIFEXITED(status) ||
        WEXITSTATUS(status) != 0)
        return -1;
    const std::size_t space = report.find(' ');
    if (space == std::string::npos)
        return -1;
    name = report.substr(0, space);
    peakMiB = static_cast<double>(usage.ru_maxrss) / 1024.0; // ru_maxrss is in KiB on Linux
    return std::stod(report.substr(space + 1));
}

bool measureHostilePacks()
{
    double slowestMs = 0;
    double largestMiB = 0;
    for (std::size_t index = 0; index < quiz::testsupport::kHostilePackCount; ++index)
    {
        std::string name;
        double peakMiB = 0;
        const double ms = measureHostile(index, name, peakMiB);
        if (ms < 0)
        {
            std::fprintf(stderr, "hostile pack %zu could not be measured\n", index);
            return false;
        }
        std::printf("figure hostile_%s %.3f ms, peak %.1f MiB\n", name.c_str(), ms, peakMiB);
        slowestMs = std::max(slowestMs, ms);
        largestMiB = std::max(largestMiB, peakMiB);
    }
    budget("hostile_slowest_load_check", slowestMs, 1000.0, "ms");
    budget("hostile_largest_peak_memory", largestMiB, 100.0 * 1000 * 1000 / 1024 / 1024, "MiB");
    return true;
}

/// The 1,000 numeric questions, then the proof alone over the shipped packs (median of 5).
bool measureNumeric(const std::string& sourceDir)
{
    const std::string xml = makeNumericPack(1000);
    CheckOptions options;
    std::size_t errors = 0;
    std::vector<double> times;
    for (int round = 0; round < 3; ++round)
    {
        times.push_back(elapsedMs(
            [&]
            {
                LoadResult loaded = PackLoader().loadString(xml, "numeric.xml");
                if (!loaded.pack)
                {
                    errors = 1;
                    return;
                }
                PackChecker(options).check(*loaded.pack, loaded.diagnostics);
                errors = loaded.diagnostics.getErrorCount() + loaded.diagnostics.getWarningCount();
                if (errors > 0 && !loaded.diagnostics.getAll().empty())
                    std::fprintf(stderr, "%s\n", loaded.diagnostics.getAll()[0].format().c_str());
            }));
    }
    if (errors != 0)
    {
        std::fprintf(stderr, "the generated numeric pack did not check clean\n");
        return false;
    }
    figure("check_in_process_1k_numeric", median(times), "ms");
    LoadResult generated = PackLoader().loadString(xml, "numeric.xml");
    std::vector<double> generatedProof;
    for (int round = 0; round < 3; ++round)
    {
        generatedProof.push_back(elapsedMs(
            [&]
            {
                DiagnosticList out("numeric.xml");
                checkNumeric(*generated.pack, out);
            }));
    }
    figure("numeric_proof_1k_numeric", median(generatedProof), "ms");

    std::vector<Pack> packs;
    std::size_t numeric = 0;
    std::size_t draws = 0;
    for (const auto& entry : std::filesystem::directory_iterator(sourceDir + "/questions"))
    {
        if (entry.path().extension() != ".xml")
            continue;
        LoadResult loaded = PackLoader().loadFile(entry.path().string());
        if (!loaded.pack)
            continue;
        for (const Question& question : loaded.pack->questions)
        {
            if (question.type != QuestionType::Numeric)
                continue;
            ++numeric;
            std::vector<std::size_t> counts;
            if (const Case* c = loaded.pack->findCase(question.caseId))
            {
                for (const Variable& variable : c->variables)
                    counts.push_back(variableCount(variable));
            }
            for (const Variable& variable : question.variables)
                counts.push_back(variableCount(variable));
            draws += proofCombinations(counts, 2000).size();
        }
        packs.push_back(std::move(*loaded.pack));
    }
    std::vector<double> proofTimes;
    for (int round = 0; round < 5; ++round)
    {
        proofTimes.push_back(elapsedMs(
            [&]
            {
                for (const Pack& pack : packs)
                {
                    DiagnosticList out(pack.path);
                    checkNumeric(pack, out);
                }
            }));
    }
    figure("numeric_questions_shipped", static_cast<double>(numeric), "questions");
    figure("numeric_draws_shipped", static_cast<double>(draws), "draws");
    figure("numeric_proof_shipped", median(proofTimes), "ms");
    budget("numeric_proof_shipped", median(proofTimes), 1000.0, "ms");
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    const std::string sourceDir = argc > 1 ? argv[1] : QUIZ_SOURCE_DIR;
    const std::string exe = QUIZ_EXE;
    // First, while this process is small, so each child's peak memory is the pack's own.
    if (!measureHostilePacks())
        return 1;
    if (!measureNumeric(sourceDir))
        return 1;
    const std::string xml = makePack(10000);
    const std::string packPath = std::string(QUIZ_BINARY_DIR) + "/bench-10k-questions.xml";
    std::ofstream(packPath, std::ios::binary) << xml;
    figure("pack_bytes_10k", static_cast<double>(xml.size()) / 1024.0 / 1024.0, "MiB");
    if (!compareWithBareParse(xml))
        return 1;

    // The two tools take turns, so a busy machine slows both alike; the ratio is the median
    // of the per-turn ratios.
    std::vector<double> checkTimes;
    std::vector<double> xmllintTimes;
    std::vector<double> ratios;
    for (int turn = 0; turn < 7; ++turn)
    {
        const double check10k = processMs(1, {exe, "check", "--strict", packPath});
        const double xmllint = processMs(
            1, {"xmllint", "--noout", "--schema", sourceDir + "/questions/pack.xsd", packPath});
        if (check10k < 0 || xmllint < 0)
            return 1;
        checkTimes.push_back(check10k);
        xmllintTimes.push_back(xmllint);
        ratios.push_back(check10k / xmllint);
    }
    figure("check_process_10k_questions", median(checkTimes), "ms");
    figure("xmllint_schema_10k_questions", median(xmllintTimes), "ms");
    figure("check_over_xmllint_10k", median(ratios), "ratio");
    budget("check_over_xmllint_10k", median(ratios), 1.0, "ratio");

    const double shipped = processMs(9, {exe, "check", "--strict", sourceDir + "/questions"});
    // What any command of the program costs before it reads a pack: starting the process and
    // loading the libraries it links (TinyXML2, SQLite, ICU, muparser, nettle, SFML network).
    const double started = processMs(9, {exe, "--version"});
    if (shipped < 0 || started < 0)
        return 1;
    figure("process_start_version", started, "ms");
    figure("check_process_shipped_questions", shipped, "ms");
    figure("check_shipped_beyond_start", shipped - started, "ms");
    budget("check_process_shipped_questions", shipped, 20.0, "ms");
    return 0;
}

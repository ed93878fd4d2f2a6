// Measures pack loading and checking. Prints `figure NAME VALUE UNIT` lines.
//   pack_bench [SOURCE_DIR]   (defaults to the source tree this was built from)
// Budgets (issue: foundation): load+check of a 10,000-question pack at most 1.5x a plain
// TinyXML2 parse of the same bytes; the whole shipped questions/ folder checks in under 50 ms.
#include "core/pack/PackChecker.hpp"
#include "core/pack/PackLoader.hpp"

#include <tinyxml2.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
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
    for (int i = 0; i < questionCount; ++i)
    {
        const std::string id = std::to_string(i);
        xml += "    <question id=\"q" + id +
               "\" type=\"single\" topic=\"t.a\" difficulty=\"2\">\n"
               "      <stem>Question " +
               id +
               ": which dose of <b>heparin</b> is right?</stem>\n"
               "      <options>\n";
        for (int o = 0; o < 4; ++o)
        {
            const std::string oid(1, static_cast<char>('a' + o));
            xml += "        <option id=\"" + oid + "\"" + (o == i % 4 ? " correct=\"true\"" : "") +
                   "><text>Option " + oid + " " + id + "</text><rationale>Reason " + oid + " for " +
                   id + ".</rationale></option>\n";
        }
        xml += "      </options>\n      <ref source=\"s1\" locator=\"p. 2\"/>\n    </question>\n";
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

/// Median wall time in milliseconds of `runs` calls.
double medianMs(int runs, const std::function<void()>& work)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i)
        times.push_back(elapsedMs(work));
    return median(times);
}

void figure(const char* name, double value, const char* unit)
{
    std::printf("figure %s %.3f %s\n", name, value, unit);
}

} // namespace

int main(int argc, char** argv)
{
    const std::string sourceDir = argc > 1 ? argv[1] : QUIZ_SOURCE_DIR;
    const std::string xml = makePack(10000);
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
    const auto plainParse = [&]
    {
        tinyxml2::XMLDocument document(true, tinyxml2::PRESERVE_WHITESPACE);
        document.Parse(xml.data(), xml.size());
    };
    loadAndCheck(); // warm up caches and the allocator
    plainParse();
    // Interleaved, so a busy machine slows both sides alike; the ratio is the median of the
    // per-round ratios.
    std::vector<double> oursTimes;
    std::vector<double> baselineTimes;
    std::vector<double> ratios;
    for (int round = 0; round < 11; ++round)
    {
        oursTimes.push_back(elapsedMs(loadAndCheck));
        baselineTimes.push_back(elapsedMs(plainParse));
        ratios.push_back(oursTimes.back() / baselineTimes.back());
    }
    const double ours = median(oursTimes);
    const double baseline = median(baselineTimes);
    if (diagnostics != 0)
    {
        std::fprintf(stderr, "the generated pack should check clean, got %zu diagnostics\n",
                     diagnostics);
        return 1;
    }
    figure("pack_bytes_10k", static_cast<double>(xml.size()) / 1024.0 / 1024.0, "MiB");
    figure("load_check_10k_questions", ours, "ms");
    figure("tinyxml2_parse_10k_questions", baseline, "ms");
    figure("load_check_over_tinyxml2", median(ratios), "ratio");

    std::size_t packCount = 0;
    const double shipped =
        medianMs(9,
                 [&]
                 {
                     CheckOptions shippedOptions;
                     shippedOptions.today = "2026-11-25";
                     packCount = loadAndCheckAll({sourceDir + "/questions"}, shippedOptions).size();
                 });
    figure("check_shipped_questions", shipped, "ms");
    figure("shipped_pack_count", static_cast<double>(packCount), "packs");
    return 0;
}

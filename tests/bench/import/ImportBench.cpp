// Measures the importers on generated banks. Prints `figure NAME VALUE UNIT` lines.
//   import_bench
// No budget is set by the issue; the figures are kept to catch regressions: a 2,000-question
// Moodle export (every tenth question with an embedded image) should import in well under a
// second on the reference machine.
#include "core/import/Base64.hpp"
#include "core/import/GiftReader.hpp"
#include "core/import/MoodleReader.hpp"
#include "core/import/MoodleWriter.hpp"
#include "core/import/PackAssembler.hpp"
#include "core/pack/PackWriter.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>

using namespace quiz::core;
using namespace quiz::core::import;
using Clock = std::chrono::steady_clock;

namespace
{

constexpr int kQuestions = 2000;

std::string tinyPng()
{
    std::string png = "\x89PNG\r\n\x1a\n";
    png +=
        std::string("\x00\x00\x00\x0dIHDR\x00\x00\x00\x30\x00\x00\x00\x20\x08\x02\x00\x00\x00", 21);
    png += std::string(4000, 'x'); // body bytes are not decoded by the importer
    return png;
}

std::string makeMoodle()
{
    const std::string image = encodeBase64(tinyPng(), 76);
    std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n";
    for (int i = 0; i < kQuestions; ++i)
    {
        const std::string n = std::to_string(i);
        if (i % 100 == 0)
            xml += "<question type=\"category\"><category><text>$course$/top/Bench/Part " +
                   std::to_string(i / 100) + "</text></category></question>\n";
        xml += "<question type=\"multichoice\"><name><text>Q" + n +
               "</text></name>\n<questiontext format=\"html\"><text><![CDATA[<p dir=\"ltr\">"
               "Question " +
               n + ": which dose of <strong>heparin</strong> is right for 80&nbsp;kg?</p>";
        if (i % 10 == 0)
            xml += "<p><img src=\"@@PLUGINFILE@@/img" + n +
                   ".png\" alt=\"Chart\"></p>]]></text>"
                   "<file name=\"img" +
                   n + ".png\" path=\"/\" encoding=\"base64\">" + image + "</file>";
        else
            xml += "]]></text>";
        xml += "</questiontext>\n<generalfeedback format=\"html\"><text>Weight-based "
               "dosing.</text></generalfeedback><idnumber>bench-" +
               n + "</idnumber><single>true</single><shuffleanswers>1</shuffleanswers>\n";
        for (int a = 0; a < 4; ++a)
            xml += "<answer fraction=\"" + std::string(a == 0 ? "100" : "0") +
                   "\" format=\"html\"><text><![CDATA[<p>" + std::to_string(5000 + a * 1000) +
                   " units</p>]]></text><feedback format=\"html\"><text>Because " +
                   std::to_string(a) + ".</text></feedback></answer>\n";
        xml += "</question>\n";
    }
    return xml + "</quiz>\n";
}

std::string makeGift()
{
    std::string gift;
    for (int i = 0; i < kQuestions; ++i)
        gift += "::Q" + std::to_string(i) + "::Which dose of heparin is right for " +
                std::to_string(i) +
                " kg? {=5000 units#Right. ~6000 units#Too much. ~7000 "
                "units#Far too much. ~%50%4000 units#Low.}\n\n";
    return gift;
}

/// Best of `runs` wall-clock times in milliseconds.
double bestMs(int runs, const std::function<void()>& work)
{
    double best = 1e30;
    for (int i = 0; i < runs; ++i)
    {
        const Clock::time_point start = Clock::now();
        work();
        best =
            std::min(best, std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    return best;
}

} // namespace

int main()
{
    const std::string moodle = makeMoodle();
    const std::string gift = makeGift();
    ReadResult read;
    const double moodleMs = bestMs(5, [&] { read = readMoodleXml(moodle, "bench.xml"); });
    AssembleOptions options;
    options.today = "2026-11-25";
    AssembleResult assembled;
    std::string packXml;
    const double assembleMs = bestMs(5,
                                     [&]
                                     {
                                         assembled = assemblePack({read}, std::nullopt, options);
                                         packXml = writePack(assembled.pack);
                                     });
    ReadResult giftRead;
    const double giftMs = bestMs(5, [&] { giftRead = readGift(gift, "bench.gift"); });
    MoodleExport exported;
    const std::string png = tinyPng();
    const double exportMs =
        bestMs(5,
               [&]
               {
                   exported = writeMoodleXml(assembled.pack, [&](const std::string&)
                                             { return std::optional<std::string>(png); });
               });

    std::printf("figure import_moodle_bytes %zu B\n", moodle.size());
    std::printf("figure import_moodle_questions %zu count\n", read.questions.size());
    std::printf("figure import_moodle_read %.1f ms\n", moodleMs);
    std::printf("figure import_moodle_rate %.0f questions/s\n",
                static_cast<double>(read.questions.size()) / (moodleMs / 1000.0));
    std::printf("figure import_assemble_and_write %.1f ms\n", assembleMs);
    std::printf("figure import_gift_read %.1f ms\n", giftMs);
    std::printf("figure import_gift_questions %zu count\n", giftRead.questions.size());
    std::printf("figure export_moodle_write %.1f ms\n", exportMs);

    // 10,000 questions of one name: ids "dose-check", "dose-check-2" ... (quadratic once), then
    // the re-import of the full pack, matched by that name.
    std::string same;
    for (int i = 0; i < 10000; ++i)
        same += "::Dose check::Which dose of heparin suits patient " + std::to_string(i) +
                "? {=5000 units#Right. ~6000 units#Too much.}\n\n";
    const ReadResult sameRead = readGift(same, "same-name.gift");
    AssembleResult sameFirst;
    const double sameMs =
        bestMs(3, [&] { sameFirst = assemblePack({sameRead}, std::nullopt, options); });
    AssembleResult sameAgain;
    const double reimportMs =
        bestMs(3, [&] { sameAgain = assemblePack({sameRead}, sameFirst.pack, options); });
    std::printf("figure import_same_name_10000_assemble %.1f ms\n", sameMs);
    std::printf("figure import_same_name_10000_reimport %.1f ms (%zu updated)\n", reimportMs,
                sameAgain.updated);
    return read.questions.size() == kQuestions && giftRead.questions.size() == kQuestions ? 0 : 1;
}

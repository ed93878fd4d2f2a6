#include "ImportFixtures.hpp"
#include "core/import/GiftReader.hpp"
#include "core/import/Importer.hpp"
#include "core/import/MoodleReader.hpp"
#include "core/import/MoodleWriter.hpp"
#include "core/import/PackAssembler.hpp"
#include "core/pack/PackChecker.hpp"
#include "core/pack/PackLoader.hpp"
#include "core/pack/PackWriter.hpp"
#include "core/pack/ValueRules.hpp"
#include "core/session/Session.hpp"
#include "core/util/AtomicFile.hpp"

#include <catch2/catch.hpp>

#include <chrono>

using namespace quiz::core;
using namespace quiz::core::import;
using namespace importtest;
namespace fs = std::filesystem;

namespace
{

/// Imports `inputs` into `out` the way the command does and returns the checked result.
CheckedPack importInto(const std::vector<ReadResult>& inputs, const fs::path& out,
                       AssembleResult* assembledOut = nullptr)
{
    std::optional<Pack> existing;
    if (fs::exists(out))
        existing = PackLoader().loadFile(out.string()).pack;
    AssembleOptions options;
    options.today = "2026-11-25";
    AssembleResult assembled = assemblePack(inputs, existing, options);
    for (const AssembledImage& image : assembled.images)
    {
        fs::create_directories((out.parent_path() / image.relativePath).parent_path());
        REQUIRE(writeFileAtomically((out.parent_path() / image.relativePath).string(), image.bytes)
                    .empty());
    }
    REQUIRE(writeFileAtomically(out.string(), writePack(assembled.pack)).empty());
    if (assembledOut != nullptr)
        *assembledOut = assembled;
    CheckOptions check;
    check.today = "2026-11-25";
    return loadAndCheck(out.string(), check);
}

std::string errorsOf(const CheckedPack& checked)
{
    std::string out;
    for (const Diagnostic& d : checked.diagnostics.getAll())
    {
        if (d.severity == Severity::Error)
            out += d.format() + "\n";
    }
    return out;
}

} // namespace

TEST_CASE("Import: a Moodle export with categories, images and partial credit becomes a pack "
          "that checks clean",
          "[import][pipeline]")
{
    const fs::path dir = freshDir("moodle");
    const fs::path out = dir / "bank.xml";
    AssembleResult assembled;
    const CheckedPack checked = importInto(
        {readInput(dataPath("moodle/heparin-bank.xml"), SourceFormat::Auto)}, out, &assembled);
    INFO(errorsOf(checked));
    REQUIRE(checked.pack);
    CHECK_FALSE(checked.diagnostics.hasErrors());
    const Pack& pack = *checked.pack;
    CHECK(pack.questions.size() == 7);
    CHECK(pack.title == "heparin-bank");
    CHECK(pack.id == "imported.heparin-bank");
    CHECK(pack.reviewBy == "2027-11-25");
    CHECK(pack.findTopic("heparin.monitoring-labs") != nullptr);
    const Question* first = pack.findQuestion("mech-at-01");
    REQUIRE(first != nullptr);
    REQUIRE(first->figure);
    CHECK(fs::exists(dir / first->figure->src));
    CHECK(first->figure->src.find("images/") == 0);
    CHECK(first->refs.size() == 1);
    CHECK(first->origin->format == "moodle-xml");
    const Question* multi = pack.findQuestion("mon-bleed-02");
    REQUIRE(multi != nullptr);
    CHECK(multi->scoring == ScoringRule::Weighted);
    CHECK(findDiagnostic(assembled.diagnostics, kCodeGeneratedRationale, 210) != nullptr);
    for (const Question& q : pack.questions)
    {
        CHECK_FALSE(q.refs.empty());
        for (const Option& option : q.options)
            CHECK_FALSE(option.rationale.isEmpty());
    }
}

TEST_CASE("Import: re-importing into the pack updates questions instead of duplicating them and "
          "keeps rationales written since",
          "[import][pipeline]")
{
    const fs::path dir = freshDir("reimport");
    const fs::path out = dir / "bank.xml";
    const std::string input = dataPath("moodle/heparin-bank.xml");
    REQUIRE(importInto({readInput(input, SourceFormat::Moodle)}, out).pack);

    // An author replaces one placeholder rationale by hand.
    LoadResult loaded = PackLoader().loadFile(out.string());
    REQUIRE(loaded.pack);
    Pack edited = *loaded.pack;
    Question* platelets = nullptr;
    for (Question& q : edited.questions)
    {
        if (q.origin && q.origin->name == "Platelet count")
            platelets = &q;
    }
    REQUIRE(platelets != nullptr);
    platelets->options[0].rationale = RichText::fromPlain("HIT typically begins 5-10 days in.");
    const std::string plateletId = platelets->id;
    REQUIRE(writeFileAtomically(out.string(), writePack(edited)).empty());

    AssembleResult again;
    const CheckedPack checked = importInto({readInput(input, SourceFormat::Moodle)}, out, &again);
    INFO(errorsOf(checked));
    REQUIRE(checked.pack);
    CHECK(again.added == 0);
    CHECK(again.updated == 7);
    CHECK(checked.pack->questions.size() == 7);
    CHECK(checked.pack->sources.size() == 1);
    const Question* kept = checked.pack->findQuestion(plateletId);
    REQUIRE(kept != nullptr);
    CHECK(kept->options[0].rationale.toPlain() == "HIT typically begins 5-10 days in.");
    CHECK(kept->rev == 1);
}

TEST_CASE("Import: Moodle -> pack -> Moodle keeps every supported field", "[import][roundtrip]")
{
    const fs::path dir = freshDir("roundtrip");
    const fs::path out = dir / "bank.xml";
    const std::string input = dataPath("moodle/heparin-bank.xml");
    const ReadResult original = readInput(input, SourceFormat::Moodle);
    const CheckedPack checked = importInto({original}, out);
    REQUIRE(checked.pack);

    const MoodleExport exported =
        writeMoodleXml(*checked.pack, [&](const std::string& src)
                       { return std::optional<std::string>(readBytes((dir / src).string())); });
    const ReadResult again = readMoodleXml(exported.xml, "heparin-bank.xml");
    REQUIRE(again.readable);
    CHECK(again.skipped == 0);
    REQUIRE(again.questions.size() == original.questions.size());
    for (std::size_t i = 0; i < original.questions.size(); ++i)
    {
        const ImportedQuestion& a = original.questions[i];
        const ImportedQuestion& b = again.questions[i];
        INFO("question " << a.question.origin->name);
        CHECK(a.category == b.category);
        const Question& x = a.question;
        const Question& y = b.question;
        CHECK(x.type == y.type);
        CHECK(x.scoring == y.scoring);
        CHECK(x.stem == y.stem);
        CHECK(x.explanation == y.explanation);
        CHECK(x.hints == y.hints);
        CHECK(x.tags == y.tags);
        CHECK(x.points == y.points);
        CHECK(x.shuffle == y.shuffle);
        CHECK(x.numbering == y.numbering);
        CHECK(x.origin->name == y.origin->name);
        CHECK(x.origin->idnumber == y.origin->idnumber);
        REQUIRE(x.feedback.size() == y.feedback.size());
        for (std::size_t f = 0; f < x.feedback.size(); ++f)
        {
            CHECK(x.feedback[f].on == y.feedback[f].on);
            CHECK(x.feedback[f].text == y.feedback[f].text);
        }
        REQUIRE(x.options.size() == y.options.size());
        for (std::size_t o = 0; o < x.options.size(); ++o)
        {
            CHECK(x.options[o].text == y.options[o].text);
            CHECK(x.options[o].rationale == y.options[o].rationale);
            CHECK(x.options[o].correct == y.options[o].correct);
            CHECK(x.options[o].weight == Approx(y.options[o].weight).margin(1e-4));
        }
        REQUIRE(a.figure.has_value() == b.figure.has_value());
        if (a.figure)
        {
            CHECK(a.figure->bytes == b.figure->bytes);
            CHECK(a.figure->alt == b.figure->alt);
        }
    }
}

TEST_CASE("Import: the pack writer's output reads back to the same pack", "[import][writer]")
{
    const fs::path dir = freshDir("writer");
    const fs::path out = dir / "bank.xml";
    REQUIRE(importInto({readInput(dataPath("moodle/heparin-bank.xml"), SourceFormat::Moodle)}, out)
                .pack);
    const std::string first = readBytes(out.string());
    const LoadResult loaded = PackLoader().loadFile(out.string());
    REQUIRE(loaded.pack);
    CHECK(writePack(*loaded.pack) == first);
}

TEST_CASE("Import: format detection looks at the content, not only the name", "[import]")
{
    CHECK(detectFormat("a.xml", "<?xml version=\"1.0\"?>\n<!-- x -->\n<quiz>", false) ==
          SourceFormat::Moodle);
    CHECK(detectFormat("a.xml", "<assessmentItem xmlns=\"...\">", false) == SourceFormat::Qti);
    CHECK(detectFormat("a.xml", "<qti:qti-assessment-item>", false) == SourceFormat::Qti);
    CHECK(detectFormat("dir", "", true) == SourceFormat::Qti);
    CHECK(detectFormat("x/imsmanifest.xml", "", false) == SourceFormat::Qti);
    CHECK(detectFormat("bank.txt", "// comment\n::Q1:: 2+2 {=4 ~5}", false) == SourceFormat::Gift);
    // A byte order mark before XML is not GIFT text; QTI 1.2 goes to the QTI reader, which
    // says it is not supported.
    CHECK(detectFormat("pool.xml", "\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<questestinterop>",
                       false) == SourceFormat::Qti);
    CHECK(detectFormat("bank.xml", "\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<questions>", false) ==
          SourceFormat::Moodle);
    CHECK(detectFormat("bank.gift", "\xEF\xBB\xBF::Q1:: 2+2 {=4 ~5}", false) == SourceFormat::Gift);
    CHECK(addOneYear("2028-02-29") == "2029-02-28");
    CHECK(addOneYear("junk").empty());
    CHECK(isValidId("mech-at-01"));
    CHECK_FALSE(isValidId("has space"));
}

TEST_CASE("Import: a question removed from the source is kept and reported on re-import",
          "[import][pipeline]")
{
    const fs::path dir = freshDir("vanished");
    const fs::path out = dir / "bank.xml";
    const std::string two = "::A::First? {=yes#y ~no#n}\n\n::B::Second? {=yes#y ~no#n}\n";
    const std::string one = "::A::First? {=yes#y ~no#n}\n";
    REQUIRE(importInto({readGift(two, "bank.gift")}, out).pack);
    AssembleResult again;
    const CheckedPack checked = importInto({readGift(one, "bank.gift")}, out, &again);
    REQUIRE(checked.pack);
    CHECK(checked.pack->questions.size() == 2);
    CHECK(again.updated == 1);
    const Diagnostic* vanished = findDiagnostic(again.diagnostics, kCodeDropped, 0);
    REQUIRE(vanished != nullptr);
    CHECK(vanished->message.find("no longer in it") != std::string::npos);
}

TEST_CASE("Import: a question removed from a renamed export is reported too", "[import][pipeline]")
{
    const fs::path dir = freshDir("vanished-renamed");
    const fs::path out = dir / "bank.xml";
    const std::string two = "::A::First? {=yes#y ~no#n}\n\n::B::Second? {=yes#y ~no#n}\n";
    const std::string one = "::A::First? {=yes#y ~no#n}\n";
    REQUIRE(importInto({readGift(two, "bank-20261118.gift")}, out).pack);
    AssembleResult again;
    const CheckedPack checked = importInto({readGift(one, "bank-20261125.gift")}, out, &again);
    REQUIRE(checked.pack);
    CHECK(checked.pack->questions.size() == 2);
    CHECK(again.added == 0);
    CHECK(again.updated == 1);
    const Diagnostic* vanished = findDiagnostic(again.diagnostics, kCodeDropped, 0);
    REQUIRE(vanished != nullptr);
    CHECK(vanished->file == "bank-20261125.gift");
    CHECK(vanished->message.find("'b'") != std::string::npos);
}

TEST_CASE("Import: every shipped pack survives pack -> Moodle -> pack with its texts and keys",
          "[import][roundtrip]")
{
    const fs::path dir = freshDir("shipped");
    std::size_t packs = 0;
    for (const fs::directory_entry& entry :
         fs::directory_iterator(std::string(QUIZ_SOURCE_DIR) + "/questions"))
    {
        if (entry.path().extension() != ".xml")
            continue;
        ++packs;
        INFO(entry.path().string());
        CheckOptions options;
        options.today = "2026-11-25";
        const CheckedPack original = loadAndCheck(entry.path().string(), options);
        REQUIRE(original.pack);
        const std::string base = original.pack->baseDir;
        const MoodleExport exported =
            writeMoodleXml(*original.pack, [&](const std::string& src)
                           { return std::optional<std::string>(readBytes(base + "/" + src)); });
        const ReadResult read = readMoodleXml(exported.xml, entry.path().filename().string());
        CHECK(read.skipped == 0);
        const CheckedPack back = importInto({read}, dir / entry.path().filename());
        INFO(errorsOf(back));
        REQUIRE(back.pack);
        REQUIRE(back.pack->questions.size() == original.pack->questions.size());
        for (std::size_t i = 0; i < back.pack->questions.size(); ++i)
        {
            const Question& x = original.pack->questions[i];
            const Question& y = back.pack->questions[i];
            CHECK(x.id == y.id);
            CHECK(x.type == y.type);
            if (!x.caseId.empty())
            {
                // Moodle has no cases: a case's title and stem open the question's text.
                const std::string stem = x.stem.toPlain();
                const std::string backStem = y.stem.toPlain();
                CHECK(backStem.size() >= stem.size());
                CHECK(backStem.compare(backStem.size() - std::min(backStem.size(), stem.size()),
                                       std::string::npos, stem) == 0);
                if (const Case* c = original.pack->findCase(x.caseId))
                    CHECK(backStem.rfind(c->title, 0) == 0);
            }
            else
                CHECK(x.stem == y.stem);
            CHECK(x.explanation == y.explanation);
            CHECK(x.hints == y.hints);
            if (x.numeric)
            {
                // The rounding of {=EXPR|D}, critical mistakes and the range come back from
                // the comment export-moodle writes.
                REQUIRE(y.numeric);
                CHECK(x.numeric->formula == y.numeric->formula);
                CHECK(x.numeric->round == y.numeric->round);
                CHECK(x.numeric->min == y.numeric->min);
                CHECK(x.numeric->max == y.numeric->max);
                REQUIRE(x.mistakes.size() == y.mistakes.size());
                for (std::size_t m = 0; m < x.mistakes.size(); ++m)
                {
                    CHECK(x.mistakes[m].rationale == y.mistakes[m].rationale);
                    CHECK(x.mistakes[m].severity == y.mistakes[m].severity);
                }
            }
            CHECK(x.getCorrectOptionIds().size() == y.getCorrectOptionIds().size());
            REQUIRE(x.options.size() == y.options.size());
            for (std::size_t o = 0; o < x.options.size(); ++o)
            {
                CHECK(x.options[o].text == y.options[o].text);
                CHECK(x.options[o].rationale == y.options[o].rationale);
                CHECK(x.options[o].correct == y.options[o].correct);
            }
        }
    }
    CHECK(packs > 0);
}

TEST_CASE("Import: the imported Moodle bank plays a full round, every key scoring full marks",
          "[import][pipeline][play]")
{
    const fs::path dir = freshDir("moodle-play");
    const fs::path out = dir / "bank.xml";
    const CheckedPack checked =
        importInto({readInput(dataPath("moodle/heparin-bank.xml"), SourceFormat::Auto)}, out);
    REQUIRE(checked.pack);
    SessionConfig config;
    config.mode = Mode::Tutor;
    config.seed = 7;
    std::string error;
    std::optional<Session> session = Session::create({*checked.pack}, config, error);
    INFO(error);
    REQUIRE(session);
    REQUIRE(session->getQuestionCount() == checked.pack->questions.size());
    while (!session->isFinished())
    {
        const Question& question = session->getCurrent().question;
        const std::vector<std::string> key = question.getCorrectOptionIds();
        REQUIRE_FALSE(key.empty());
        if (question.type == QuestionType::Multiple)
        {
            for (const std::string& id : key)
                CHECK(session->pick(id));
            CHECK(session->submit());
        }
        else
        {
            CHECK(session->pick(key.front()));
        }
        CHECK(session->next());
    }
    const SessionSummary summary = session->summarize();
    CHECK(summary.questions == static_cast<int>(checked.pack->questions.size()));
    CHECK(summary.correct == summary.questions);
    CHECK(summary.percent == Approx(100.0));
}

TEST_CASE("Import: 10,000 questions of one name get distinct ids fast, and re-importing the full "
          "pack updates every one",
          "[import][pipeline][reimport]")
{
    // Measured on a loaded 2-core machine (load 7): 77 s when each new id walked "-2".."-n"
    // (7.8 s in the measurement), 0.5-0.7 s now; the re-import of the full pack was
    // refused and now takes 1.6-2.1 s. The bounds only catch a return to quadratic time.
    std::string gift;
    for (int i = 0; i < 10000; ++i)
        gift += "::Dose check::Which dose of heparin suits patient " + std::to_string(i) +
                "? {=5000 units#Right. ~6000 units#Too much.}\n\n";
    const ReadResult read = readGift(gift, "same-name.gift");
    REQUIRE(read.questions.size() == 10000);
    AssembleOptions options;
    options.today = "2026-11-25";
    const auto start = std::chrono::steady_clock::now();
    const AssembleResult first = assemblePack({read}, std::nullopt, options);
    const auto middle = std::chrono::steady_clock::now();
    const AssembleResult again = assemblePack({read}, first.pack, options);
    const auto end = std::chrono::steady_clock::now();
    REQUIRE(first.pack.questions.size() == 10000);
    CHECK(first.pack.questions[0].id == "dose-check");
    CHECK(first.pack.questions[1].id == "dose-check-2");
    CHECK(first.pack.questions.back().id == "dose-check-10000");
    // The pack is full, yet every question is one it holds: all updated, none refused.
    CHECK(again.added == 0);
    CHECK(again.updated == 10000);
    CHECK(again.skipped == 0);
    CHECK(again.pack.questions.size() == 10000);
    // The bound is for the optimised build; a sanitizer or debug build runs the same work many
    // times slower and gets a wider one that still catches a quadratic pass (77 s optimised).
#if defined(NDEBUG) && !defined(__SANITIZE_ADDRESS__)
    constexpr double kBoundSeconds = 5.0;
#else
    constexpr double kBoundSeconds = 40.0;
#endif
    CHECK(std::chrono::duration<double>(middle - start).count() < kBoundSeconds);
    CHECK(std::chrono::duration<double>(end - middle).count() < kBoundSeconds);
}

TEST_CASE("Import: empty Moodle categories stay as empty topics, and descriptions come across "
          "and survive a re-import",
          "[import][pipeline][topics]")
{
    const fs::path dir = freshDir("categories");
    const fs::path out = dir / "bank.xml";
    const CheckedPack checked =
        importInto({readInput(dataPath("moodle/categories.xml"), SourceFormat::Auto)}, out);
    INFO(errorsOf(checked));
    REQUIRE(checked.pack);
    const Pack& pack = *checked.pack;
    REQUIRE(pack.topics.size() == 4);
    CHECK(pack.topics[0].id == "heparin");
    CHECK(pack.topics[0].description == "Unfractionated heparin and LMWH for adult inpatients.");
    CHECK(pack.topics[1].id == "heparin.monitoring");
    CHECK(pack.topics[1].description == "aPTT and anti-Xa targets; platelet counts for HIT.");
    CHECK(pack.topics[2].id == "heparin.reversal");
    CHECK(pack.topics[2].description ==
          "Protamine dosing. Questions to follow after the pharmacy review.");
    CHECK(pack.topics[3].id == "heparin.hit-workup");
    CHECK(pack.topics[3].description.empty());
    CHECK(pack.countPlayableQuestions("heparin.reversal") == 0);
    const std::string xml = readBytes(out.string());
    const std::size_t reversal = xml.find("<topic id=\"heparin.reversal\" title=\"Reversal\">");
    REQUIRE(reversal != std::string::npos);
    CHECK(xml.find("<description>Protamine dosing.", reversal) < xml.find("</topic>", reversal));

    const CheckedPack again =
        importInto({readInput(dataPath("moodle/categories.xml"), SourceFormat::Auto)}, out);
    REQUIRE(again.pack);
    CHECK(again.pack->topics.size() == 4);
    CHECK(again.pack->questions.size() == 1);
    CHECK(writePack(*again.pack) == writePack(pack));

    // export-moodle writes the empty topics and the descriptions as categories of their own.
    const MoodleExport exported =
        writeMoodleXml(pack, [](const std::string&) { return std::optional<std::string>(); });
    const ReadResult back = readMoodleXml(exported.xml, "exported.xml");
    AssembleOptions options;
    options.today = "2026-11-25";
    const AssembleResult fresh = assemblePack({back}, std::nullopt, options);
    REQUIRE(fresh.pack.topics.size() == 4);
    const Topic* emptyTopic = fresh.pack.findTopic("heparin.reversal");
    REQUIRE(emptyTopic != nullptr);
    CHECK(emptyTopic->description == pack.topics[2].description);
    CHECK(fresh.pack.findTopic("heparin.hit-workup") != nullptr);
    CHECK(fresh.pack.findTopic("heparin")->description == pack.topics[0].description);
}

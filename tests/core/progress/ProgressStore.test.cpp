#include "core/progress/ProgressStore.hpp"

#include "TempDir.hpp"
#include "core/progress/ProgressDatabase.hpp"
#include "core/progress/ProgressSchema.hpp"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>

using namespace quiz::core;
using quiz::test::readBytes;
using quiz::test::TempDir;
namespace fs = std::filesystem;

namespace
{

constexpr TimestampMs kNow = 1764000000000; // 2025-11-24T16:00:00Z

StoredAnswer sampleAnswer(const std::string& questionId, TimestampMs at)
{
    StoredAnswer r;
    r.packId = "org.example.heparin";
    r.packVersion = "1.2";
    r.questionId = questionId;
    r.questionRev = 3;
    r.topicId = "monitoring";
    r.chosenOptionIds = {"b", "d"};
    r.correct = false;
    r.partial = true;
    r.points = 0.5;
    r.maxPoints = 2.0;
    r.critical = true;
    r.timeTakenMs = 12345;
    r.confidence = Confidence::Unsure;
    r.answeredAtMs = at;
    r.mode = "tutor";
    return r;
}

std::unique_ptr<ProgressStore> openStore(const std::string& path, TimestampMs now = kNow)
{
    Outcome<std::unique_ptr<ProgressStore>> store = ProgressStore::open(path, now);
    INFO(store.getMessage());
    REQUIRE(store.isOk());
    return std::move(store.getValue());
}

// Reads one pragma straight from the file, bypassing the store.
std::string readPragma(const std::string& path, const std::string& pragma)
{
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* statement = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, ("PRAGMA " + pragma).c_str(), -1, &statement, nullptr) ==
            SQLITE_OK);
    std::string value;
    if (sqlite3_step(statement) == SQLITE_ROW)
        value = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return value;
}

void writeFile(const std::string& path, const std::string& content)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << content;
}

std::vector<fs::path> filesMatching(const fs::path& folder, const std::string& fragment)
{
    std::vector<fs::path> found;
    for (const auto& entry : fs::directory_iterator(folder))
    {
        if (entry.path().filename().string().find(fragment) != std::string::npos)
            found.push_back(entry.path());
    }
    return found;
}

} // namespace

TEST_CASE("ProgressStore: an answer round-trips with every field", "[progress][store]")
{
    TempDir temp;
    const std::string path = temp.file("progress.sqlite");
    std::int64_t id = 0;
    {
        auto store = openStore(path);
        CHECK(store->getNotices().empty());
        Outcome<std::int64_t> recorded = store->recordAnswer(sampleAnswer("mon-02", kNow));
        REQUIRE(recorded.isOk());
        id = recorded.getValue();
        CHECK(id > 0);
    }
    auto store = openStore(path);
    Outcome<std::vector<StoredAnswer>> history = store->loadHistory();
    REQUIRE(history.isOk());
    REQUIRE(history.getValue().size() == 1);
    const StoredAnswer& r = history.getValue()[0];
    const StoredAnswer expected = sampleAnswer("mon-02", kNow);
    CHECK(r.id == id);
    CHECK(r.packId == expected.packId);
    CHECK(r.packVersion == expected.packVersion);
    CHECK(r.questionId == "mon-02");
    CHECK(r.questionRev == 3);
    CHECK(r.topicId == "monitoring");
    CHECK(r.chosenOptionIds == std::vector<std::string>{"b", "d"});
    CHECK_FALSE(r.correct);
    CHECK(r.partial);
    CHECK(r.points == Approx(0.5));
    CHECK(r.maxPoints == Approx(2.0));
    CHECK(r.critical);
    CHECK(r.timeTakenMs == 12345);
    CHECK(r.confidence == Confidence::Unsure);
    CHECK(r.answeredAtMs == kNow);
    CHECK(r.mode == "tutor");
    CHECK(store->countAnswers().getValue() == 1);
}

TEST_CASE("ProgressStore: a numeric answer keeps its typed value and matched mistake",
          "[progress][store][numeric]")
{
    TempDir temp;
    const std::string path = temp.file("progress.sqlite");
    {
        auto store = openStore(path);
        StoredAnswer typed = sampleAnswer("dc-101", kNow);
        typed.chosenOptionIds.clear();
        typed.typedValue = 123.25;
        typed.mistakeIndex = 1;
        REQUIRE(store->recordAnswer(typed).isOk());
        StoredAnswer none = sampleAnswer("dc-102", kNow + 1);
        none.chosenOptionIds.clear();
        REQUIRE(store->recordAnswer(none).isOk());
    }
    auto store = openStore(path);
    Outcome<std::vector<StoredAnswer>> history = store->loadHistory();
    REQUIRE(history.isOk());
    REQUIRE(history.getValue().size() == 2);
    const StoredAnswer& typed = history.getValue()[0];
    CHECK(typed.chosenOptionIds.empty());
    REQUIRE(typed.typedValue);
    CHECK(*typed.typedValue == 123.25);
    CHECK(typed.mistakeIndex == 1);
    CHECK_FALSE(history.getValue()[1].typedValue);
    CHECK(history.getValue()[1].mistakeIndex == -1);
}

TEST_CASE("ProgressStore: a new database is in WAL mode at the current schema version",
          "[progress][store]")
{
    TempDir temp;
    const std::string path = temp.file("progress.sqlite");
    {
        auto store = openStore(path);
        REQUIRE(store->recordAnswer(sampleAnswer("q1", kNow)).isOk());
        CHECK(store->checkIntegrity().getValue() == "ok");
    }
    CHECK(readPragma(path, "journal_mode") == "wal");
    CHECK(readPragma(path, "user_version") == std::to_string(kProgressSchemaVersion));
}

TEST_CASE("ProgressStore: history comes back oldest first", "[progress][store]")
{
    TempDir temp;
    auto store = openStore(temp.file("p.sqlite"));
    REQUIRE(store->recordAnswer(sampleAnswer("late", kNow + 5000)).isOk());
    REQUIRE(store->recordAnswer(sampleAnswer("early", kNow)).isOk());
    REQUIRE(store->recordAnswer(sampleAnswer("same-time-later-id", kNow + 5000)).isOk());
    const std::vector<StoredAnswer> history = store->loadHistory().getValue();
    REQUIRE(history.size() == 3);
    CHECK(history[0].questionId == "early");
    CHECK(history[1].questionId == "late");
    CHECK(history[2].questionId == "same-time-later-id");
}

TEST_CASE("ProgressStore: invalid answers are refused with a reason and not stored",
          "[progress][store]")
{
    TempDir temp;
    auto store = openStore(temp.file("p.sqlite"));
    StoredAnswer noPack = sampleAnswer("q", kNow);
    noPack.packId.clear();
    Outcome<std::int64_t> refused = store->recordAnswer(noPack);
    REQUIRE_FALSE(refused.isOk());
    CHECK(refused.getMessage() == "answer not recorded: the answer has no pack id");
    StoredAnswer spaced = sampleAnswer("q", kNow);
    spaced.chosenOptionIds = {"a b"};
    CHECK_FALSE(store->recordAnswer(spaced).isOk());
    StoredAnswer tooMany = sampleAnswer("q", kNow);
    tooMany.points = 3.0;
    CHECK_FALSE(store->recordAnswer(tooMany).isOk());
    // A batch is all or nothing.
    Status batch = store->recordAnswers({sampleAnswer("ok", kNow), noPack});
    CHECK_FALSE(batch.ok);
    CHECK(store->countAnswers().getValue() == 0);
    REQUIRE(store->recordAnswers({sampleAnswer("a", kNow), sampleAnswer("b", kNow)}).ok);
    CHECK(store->countAnswers().getValue() == 2);
}

TEST_CASE("ProgressStore: makeStoredAnswer copies what the game knows", "[progress][store]")
{
    Pack pack;
    pack.id = "p";
    pack.version = "2.0";
    Question question;
    question.id = "q7";
    question.rev = 4;
    question.topicId = "reversal";
    AnswerScore score;
    score.points = 1.0;
    score.maxPoints = 1.0;
    score.correct = true;
    const StoredAnswer r =
        makeStoredAnswer(pack, question, {"c"}, score, Confidence::Sure, 900, kNow, "exam");
    CHECK(r.packId == "p");
    CHECK(r.packVersion == "2.0");
    CHECK(r.questionId == "q7");
    CHECK(r.questionRev == 4);
    CHECK(r.topicId == "reversal");
    CHECK(r.correct);
    CHECK(r.confidence == Confidence::Sure);
    CHECK(r.timeTakenMs == 900);
    CHECK(r.mode == "exam");
    CHECK(validateStoredAnswer(r).empty());
}

TEST_CASE("ProgressStore: a version 1 database opens and upgrades keeping every answer",
          "[progress][store][migration]")
{
    TempDir temp;
    const std::string path = temp.file("progress.sqlite");
    fs::copy_file(QUIZ_TEST_DATA_DIR "/progress/progress-v1.sqlite", path);
    REQUIRE(readPragma(path, "user_version") == "1");

    auto store = openStore(path);
    REQUIRE(store->getNotices().size() == 1);
    CHECK(store->getNotices()[0].find("upgraded from format 1 to 2") != std::string::npos);
    const std::vector<StoredAnswer> history = store->loadHistory().getValue();
    REQUIRE(history.size() == 4);
    CHECK(history[0].questionId == "mech-01");
    CHECK(history[0].correct);
    CHECK(history[0].confidence == Confidence::Sure);
    CHECK(history[0].topicId.empty());
    CHECK(history[1].chosenOptionIds == std::vector<std::string>{"a", "c"});
    CHECK(history[1].partial); // derived from its points by the migration
    CHECK_FALSE(history[0].partial);
    CHECK(history[2].critical);
    CHECK(history[2].questionRev == 2);
    CHECK(history[3].chosenOptionIds.empty());
    CHECK(history[3].confidence == Confidence::None);
    CHECK(history[3].packVersion == "1.1");

    // New answers carry the v2 columns.
    REQUIRE(store->recordAnswer(sampleAnswer("new", kNow + 10 * kMsPerDay)).isOk());
    // Topics of old answers can be filled in from the pack.
    Pack pack;
    pack.id = "org.example.heparin";
    Question mech;
    mech.id = "mech-01";
    mech.topicId = "mechanism";
    pack.questions.push_back(mech);
    REQUIRE(store->fillMissingTopics(pack).ok);
    const std::vector<StoredAnswer> after = store->loadHistory().getValue();
    CHECK(after[0].topicId == "mechanism");
    CHECK(after[3].topicId == "mechanism");
    CHECK(after[1].topicId.empty());
    CHECK(after[4].topicId == "monitoring");
    // The statistics summaries were built from the upgraded answers.
    const Statistics statistics = store->computeStatistics(kNow + 10 * kMsPerDay).getValue();
    CHECK(statistics.answeredCount == 5);
    CHECK(statistics.correctCount == 1);
    CHECK(statistics.criticalCount == 2);
    CHECK(statistics.questionCount == 4);
    store.reset();
    CHECK(readPragma(path, "user_version") == "2");
    CHECK(readPragma(path, "integrity_check") == "ok");
    // Opening again is not another upgrade.
    CHECK(openStore(path)->getNotices().empty());
}

TEST_CASE("ProgressStore: a database from a newer version is refused and left untouched",
          "[progress][store][migration]")
{
    TempDir temp;
    const std::string path = temp.file("progress.sqlite");
    {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
        REQUIRE(sqlite3_exec(db,
                             "CREATE TABLE answers(x); CREATE TABLE future(y); "
                             "PRAGMA user_version = 7;",
                             nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(db);
    }
    const std::string before = readBytes(path);
    Outcome<std::unique_ptr<ProgressStore>> store = ProgressStore::open(path, kNow);
    REQUIRE_FALSE(store.isOk());
    CHECK(store.getMessage().find("newer version") != std::string::npos);
    CHECK(store.getMessage().find("progress format 7") != std::string::npos);
    CHECK(store.getMessage().find("left untouched") != std::string::npos);
    CHECK(readBytes(path) == before);
    CHECK(filesMatching(temp.getPath(), "corrupt").empty());
    CHECK_FALSE(fs::exists(path + "-wal"));
}

TEST_CASE("ProgressStore: a file that is not a database is moved aside, not dropped",
          "[progress][store][recovery]")
{
    TempDir temp;
    const std::string path = temp.file("progress.sqlite");
    const std::string garbage(5000, 'x');
    writeFile(path, garbage);
    const TimestampMs now = 1764083045000; // 2025-11-25T15:04:05Z
    auto store = openStore(path, now);
    REQUIRE(store->getNotices().size() == 1);
    const std::string notice = store->getNotices()[0];
    CHECK(notice.find("could not be read") != std::string::npos);
    CHECK(notice.find("progress.sqlite.corrupt-20251125-150405") != std::string::npos);
    CHECK(notice.find("fresh history") != std::string::npos);
    CHECK(readBytes(path + ".corrupt-20251125-150405") == garbage);
    CHECK(store->countAnswers().getValue() == 0);
    REQUIRE(store->recordAnswer(sampleAnswer("q", now)).isOk());

    // A second damaged file in the same second gets its own name.
    store.reset();
    fs::remove(path + "-wal");
    fs::remove(path + "-shm");
    writeFile(path, "still not a database, but different");
    auto again = openStore(path, now);
    CHECK(readBytes(path + ".corrupt-20251125-150405") == garbage);
    CHECK(readBytes(path + ".corrupt-20251125-150405-2") == "still not a database, but different");
}

TEST_CASE("ProgressStore: a database with damaged pages is moved aside with its log",
          "[progress][store][recovery]")
{
    TempDir temp;
    const std::string path = temp.file("progress.sqlite");
    {
        auto store = openStore(path);
        std::vector<StoredAnswer> many;
        for (int i = 0; i < 500; ++i)
            many.push_back(sampleAnswer("q" + std::to_string(i), kNow + i));
        REQUIRE(store->recordAnswers(many).ok);
    }
    REQUIRE_FALSE(fs::exists(path + "-wal")); // checkpointed and removed on close
    std::string bytes = readBytes(path);
    REQUIRE(bytes.size() > 4096 * 4);
    // Scribble over the b-tree headers of pages 2 to 4.
    for (std::size_t page = 1; page <= 3; ++page)
    {
        for (std::size_t i = 0; i < 64; ++i)
            bytes[page * 4096 + i] = static_cast<char>(0xA5);
    }
    writeFile(path, bytes);
    auto store = openStore(path);
    REQUIRE(store->getNotices().size() == 1);
    CHECK(store->getNotices()[0].find("could not be read") != std::string::npos);
    CHECK(filesMatching(temp.getPath(), ".corrupt-").size() == 1);
    CHECK(store->countAnswers().getValue() == 0);
}

TEST_CASE("ProgressStore: a folder in place of the file is moved aside", "[progress][store]")
{
    TempDir temp;
    const std::string path = temp.file("progress.sqlite");
    fs::create_directories(path + "/inside");
    auto store = openStore(path);
    CHECK(store->getNotices().size() == 1);
    CHECK(filesMatching(temp.getPath(), ".corrupt-").size() == 1);
    REQUIRE(store->recordAnswer(sampleAnswer("q", kNow)).isOk());
}

TEST_CASE("ProgressStore: a missing folder is reported, not created", "[progress][store]")
{
    TempDir temp;
    Outcome<std::unique_ptr<ProgressStore>> store =
        ProgressStore::open(temp.file("nowhere/progress.sqlite"), kNow);
    REQUIRE_FALSE(store.isOk());
    CHECK(store.getMessage().find("its folder does not exist") != std::string::npos);
    CHECK_FALSE(fs::exists(temp.file("nowhere")));
}

TEST_CASE("Progress: days and timestamps are formatted in UTC or a given offset",
          "[progress][time]")
{
    CHECK(formatDayNumber(0) == "1970-01-01");
    CHECK(formatDayNumber(-1) == "1969-12-31");
    CHECK(formatDayNumber(11016) == "2000-02-29");
    CHECK(formatTimestampUtc(kNow + 42) == "2025-11-24T16:00:00.042Z");
    CHECK(toDayNumber(kNow, 0) == 20416);
    CHECK(formatDayNumber(toDayNumber(kNow, 0)) == "2025-11-24");
    // 16:00 UTC is already the next day nine hours east, still the same day eight hours west.
    CHECK(formatDayNumber(toDayNumber(kNow, 9 * 60)) == "2025-11-25");
    CHECK(formatDayNumber(toDayNumber(kNow, -8 * 60)) == "2025-11-24");
    CHECK(toDayNumber(-1, 0) == -1);
    CHECK(parseConfidence("guess") == Confidence::Guess);
    CHECK(parseConfidence("") == Confidence::None);
    CHECK_FALSE(parseConfidence("maybe").has_value());
}

TEST_CASE("ProgressStore: damage found after a fast open is checked and moved aside next time",
          "[progress][store][recovery]")
{
    TempDir temp;
    const std::string path = temp.file("progress.sqlite");
    {
        auto store = openStore(path);
        std::vector<StoredAnswer> many;
        for (int i = 0; i < 500; ++i)
        {
            many.push_back(sampleAnswer("q" + std::to_string(i), kNow + i));
            many.back().mode = i == 0 ? "needle-mode-only-here" : "tutor";
        }
        REQUIRE(store->recordAnswers(many).ok);
    }
    // Damage the table page that holds the first answer (found by its unique mode text).
    std::string bytes = readBytes(path);
    const std::size_t at = bytes.find("needle-mode-only-here");
    REQUIRE(at != std::string::npos);
    const std::size_t page = at / 4096;
    REQUIRE(page > 0);
    for (std::size_t i = 0; i < 12; ++i)
        bytes[page * 4096 + i] = static_cast<char>(0xA5);
    writeFile(path, bytes);

    // A threshold of 0 makes this small file behave like a large one closed cleanly: the fast
    // open does not read every page, so it opens; the first full read meets the damage.
    {
        auto opened = ProgressStore::open(path, kNow, 0);
        REQUIRE(opened.isOk());
        CHECK(opened.getValue()->getNotices() == std::vector<std::string>{});
        Outcome<std::vector<StoredAnswer>> history = opened.getValue()->loadHistory();
        REQUIRE_FALSE(history.isOk());
        CHECK(history.getMessage().find("will be checked") != std::string::npos);
    }
    CHECK(fs::exists(path + ".needs-check"));
    auto reopened = ProgressStore::open(path, kNow, 0);
    REQUIRE(reopened.isOk());
    REQUIRE(reopened.getValue()->getNotices().size() == 1);
    CHECK(reopened.getValue()->getNotices()[0].find("could not be read") != std::string::npos);
    CHECK(filesMatching(temp.getPath(), ".corrupt-").size() == 1);
    CHECK_FALSE(fs::exists(path + ".needs-check"));
    CHECK(reopened.getValue()->countAnswers().getValue() == 0);
}

TEST_CASE("ProgressStore: a new file's schema is made in one transaction, so a failed last "
          "step leaves no half-made version behind",
          "[progress][store]")
{
    TempDir temp;
    SqlDatabase database;
    REQUIRE(database.open(temp.file("half.sqlite"), true) == SQLITE_OK);
    // A table the last step creates already exists, so that step fails after the first ran.
    REQUIRE(database.exec("CREATE TABLE profile_meta (x)") == SQLITE_OK);
    int code = SQLITE_OK;
    const Status status = migrateProgressSchema(database, 0, code);
    CHECK_FALSE(status.ok);
    CHECK(status.message.find("cannot upgrade the progress database to version 2") !=
          std::string::npos);
    // Neither version 1 nor its tables were kept: the file is as it was.
    CHECK(database.queryText("PRAGMA user_version", code) == "0");
    CHECK(database.queryText("SELECT count(*) FROM sqlite_master WHERE name = 'answers'", code) ==
          "0");
}

TEST_CASE("ProgressStore: a new history is put in place whole; one half-made by a crash is "
          "discarded",
          "[progress][store]")
{
    TempDir temp;
    const std::string path = temp.file("progress.sqlite");
    // A crash while the first history was being made leaves only the temporary file.
    writeFile(path + ".new", "half-made");
    writeFile(path + ".new-journal", "its journal");
    {
        auto store = openStore(path);
        CHECK(store->getNotices().empty());
        REQUIRE(store->recordAnswer(sampleAnswer("q", kNow)).isOk());
    }
    CHECK_FALSE(fs::exists(path + ".new"));
    CHECK_FALSE(fs::exists(path + ".new-journal"));
    CHECK(readPragma(path, "journal_mode") == "wal");
    // A crash after the link leaves the temporary name beside the history: it goes too.
    fs::create_hard_link(path, path + ".new");
    CHECK(openStore(path)->countAnswers().getValue() == 1);
    CHECK_FALSE(fs::exists(path + ".new"));
    CHECK(fs::exists(path));
}

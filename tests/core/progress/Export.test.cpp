#include "TempDir.hpp"
#include "core/progress/Profiles.hpp"
#include "core/progress/ProgressDatabase.hpp"
#include "core/progress/ProgressExport.hpp"
#include "core/progress/ProgressStore.hpp"
#include "support/RunProcess.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

using namespace quiz::core;
using quiz::test::readBytes;
using quiz::test::runProcess;
using quiz::test::TempDir;
namespace fs = std::filesystem;

namespace
{

const std::string kExe = QUIZ_EXE;
constexpr TimestampMs kAt = 1764000000000; // 2025-11-24T16:00:00Z

const std::string kHeader = "id,answered_at,answered_at_ms,pack_id,pack_version,question_id,"
                            "question_rev,topic_id,chosen,correct,partial,points,max_points,"
                            "critical,time_taken_ms,confidence,mode,typed,mistake\r\n";

StoredAnswer record(const std::string& question, const std::string& mode)
{
    StoredAnswer r;
    r.id = 7;
    r.packId = "org.example.heparin";
    r.packVersion = "1.2";
    r.questionId = question;
    r.questionRev = 2;
    r.topicId = "monitoring";
    r.chosenOptionIds = {"a", "c"};
    r.partial = true;
    r.points = 0.5;
    r.maxPoints = 1.0;
    r.critical = true;
    r.timeTakenMs = 4200;
    r.confidence = Confidence::Sure;
    r.answeredAtMs = kAt;
    r.mode = mode;
    return r;
}

// A profile folder with Ann (two answers) and Bob (never played).
void makeProfiles(const TempDir& temp)
{
    ProfileDirectory profiles(temp.getPath().string());
    Outcome<Profile> ann = profiles.createProfile("Ann");
    REQUIRE(ann.isOk());
    REQUIRE(profiles.createProfile("Bob").isOk());
    auto store = ProgressStore::open(ann.getValue().databasePath, kAt);
    REQUIRE(store.isOk());
    REQUIRE(store.getValue()->recordAnswer(record("q1", "tutor")).isOk());
    REQUIRE(store.getValue()->recordAnswer(record("q2", "exam, \"timed\"")).isOk());
}

} // namespace

TEST_CASE("Export: CSV fields are quoted only when they must be", "[progress][export]")
{
    CHECK(escapeCsvField("plain") == "plain");
    CHECK(escapeCsvField("") == "");
    CHECK(escapeCsvField("a,b") == "\"a,b\"");
    CHECK(escapeCsvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(escapeCsvField("two\nlines") == "\"two\nlines\"");
    CHECK(escapeCsvField("cr\rhere") == "\"cr\rhere\"");
    CHECK(escapeCsvField(" padded") == "\" padded\"");
    CHECK(escapeCsvField("a b") == "a b");
}

TEST_CASE("Export: CSV has a header and one escaped line per answer", "[progress][export]")
{
    const std::string csv = formatHistoryCsv({record("q1", "exam, \"timed\"")});
    CHECK(csv == kHeader + "7,2025-11-24T16:00:00.000Z,1764000000000,org.example.heparin,1.2,q1,"
                           "2,monitoring,a c,0,1,0.5,1,1,4200,sure,\"exam, \"\"timed\"\"\",,\r\n");
    CHECK(formatHistoryCsv({}) == kHeader);
    // A numeric answer: the typed number and the matched mistake in their own columns.
    StoredAnswer typed = record("dc-1", "tutor");
    typed.chosenOptionIds.clear();
    typed.typedValue = 12.5;
    typed.mistakeIndex = 0;
    CHECK(formatHistoryCsv({typed}).find(",4200,sure,tutor,12.5,0\r\n") != std::string::npos);
    const nlohmann::json json = nlohmann::json::parse(formatHistoryJson("ann", {typed}, kAt));
    CHECK(json["answers"][0]["typed"] == 12.5);
    CHECK(json["answers"][0]["mistake"] == 0);
}

TEST_CASE("Export: JSON keeps types and escapes text", "[progress][export]")
{
    StoredAnswer r = record("q1", "tutor");
    r.confidence = Confidence::None;
    r.chosenOptionIds.clear();
    const std::string text = formatHistoryJson("Zo\xc3\xab \"Z\"\n\xff", {r}, kAt + 1);
    CHECK(text.back() == '\n');
    const nlohmann::ordered_json json = nlohmann::ordered_json::parse(text);
    CHECK(json["format"] == "heparin-quiz-history");
    CHECK(json["version"] == 1);
    CHECK(json["player"] == "Zo\xc3\xab \"Z\"\n\xef\xbf\xbd"); // a stray byte becomes U+FFFD
    CHECK(json["exported_at"] == "2025-11-24T16:00:00.001Z");
    CHECK(json["answer_count"] == 1);
    REQUIRE(json["answers"].size() == 1);
    const nlohmann::ordered_json& answer = json["answers"][0];
    CHECK(answer["id"] == 7);
    CHECK(answer["answered_at"] == "2025-11-24T16:00:00.000Z");
    CHECK(answer["answered_at_ms"] == kAt);
    CHECK(answer["pack_id"] == "org.example.heparin");
    CHECK(answer["pack_version"] == "1.2");
    CHECK(answer["question_id"] == "q1");
    CHECK(answer["question_rev"] == 2);
    CHECK(answer["topic_id"] == "monitoring");
    CHECK(answer["chosen"].is_array());
    CHECK(answer["chosen"].empty());
    CHECK(answer["correct"] == false);
    CHECK(answer["partial"] == true);
    CHECK(answer["points"] == 0.5);
    CHECK(answer["max_points"] == 1.0);
    CHECK(answer["critical"] == true);
    CHECK(answer["time_taken_ms"] == 4200);
    CHECK(answer["confidence"].is_null());
    CHECK(answer["mode"] == "tutor");
    // The members are the CSV columns, in the same order.
    std::vector<std::string> keys;
    for (const auto& member : answer.items())
        keys.push_back(member.key());
    CHECK(keys == getHistoryColumns());
}

TEST_CASE("CLI export: CSV of a player's history on standard output", "[progress][export][cli]")
{
    TempDir temp;
    makeProfiles(temp);
    const auto result =
        runProcess(kExe, {"export", "--player", "ann", "--profile-dir", temp.getPath().string()});
    INFO(result.err);
    REQUIRE(result.exitCode == 0);
    CHECK(result.out.rfind(kHeader, 0) == 0);
    CHECK(result.out.find(",q1,2,monitoring,a c,0,1,0.5,1,1,4200,sure,tutor,,\r\n") !=
          std::string::npos);
    CHECK(result.out.find(",sure,\"exam, \"\"timed\"\"\",,\r\n") != std::string::npos);
    CHECK(result.err.empty());
}

TEST_CASE("CLI export: JSON written atomically to a file with -o", "[progress][export][cli]")
{
    TempDir temp;
    makeProfiles(temp);
    const std::string file = temp.file("ann.json");
    const auto result = runProcess(kExe, {"export", "--player=Ann", "--format", "json", "-o", file,
                                          "--profile-dir", temp.getPath().string()});
    INFO(result.err);
    REQUIRE(result.exitCode == 0);
    CHECK(result.out.empty());
    CHECK(result.err == "heparin-quiz export: wrote 2 answers of 'Ann' to " + file + "\n");
    const nlohmann::json json = nlohmann::json::parse(readBytes(file));
    CHECK(json["format"] == "heparin-quiz-history");
    CHECK(json["player"] == "Ann");
    CHECK(json["answer_count"] == 2);
    REQUIRE(json["answers"].size() == 2);
    CHECK(json["answers"][0]["question_id"] == "q1");
    CHECK(json["answers"][1]["mode"] == "exam, \"timed\"");
    CHECK(json["answers"][1]["confidence"] == "sure");
    // Only the output file was added to the folder: no temporary file left behind.
    int files = 0;
    for (const auto& entry : fs::directory_iterator(temp.getPath()))
        files += entry.is_regular_file() ? 1 : 0;
    CHECK(files == 1);
}

TEST_CASE("CLI export: a player who never played exports an empty history",
          "[progress][export][cli]")
{
    TempDir temp;
    makeProfiles(temp);
    const auto result =
        runProcess(kExe, {"export", "--player", "Bob", "--profile-dir", temp.getPath().string()});
    CHECK(result.exitCode == 0);
    CHECK(result.out == kHeader);
    ProfileDirectory profiles(temp.getPath().string());
    CHECK_FALSE(fs::exists(profiles.findProfile("Bob").getValue().databasePath));
}

TEST_CASE("CLI export: errors have clear messages and exit codes", "[progress][export][cli]")
{
    TempDir temp;
    makeProfiles(temp);
    const std::string dir = temp.getPath().string();

    const auto unknown = runProcess(kExe, {"export", "--player", "Carl", "--profile-dir", dir});
    CHECK(unknown.exitCode == 1);
    CHECK(unknown.err ==
          "heparin-quiz export: no player named 'Carl' in " + dir + " (players: 'Ann' 'Bob')\n");
    CHECK(unknown.out.empty());

    const auto noPlayer = runProcess(kExe, {"export", "--profile-dir", dir});
    CHECK(noPlayer.exitCode == 2);
    CHECK(noPlayer.err.find("--player is required") != std::string::npos);

    const auto badFormat =
        runProcess(kExe, {"export", "--player", "Ann", "--format", "xml", "--profile-dir", dir});
    CHECK(badFormat.exitCode == 2);
    CHECK(badFormat.err.find("--format must be csv or json, not 'xml'") != std::string::npos);

    const auto badPath = runProcess(kExe, {"export", "--player", "Ann", "-o",
                                           temp.file("missing/out.csv"), "--profile-dir", dir});
    CHECK(badPath.exitCode == 1);
    CHECK(badPath.err.find("missing/out.csv") != std::string::npos);

    const auto help = runProcess(kExe, {"export", "--help"});
    CHECK(help.exitCode == 0);
    CHECK(help.out.find("--profile-dir DIR") != std::string::npos);
}

TEST_CASE("CLI export: the default profile folder follows XDG_DATA_HOME", "[progress][export][cli]")
{
    TempDir temp;
    const fs::path root = temp.getPath() / "heparin-quiz";
    fs::create_directories(root);
    ProfileDirectory profiles(root.string());
    REQUIRE(profiles.createProfile("Dee").isOk());
    const auto result = runProcess("/usr/bin/env", {"XDG_DATA_HOME=" + temp.getPath().string(),
                                                    kExe, "export", "--player", "Dee"});
    INFO(result.err);
    CHECK(result.exitCode == 0);
    CHECK(result.out == kHeader);
}

TEST_CASE("CLI export: a damaged or newer database is reported, never dropped",
          "[progress][export][cli]")
{
    TempDir temp;
    ProfileDirectory profiles(temp.getPath().string());
    Outcome<Profile> eve = profiles.createProfile("Eve");
    REQUIRE(eve.isOk());
    const std::string database = eve.getValue().databasePath;
    const std::string dir = temp.getPath().string();
    {
        std::ofstream out(database, std::ios::binary);
        out << std::string(3000, 'z');
    }
    const auto damaged = runProcess(kExe, {"export", "--player", "Eve", "--profile-dir", dir});
    CHECK(damaged.exitCode == 0);
    CHECK(damaged.out == kHeader);
    CHECK(damaged.err.find("could not be read") != std::string::npos);
    CHECK(damaged.err.find("It was kept as " + database + ".corrupt-") != std::string::npos);

    for (const char* suffix : {"", "-wal", "-shm"})
        fs::remove(database + suffix);
    {
        auto store = ProgressStore::open(database, kAt);
        REQUIRE(store.isOk());
        REQUIRE(store.getValue()->getDatabase().exec("PRAGMA user_version = 3") == 0);
    }
    const std::string before = readBytes(database);
    const auto newer = runProcess(kExe, {"export", "--player", "Eve", "--profile-dir", dir});
    CHECK(newer.exitCode == 1);
    CHECK(newer.out.empty());
    CHECK(newer.err.find("newer version of Heparin Quiz (progress format 3") != std::string::npos);
    CHECK(readBytes(database) == before);
}

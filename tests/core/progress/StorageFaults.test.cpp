// Fault injection for the progress store: a real full disk (a small tmpfs), a read-only
// folder (the tmpfs remounted read-only), files made immutable (root ignores file modes), and
// damaged copies. Each case checks what is on disk afterwards, byte for byte, and what the
// player was told. Cases that cannot set their fault up (not root) exit as skipped.
#include "FaultMount.hpp"
#include "TempDir.hpp"
#include "core/progress/ProgressDatabase.hpp"
#include "core/progress/ProgressStore.hpp"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <sys/wait.h>
#include <unistd.h>

using namespace quiz::core;
using quiz::test::ImmutableFile;
using quiz::test::ScratchMount;
using quiz::test::snapshotFolder;
using quiz::test::TempDir;
namespace fs = std::filesystem;

namespace
{

constexpr TimestampMs kNow = 1764083045000; // 2025-11-25T15:04:05Z

StoredAnswer answer(int n)
{
    StoredAnswer r;
    r.packId = "org.example.heparin";
    r.packVersion = "1.0";
    r.questionId = "q" + std::to_string(n);
    r.topicId = "monitoring";
    r.chosenOptionIds = {"a"};
    r.correct = n % 2 == 0;
    r.points = r.correct ? 1.0 : 0.0;
    r.maxPoints = 1.0;
    r.answeredAtMs = kNow + n * 1000;
    r.mode = "tutor";
    return r;
}

/// Makes a closed, healthy history of `count` answers at `path`.
void makeHistory(const std::string& path, int count)
{
    Outcome<std::unique_ptr<ProgressStore>> store = ProgressStore::open(path, kNow);
    REQUIRE(store.isOk());
    for (int i = 0; i < count; ++i)
        REQUIRE(store.getValue()->recordAnswer(answer(i)).isOk());
}

std::int64_t countAfterReopen(const std::string& path)
{
    Outcome<std::unique_ptr<ProgressStore>> store = ProgressStore::open(path, kNow);
    INFO(store.getMessage());
    REQUIRE(store.isOk());
    CHECK(store.getValue()->getNotices().empty());
    CHECK(store.getValue()->checkIntegrity().getValue() == "ok");
    return store.getValue()->countAnswers().getValue();
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

/// Opening `path` fails, saying answers cannot be saved, the `cause`, and that the file was kept.
void expectRefusedAsItIs(const std::string& path, const std::string& cause)
{
    Outcome<std::unique_ptr<ProgressStore>> opened = ProgressStore::open(path, kNow);
    REQUIRE_FALSE(opened.isOk());
    INFO(opened.getMessage());
    CHECK(contains(opened.getMessage(),
                   "Answers cannot be saved: cannot open the progress file " + path + ": "));
    CHECK(contains(opened.getMessage(), cause));
    CHECK(contains(opened.getMessage(), "The file was left as it is."));
}

void exec(const std::string& path, const std::string& sql)
{
    SqlDatabase database;
    REQUIRE(database.open(path, false) == SQLITE_OK);
    REQUIRE(database.exec(sql) == SQLITE_OK);
}

} // namespace

TEST_CASE("ProgressStore faults: only damage counts as corruption, never a full disk, an I/O "
          "error, a read-only file or a missing permission",
          "[progress][faults]")
{
    CHECK(isCorruptionCode(SQLITE_CORRUPT));
    CHECK(isCorruptionCode(SQLITE_NOTADB));
    for (int code : {SQLITE_FULL, SQLITE_IOERR, SQLITE_CANTOPEN, SQLITE_READONLY, SQLITE_PERM,
                     SQLITE_BUSY, SQLITE_LOCKED, SQLITE_IOERR_SHMSIZE})
        CHECK_FALSE(isCorruptionCode(code));
    CHECK(describeStorageProblem(SQLITE_FULL, 0, "database or disk is full") ==
          "the disk is full (database or disk is full)");
    CHECK(contains(describeStorageProblem(SQLITE_CANTOPEN, EROFS, ""), "read-only file system"));
    CHECK(describeStorageProblem(SQLITE_CANTOPEN, EACCES, "") ==
          "the file or its folder is read-only to this user (Permission denied)");
    CHECK(describeStorageProblem(SQLITE_READONLY, 0, "") ==
          "the file or its folder is read-only to this user");
}

TEST_CASE("ProgressStore faults: a full disk at start leaves a healthy history exactly as it "
          "is and says answers cannot be saved",
          "[progress][faults][disk-full]")
{
    ScratchMount disk(512 * 1024);
    const std::string path = disk.file("progress.sqlite");
    makeHistory(path, 3);
    const auto before = snapshotFolder(disk.getPath());
    REQUIRE(before.count("progress.sqlite") == 1);
    REQUIRE(before.size() == 1); // closed cleanly: no -wal, no -shm

    disk.fill("filler");
    expectRefusedAsItIs(path, "the disk is full");
    fs::remove(disk.file("filler"));
    CHECK(snapshotFolder(disk.getPath()) == before);
    CHECK(countAfterReopen(path) == 3);
}

TEST_CASE("ProgressStore faults: a read-only profile folder at start leaves the history as it "
          "is and says why answers cannot be saved",
          "[progress][faults][read-only]")
{
    ScratchMount disk(512 * 1024);
    const std::string path = disk.file("progress.sqlite");
    makeHistory(path, 3);
    const auto before = snapshotFolder(disk.getPath());
    REQUIRE(disk.setReadOnly(true));
    expectRefusedAsItIs(path, "the profile folder is on a read-only file system");
    CHECK(snapshotFolder(disk.getPath()) == before);
    REQUIRE(disk.setReadOnly(false));
    CHECK(snapshotFolder(disk.getPath()) == before);
    CHECK(countAfterReopen(path) == 3);
}

TEST_CASE("ProgressStore faults: a read-only file in a writable folder is left as it is, with "
          "the reason",
          "[progress][faults][read-only]")
{
    TempDir temp;
    const std::string path = temp.file("progress.sqlite");
    makeHistory(path, 2);
    const auto before = snapshotFolder(temp.getPath());
    ImmutableFile locked(path);
    if (!locked.isSet())
        quiz::test::skipTest("the file system of " + temp.getPath().string() +
                             " has no immutable attribute (chattr +i)");
    expectRefusedAsItIs(path, "the file or its folder is read-only to this user");
    locked.clear();
    CHECK(snapshotFolder(temp.getPath()) == before);
    CHECK(countAfterReopen(path) == 2);
}

namespace
{

// Opens `path` in a child process running as the unprivileged user `nobody` (root ignores
// file modes) and returns what the open said ("opened" when it worked).
std::string openAsNobody(const std::string& path)
{
    int pipeEnds[2];
    REQUIRE(::pipe(pipeEnds) == 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0)
    {
        ::close(pipeEnds[0]);
        if (::setgid(65534) != 0 || ::setuid(65534) != 0)
            ::_exit(3);
        Outcome<std::unique_ptr<ProgressStore>> opened = ProgressStore::open(path, kNow);
        const std::string said = opened.isOk() ? "opened" : opened.getMessage();
        const bool written =
            ::write(pipeEnds[1], said.data(), said.size()) == static_cast<ssize_t>(said.size());
        ::_exit(written ? 0 : 4);
    }
    ::close(pipeEnds[1]);
    std::string said;
    char buffer[512];
    for (ssize_t n = 0; (n = ::read(pipeEnds[0], buffer, sizeof buffer)) > 0;)
        said.append(buffer, static_cast<std::size_t>(n));
    ::close(pipeEnds[0]);
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    return said;
}

} // namespace

TEST_CASE("ProgressStore faults: a player without permission to write the profile folder is "
          "told so and the file is left as it is",
          "[progress][faults][permission]")
{
    if (::geteuid() != 0)
        quiz::test::skipTest("switching to the unprivileged user 'nobody' needs root");
    TempDir temp;
    const std::string path = temp.file("progress.sqlite");
    makeHistory(path, 2);
    using fs::perms;
    fs::permissions(temp.getPath(), perms::owner_all | perms::group_read | perms::group_exec |
                                        perms::others_read | perms::others_exec);
    fs::permissions(path, perms::owner_read | perms::owner_write | perms::group_read |
                              perms::others_read);
    const auto before = snapshotFolder(temp.getPath());
    const std::string said = openAsNobody(path);
    INFO(said);
    CHECK(contains(said, "Answers cannot be saved: cannot open the progress file " + path));
    CHECK(contains(said, "the file or its folder is read-only to this user"));
    CHECK(contains(said, "The file was left as it is."));
    CHECK(snapshotFolder(temp.getPath()) == before);
    CHECK(countAfterReopen(path) == 2);
}

TEST_CASE("ProgressStore faults: a disk that fills up mid-round fails answers with the reason, "
          "and a start on the still-full disk moves nothing aside",
          "[progress][faults][disk-full]")
{
    ScratchMount disk(512 * 1024);
    const std::string path = disk.file("progress.sqlite");
    int saved = 0;
    std::string failure;
    {
        Outcome<std::unique_ptr<ProgressStore>> store = ProgressStore::open(path, kNow);
        REQUIRE(store.isOk());
        REQUIRE(store.getValue()->recordAnswer(answer(saved++)).isOk());
        disk.fill("filler");
        for (int i = 0; i < 500 && failure.empty(); ++i)
        {
            const Outcome<std::int64_t> recorded = store.getValue()->recordAnswer(answer(saved));
            if (recorded.isOk())
                ++saved;
            else
                failure = recorded.getMessage();
        }
    }
    INFO(failure);
    CHECK(contains(failure, "answer not recorded in " + path));
    CHECK(contains(failure, "the disk is full"));
    const auto afterRound = snapshotFolder(disk.getPath());
    {
        Outcome<std::unique_ptr<ProgressStore>> again = ProgressStore::open(path, kNow);
        if (again.isOk()) // the log of the round may still have room to be read
            CHECK(again.getValue()->getNotices().empty());
        else
            CHECK(contains(again.getMessage(), "the disk is full"));
    }
    CHECK(snapshotFolder(disk.getPath()).size() == afterRound.size());
    for (const auto& [name, bytes] : snapshotFolder(disk.getPath()))
        CHECK_FALSE(contains(name, "corrupt"));
    fs::remove(disk.file("filler"));
    CHECK(countAfterReopen(path) == saved);
}

TEST_CASE("ProgressStore faults: files made read-only mid-round fail answers with the reason "
          "and lose none recorded before",
          "[progress][faults][read-only]")
{
    TempDir temp;
    const std::string path = temp.file("progress.sqlite");
    auto store =
        std::make_unique<Outcome<std::unique_ptr<ProgressStore>>>(ProgressStore::open(path, kNow));
    REQUIRE(store->isOk());
    REQUIRE(store->getValue()->recordAnswer(answer(0)).isOk());
    std::string failure;
    {
        ImmutableFile database(path);
        ImmutableFile log(path + "-wal");
        if (!database.isSet() || !log.isSet())
            quiz::test::skipTest("the file system of " + temp.getPath().string() +
                                 " has no immutable attribute (chattr +i)");
        const Outcome<std::int64_t> refused = store->getValue()->recordAnswer(answer(1));
        REQUIRE_FALSE(refused.isOk());
        failure = refused.getMessage();
    }
    INFO(failure);
    CHECK(contains(failure, "answer not recorded in " + path));
    CHECK(contains(failure, "read-only"));
    CHECK_FALSE(fs::exists(path + ".needs-check"));
    REQUIRE(store->getValue()->recordAnswer(answer(2)).isOk()); // writable again: saving resumes
    store.reset();
    CHECK(countAfterReopen(path) == 2);
}

TEST_CASE("ProgressStore faults: a new player on a nearly full disk leaves no database file "
          "behind and is told why",
          "[progress][faults][disk-full]")
{
    ScratchMount disk(256 * 1024);
    disk.fill("filler", 8 * 1024);
    const auto before = snapshotFolder(disk.getPath());
    const std::string path = disk.file("progress.sqlite");
    Outcome<std::unique_ptr<ProgressStore>> opened = ProgressStore::open(path, kNow);
    REQUIRE_FALSE(opened.isOk());
    INFO(opened.getMessage());
    CHECK(contains(opened.getMessage(), "Answers cannot be saved"));
    CHECK(contains(opened.getMessage(), "the disk is full"));
    CHECK(snapshotFolder(disk.getPath()) == before); // no empty progress.sqlite, no leftovers
    fs::remove(disk.file("filler"));
    Outcome<std::unique_ptr<ProgressStore>> fresh = ProgressStore::open(path, kNow);
    REQUIRE(fresh.isOk());
    CHECK(fresh.getValue()->getNotices().empty());
}

TEST_CASE("ProgressStore faults: a history truncated to 0 bytes is reported as lost and kept "
          "aside, not taken for a new player",
          "[progress][faults][damage]")
{
    TempDir temp;
    const std::string path = temp.file("progress.sqlite");
    makeHistory(path, 3);
    fs::resize_file(path, 0);
    Outcome<std::unique_ptr<ProgressStore>> opened = ProgressStore::open(path, kNow);
    REQUIRE(opened.isOk());
    const std::vector<std::string>& notices = opened.getValue()->getNotices();
    REQUIRE(notices.size() == 1);
    CHECK(contains(notices[0], "0 bytes"));
    CHECK(contains(notices[0], "answers it held are lost"));
    CHECK(contains(notices[0], "progress.sqlite.corrupt-20251125-150405"));
    const auto files = snapshotFolder(temp.getPath());
    REQUIRE(files.count("progress.sqlite.corrupt-20251125-150405") == 1);
    CHECK(files.at("progress.sqlite.corrupt-20251125-150405").empty());
    CHECK(opened.getValue()->countAnswers().getValue() == 0);
}

TEST_CASE("ProgressStore faults: a missing derived table is rebuilt from the answers",
          "[progress][faults][damage]")
{
    const char* table = GENERATE("review_states", "topic_totals", "question_latest");
    TempDir temp;
    const std::string path = temp.file("progress.sqlite");
    makeHistory(path, 6);
    Statistics expected;
    std::vector<ReviewState> expectedStates;
    {
        auto store = std::move(ProgressStore::open(path, kNow).getValue());
        expected = store->computeStatistics(kNow + kMsPerDay).getValue();
        expectedStates = store->getReviewStates().getValue();
    }
    exec(path, std::string("DROP TABLE ") + table);
    Outcome<std::unique_ptr<ProgressStore>> opened = ProgressStore::open(path, kNow);
    INFO(opened.getMessage());
    REQUIRE(opened.isOk());
    ProgressStore& store = *opened.getValue();
    REQUIRE(store.getNotices().size() == 1);
    CHECK(contains(store.getNotices()[0], std::string("missing its ") + table));
    CHECK(contains(store.getNotices()[0], "rebuilt from the answers"));
    CHECK(store.countAnswers().getValue() == 6);
    CHECK(store.getReviewStates().getValue().size() == expectedStates.size());
    const Statistics statistics = store.computeStatistics(kNow + kMsPerDay).getValue();
    CHECK(statistics.answeredCount == expected.answeredCount);
    CHECK(statistics.correctCount == expected.correctCount);
    CHECK(statistics.questionCount == expected.questionCount);
    REQUIRE(store.recordAnswer(answer(7)).isOk());
    for (const auto& [name, bytes] : snapshotFolder(temp.getPath()))
        CHECK_FALSE(contains(name, "corrupt"));
}

TEST_CASE("ProgressStore faults: a database without its answers table is moved aside, byte for "
          "byte, with a message",
          "[progress][faults][damage]")
{
    TempDir temp;
    const std::string path = temp.file("progress.sqlite");
    makeHistory(path, 2);
    exec(path, "DROP TABLE answers");
    const std::string damaged = quiz::test::readBytes(path);
    Outcome<std::unique_ptr<ProgressStore>> opened = ProgressStore::open(path, kNow);
    REQUIRE(opened.isOk());
    REQUIRE(opened.getValue()->getNotices().size() == 1);
    CHECK(contains(opened.getValue()->getNotices()[0], "its answers table is missing"));
    CHECK(quiz::test::readBytes(path + ".corrupt-20251125-150405") == damaged);
    CHECK(opened.getValue()->countAnswers().getValue() == 0);
}

// Measures the progress store against its budgets and prints `figure NAME VALUE UNIT` lines:
// recording one answer (p99 < 5 ms) and opening the statistics of a profile with 100,000
// answers (< 100 ms: open the file and compute everything the statistics screen shows).
// Usage: progress_bench [FOLDER]  (default: a new folder under the system temporary folder,
// which must be on a real disk for the recording figure to mean anything).
#include "core/progress/ProgressDatabase.hpp"
#include "core/progress/ProgressStore.hpp"
#include "core/session/Random.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fcntl.h>
#include <filesystem>
#include <stdlib.h>
#include <string>
#include <unistd.h>
#include <vector>

using namespace quiz::core;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace
{

constexpr TimestampMs kStart = 1732406400000; // a year before "now"
constexpr TimestampMs kNow = kStart + 365 * kMsPerDay;
constexpr int kTopics = 24;
constexpr int kQuestions = 600;

double elapsedMs(Clock::time_point since)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - since).count();
}

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const std::size_t index = std::min(
        values.size() - 1, static_cast<std::size_t>(p * static_cast<double>(values.size())));
    return values[index];
}

StoredAnswer makeAnswer(Random& random, TimestampMs at)
{
    const std::uint32_t question = random.below(kQuestions);
    StoredAnswer r;
    r.packId = question < kQuestions / 2 ? "org.example.heparin.core" : "org.example.heparin.icu";
    r.packVersion = "1.3";
    r.questionId = "q-" + std::to_string(question);
    r.questionRev = 1;
    r.topicId = "topic-" + std::to_string(question % kTopics);
    r.chosenOptionIds = {std::string(1, static_cast<char>('a' + random.below(4)))};
    r.correct = random.below(100) < 70;
    r.maxPoints = 1.0;
    r.points = r.correct ? 1.0 : 0.0;
    r.critical = !r.correct && random.below(10) == 0;
    r.timeTakenMs = 2000 + random.below(30000);
    r.confidence = static_cast<Confidence>(random.below(4));
    r.answeredAtMs = at;
    r.mode = "tutor";
    return r;
}

void figure(const char* name, double value, const char* unit)
{
    std::printf("figure %s %.3f %s\n", name, value, unit);
    std::fflush(stdout);
}

// The disk's own cost of one durable 4 KiB write (write + fdatasync), measured in the same
// folder: recording an answer commits with one such flush, so this is its floor.
std::vector<double> probeFlushMs(const std::string& folder, int samples)
{
    std::vector<double> ms;
    const std::string path = (fs::path(folder) / "flush-probe.bin").string();
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0)
        return ms;
    const std::string block(4096, 'x');
    for (int i = 0; i < samples; ++i)
    {
        const Clock::time_point started = Clock::now();
        if (::pwrite(fd, block.data(), block.size(), 0) < 0 || ::fdatasync(fd) != 0)
            break;
        ms.push_back(elapsedMs(started));
    }
    ::close(fd);
    ::unlink(path.c_str());
    return ms;
}

int fail(const std::string& message)
{
    std::fprintf(stderr, "progress_bench: %s\n", message.c_str());
    return 1;
}

} // namespace

int main(int argc, char** argv)
{
    std::string folder;
    if (argc > 1)
    {
        folder = argv[1];
    }
    else
    {
        std::string pattern = (fs::temp_directory_path() / "progress-bench-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr)
            return fail("cannot create a temporary folder");
        folder = pattern;
    }
    const std::string path = (fs::path(folder) / "progress.sqlite").string();
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm"})
        fs::remove(path + suffix, ec);
    Random random(42);

    // 1. Recording: each answer is its own durable transaction.
    const int warmup = 50;
    const int samples = 2000;
    std::vector<double> recordMs;
    {
        auto opened = ProgressStore::open(path, kStart);
        if (!opened.isOk())
            return fail(opened.getMessage());
        ProgressStore& store = *opened.getValue();
        for (int i = 0; i < warmup + samples; ++i)
        {
            const StoredAnswer answer = makeAnswer(random, kStart + i * 1000);
            const Clock::time_point started = Clock::now();
            const auto recorded = store.recordAnswer(answer);
            const double ms = elapsedMs(started);
            if (!recorded.isOk())
                return fail(recorded.getMessage());
            if (i >= warmup)
                recordMs.push_back(ms);
        }
        // 2. Fill up to 100,000 answers spread over a year, in bulk.
        const int total = 100000;
        const int already = warmup + samples;
        std::vector<StoredAnswer> batch;
        for (int i = already; i < total; ++i)
        {
            const TimestampMs at = kStart + static_cast<TimestampMs>(i) * (365 * kMsPerDay / total);
            batch.push_back(makeAnswer(random, at));
            if (batch.size() == 10000 || i + 1 == total)
            {
                const Status stored = store.recordAnswers(batch);
                if (!stored.ok)
                    return fail(stored.message);
                batch.clear();
            }
        }
    }
    const std::vector<double> flushMs = probeFlushMs(folder, 300);
    if (!flushMs.empty())
    {
        figure("progress.disk_flush_4k.p50", percentile(flushMs, 0.50), "ms");
        figure("progress.disk_flush_4k.p99", percentile(flushMs, 0.99), "ms");
    }
    figure("progress.record_answer.p50", percentile(recordMs, 0.50), "ms");
    figure("progress.record_answer.p99", percentile(recordMs, 0.99), "ms");
    figure("progress.record_answer.max", percentile(recordMs, 1.0), "ms");

    // The store's own share: the same recording on a scratch file with the disk flush turned
    // off (never done by the game), so recording = this + one flush of the disk.
    {
        const std::string scratch = (fs::path(folder) / "unflushed.sqlite").string();
        auto opened = ProgressStore::open(scratch, kStart);
        if (!opened.isOk())
            return fail(opened.getMessage());
        (void)opened.getValue()->getDatabase().exec("PRAGMA synchronous = OFF");
        std::vector<double> cpuMs;
        for (int i = 0; i < warmup + samples; ++i)
        {
            const StoredAnswer answer = makeAnswer(random, kStart + i * 1000);
            const Clock::time_point started = Clock::now();
            if (!opened.getValue()->recordAnswer(answer).isOk())
                return fail("cannot record into " + scratch);
            if (i >= warmup)
                cpuMs.push_back(elapsedMs(started));
        }
        opened.getValue().reset();
        for (const char* suffix : {"", "-wal", "-shm"})
            fs::remove(scratch + suffix, ec);
        figure("progress.record_answer_without_flush.p50", percentile(cpuMs, 0.50), "ms");
        figure("progress.record_answer_without_flush.p99", percentile(cpuMs, 0.99), "ms");
    }

    // 3. Opening the statistics of the 100,000-answer profile: open + compute, as the
    //    statistics screen does. Several rounds; the first is reported apart as it may find
    //    the file outside the page cache less warm.
    std::vector<double> openStatsMs;
    std::vector<double> openMs;
    std::vector<double> statsMs;
    std::vector<double> dueMs;
    std::size_t answered = 0;
    std::size_t dueCount = 0;
    for (int round = 0; round < 7; ++round)
    {
        const Clock::time_point started = Clock::now();
        auto opened = ProgressStore::open(path, kNow);
        if (!opened.isOk())
            return fail(opened.getMessage());
        const double openedAfter = elapsedMs(started);
        const Clock::time_point statsStarted = Clock::now();
        const Outcome<Statistics> statistics = opened.getValue()->computeStatistics(kNow);
        if (!statistics.isOk())
            return fail(statistics.getMessage());
        statsMs.push_back(elapsedMs(statsStarted));
        openStatsMs.push_back(elapsedMs(started));
        openMs.push_back(openedAfter);
        answered = static_cast<std::size_t>(statistics.getValue().answeredCount);

        const Clock::time_point dueStarted = Clock::now();
        const auto due = opened.getValue()->getDueQuestions(kNow);
        if (!due.isOk())
            return fail(due.getMessage());
        dueMs.push_back(elapsedMs(dueStarted));
        dueCount = due.getValue().size();
    }
    if (answered != 100000)
        return fail("expected 100000 answers, found " + std::to_string(answered));
    figure("progress.open_statistics_100k.first", openStatsMs.front(), "ms");
    figure("progress.open_statistics_100k.median", percentile(openStatsMs, 0.5), "ms");
    figure("progress.open_statistics_100k.max", percentile(openStatsMs, 1.0), "ms");
    figure("progress.open_100k.median", percentile(openMs, 0.5), "ms");
    figure("progress.statistics_100k.median", percentile(statsMs, 0.5), "ms");
    figure("progress.due_list_100k.median", percentile(dueMs, 0.5), "ms");
    figure("progress.due_list_100k.count", static_cast<double>(dueCount), "questions");
    figure("progress.database_100k.size",
           static_cast<double>(fs::file_size(path, ec)) / (1024.0 * 1024.0), "MiB");
    if (argc <= 1)
        fs::remove_all(folder, ec);
    return 0;
}

// Test helper for CrashSafety.test.cpp: records answers into a progress database in a loop
// and prints "<tag>-<n>" on its own line, flushed, after each answer is committed. The test
// kills it with SIGKILL at random moments and then checks every printed answer is stored.
#include "core/progress/ProgressStore.hpp"

#include <cstdio>
#include <string>
#include <unistd.h>

int main(int argc, char** argv)
{
    if (argc != 3)
    {
        std::fprintf(stderr, "usage: progress_crash_child DATABASE TAG\n");
        return 2;
    }
    const std::string tag = argv[2];
    const quiz::core::TimestampMs start = 1764000000000;
    auto opened = quiz::core::ProgressStore::open(argv[1], start);
    if (!opened.isOk())
    {
        std::fprintf(stderr, "%s\n", opened.getMessage().c_str());
        return 1;
    }
    quiz::core::ProgressStore& store = *opened.getValue();
    for (const std::string& notice : store.getNotices())
        std::fprintf(stderr, "notice: %s\n", notice.c_str());
    for (long n = 0;; ++n)
    {
        quiz::core::StoredAnswer record;
        record.packId = "org.example.crash";
        record.packVersion = "1";
        record.questionId = tag + "-" + std::to_string(n);
        record.topicId = "crash";
        record.chosenOptionIds = {"a"};
        record.correct = n % 3 != 0;
        record.points = record.correct ? 1.0 : 0.0;
        record.maxPoints = 1.0;
        record.confidence = quiz::core::Confidence::Sure;
        record.answeredAtMs = start + n;
        record.mode = "crash-test";
        auto recorded = store.recordAnswer(record);
        if (!recorded.isOk())
        {
            std::fprintf(stderr, "%s\n", recorded.getMessage().c_str());
            return 1;
        }
        // One write() per line, so a kill can cut the output only between lines or leave a
        // partial last line, which the test ignores.
        const std::string line = record.questionId + "\n";
        if (::write(STDOUT_FILENO, line.data(), line.size()) < 0)
            return 1;
    }
}

#include "Statistics.hpp"

#include "ProgressDatabase.hpp"
#include "ProgressStore.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <map>
#include <tuple>

namespace quiz::core
{
namespace
{

double ratio(std::int64_t part, std::int64_t whole)
{
    return whole > 0 ? static_cast<double>(part) / static_cast<double>(whole) : 0.0;
}

constexpr TimestampMs kBucketMs = 15 * kMsPerMinute; // see activity_buckets in ProgressSchema

// Per-day figures from the 15-minute activity buckets the insert trigger keeps: a few
// thousand rows a year instead of every answer.
bool queryDays(SqlDatabase& database, const StatisticsOptions& options, Statistics& statistics)
{
    SqlStatement s(database.get(), "SELECT bucket, answered, correct, critical "
                                   "FROM activity_buckets ORDER BY bucket");
    if (!s.isValid())
        return false;
    int code = SQLITE_ROW;
    while ((code = s.step()) == SQLITE_ROW)
    {
        const std::int64_t day = toDayNumber(s.getInt(0) * kBucketMs, options.utcOffsetMinutes);
        if (statistics.days.empty() || statistics.days.back().day != day)
        {
            statistics.days.emplace_back();
            statistics.days.back().day = day;
            statistics.days.back().date = formatDayNumber(day);
        }
        DayStatistics& bucket = statistics.days.back();
        bucket.answeredCount += s.getInt(1);
        bucket.correctCount += s.getInt(2);
        bucket.criticalCount += s.getInt(3);
    }
    for (DayStatistics& day : statistics.days)
    {
        day.accuracy = ratio(day.correctCount, day.answeredCount);
        statistics.answeredCount += day.answeredCount;
        statistics.correctCount += day.correctCount;
        statistics.criticalCount += day.criticalCount;
    }
    return code == SQLITE_DONE;
}

// Counts per topic from topic_totals; mastery from question_latest (one row per question).
bool queryTopics(SqlDatabase& database, Statistics& statistics)
{
    std::map<std::pair<std::string, std::string>, TopicMastery> topics;
    SqlStatement counts(database.get(),
                        "SELECT pack_id, topic_id, answered, correct FROM topic_totals");
    if (!counts.isValid())
        return false;
    int code = SQLITE_ROW;
    while ((code = counts.step()) == SQLITE_ROW)
    {
        TopicMastery& topic = topics[{counts.getText(0), counts.getText(1)}];
        topic.packId = counts.getText(0);
        topic.topicId = counts.getText(1);
        topic.answeredCount = counts.getInt(2);
        topic.correctCount = counts.getInt(3);
        topic.accuracy = ratio(topic.correctCount, topic.answeredCount);
    }
    if (code != SQLITE_DONE)
        return false;
    SqlStatement latest(database.get(), "SELECT pack_id, topic_id, count(*), avg(score) "
                                        "FROM question_latest GROUP BY pack_id, topic_id");
    if (!latest.isValid())
        return false;
    while ((code = latest.step()) == SQLITE_ROW)
    {
        TopicMastery& topic = topics[{latest.getText(0), latest.getText(1)}];
        topic.packId = latest.getText(0);
        topic.topicId = latest.getText(1);
        topic.questionCount = latest.getInt(2);
        topic.mastery = latest.getDouble(3);
        statistics.questionCount += topic.questionCount;
    }
    if (code != SQLITE_DONE)
        return false;
    for (auto& entry : topics)
        statistics.topics.push_back(std::move(entry.second));
    return true;
}

} // namespace

void computeStreaks(const std::vector<std::int64_t>& days, std::int64_t today, int& current,
                    int& longest)
{
    current = 0;
    longest = 0;
    int run = 0;
    for (std::size_t i = 0; i < days.size(); ++i)
    {
        run = (i > 0 && days[i] == days[i - 1] + 1) ? run + 1 : 1;
        longest = std::max(longest, run);
    }
    if (!days.empty() && (days.back() == today || days.back() == today - 1))
        current = run;
}

std::vector<TopicMastery> selectWeakestTopics(const std::vector<TopicMastery>& topics,
                                              const StatisticsOptions& options)
{
    std::vector<TopicMastery> weak;
    for (const TopicMastery& topic : topics)
    {
        if (topic.answeredCount >= options.minAnswersForWeakest && topic.mastery < 1.0 - 1e-9)
            weak.push_back(topic);
    }
    std::sort(weak.begin(), weak.end(),
              [](const TopicMastery& a, const TopicMastery& b)
              {
                  return std::tie(a.mastery, a.accuracy, a.packId, a.topicId) <
                         std::tie(b.mastery, b.accuracy, b.packId, b.topicId);
              });
    if (weak.size() > options.weakestCount)
        weak.resize(options.weakestCount);
    return weak;
}

Outcome<Statistics> ProgressStore::computeStatistics(TimestampMs now,
                                                     const StatisticsOptions& options) const
{
    Statistics statistics;
    // One read transaction, so the numbers agree with each other even while another process
    // is recording answers.
    SqlDatabase& database = *m_database;
    if (database.exec("BEGIN") != SQLITE_OK)
        return Outcome<Statistics>::failure("cannot read " + m_path + ": " + database.getError());
    const bool ok = queryDays(database, options, statistics) && queryTopics(database, statistics);
    const std::string error = ok ? std::string() : describeFailure("cannot read");
    (void)database.exec("COMMIT");
    if (!ok)
        return Outcome<Statistics>::failure(error);

    statistics.accuracy = ratio(statistics.correctCount, statistics.answeredCount);
    const std::int64_t today = toDayNumber(now, options.utcOffsetMinutes);
    std::vector<std::int64_t> days;
    days.reserve(statistics.days.size());
    for (const DayStatistics& day : statistics.days)
        days.push_back(day.day);
    computeStreaks(days, today, statistics.currentStreakDays, statistics.longestStreakDays);
    statistics.studiedToday = !days.empty() && days.back() == today;
    statistics.weakestTopics = selectWeakestTopics(statistics.topics, options);
    return statistics;
}

} // namespace quiz::core

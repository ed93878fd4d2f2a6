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

// Per-day buckets: one pass over the table, grouped in SQL.
bool queryDays(SqlDatabase& database, const StatisticsOptions& options, Statistics& statistics)
{
    SqlStatement s(database.get(),
                   "SELECT (answered_at + ?1) / 86400000 AS day, count(*), total(correct), "
                   "total(critical) FROM answers GROUP BY day ORDER BY day");
    if (!s.isValid())
        return false;
    s.bind(1, static_cast<std::int64_t>(options.utcOffsetMinutes) * kMsPerMinute);
    int code = SQLITE_ROW;
    while ((code = s.step()) == SQLITE_ROW)
    {
        DayStatistics day;
        day.day = s.getInt(0);
        day.date = formatDayNumber(day.day);
        day.answeredCount = s.getInt(1);
        day.correctCount = static_cast<std::int64_t>(s.getDouble(2));
        day.criticalCount = static_cast<std::int64_t>(s.getDouble(3));
        day.accuracy = ratio(day.correctCount, day.answeredCount);
        statistics.answeredCount += day.answeredCount;
        statistics.correctCount += day.correctCount;
        statistics.criticalCount += day.criticalCount;
        statistics.days.push_back(std::move(day));
    }
    return code == SQLITE_DONE;
}

// Counts per topic over all answers, then mastery over each question's latest answer; the
// (pack_id, question_id, id) index makes "latest answer per question" an index walk.
bool queryTopics(SqlDatabase& database, Statistics& statistics)
{
    std::map<std::pair<std::string, std::string>, TopicMastery> topics;
    SqlStatement counts(database.get(),
                        "SELECT pack_id, topic_id, count(*), total(correct) FROM answers "
                        "GROUP BY pack_id, topic_id");
    if (!counts.isValid())
        return false;
    int code = SQLITE_ROW;
    while ((code = counts.step()) == SQLITE_ROW)
    {
        TopicMastery& topic = topics[{counts.getText(0), counts.getText(1)}];
        topic.packId = counts.getText(0);
        topic.topicId = counts.getText(1);
        topic.answeredCount = counts.getInt(2);
        topic.correctCount = static_cast<std::int64_t>(counts.getDouble(3));
        topic.accuracy = ratio(topic.correctCount, topic.answeredCount);
    }
    if (code != SQLITE_DONE)
        return false;
    SqlStatement latest(database.get(),
                        "SELECT pack_id, topic_id, count(*), "
                        "avg(CASE WHEN max_points > 0 THEN min(points / max_points, 1.0) "
                        "ELSE correct END) FROM answers WHERE id IN "
                        "(SELECT max(id) FROM answers GROUP BY pack_id, question_id) "
                        "GROUP BY pack_id, topic_id");
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
    const std::string error = ok ? std::string() : database.getError();
    (void)database.exec("COMMIT");
    if (!ok)
        return Outcome<Statistics>::failure("cannot read " + m_path + ": " + error);

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

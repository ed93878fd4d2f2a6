#pragma once

#include "Progress.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace quiz::core
{

/// How one topic stands. Topics are per pack; topicId "" collects answers recorded before
/// topics were stored (see ProgressStore::fillMissingTopics).
struct TopicMastery
{
    std::string packId;
    std::string topicId;
    std::int64_t answeredCount = 0; ///< every answer in the topic
    std::int64_t correctCount = 0;
    std::int64_t questionCount = 0; ///< distinct questions answered
    double accuracy = 0.0;          ///< correctCount / answeredCount, 0..1
    /// 0..1: the mean, over the topic's answered questions, of the score of each question's
    /// latest answer (points / maxPoints). Old mistakes fixed since then no longer count.
    double mastery = 0.0;
};

/// One calendar day with answers (in the player's time zone, see StatisticsOptions).
struct DayStatistics
{
    std::int64_t day = 0; ///< days since 1970-01-01 (see toDayNumber)
    std::string date;     ///< YYYY-MM-DD
    std::int64_t answeredCount = 0;
    std::int64_t correctCount = 0;
    std::int64_t criticalCount = 0; ///< answers that chose a patient-safety option
    double accuracy = 0.0;          ///< correctCount / answeredCount
};

struct StatisticsOptions
{
    /// The player's offset from UTC in minutes (east positive): days start at local midnight.
    /// Answers are summed in 15-minute steps, so offsets that are not a multiple of 15 minutes
    /// (no real time zone has one) shift day boundaries by up to 14 minutes.
    int utcOffsetMinutes = 0;
    /// A topic needs this many answers before it can be called weak.
    std::int64_t minAnswersForWeakest = 3;
    /// How many weakest topics to list.
    std::size_t weakestCount = 5;
};

/// Everything the statistics screen shows for one player. ProgressStore::computeStatistics
/// reads it from summary tables that the database keeps current with every answer.
struct Statistics
{
    std::int64_t answeredCount = 0;
    std::int64_t correctCount = 0;
    std::int64_t criticalCount = 0;
    std::int64_t questionCount = 0; ///< distinct questions answered
    double accuracy = 0.0;          ///< 0..1 over all answers
    int currentStreakDays = 0;      ///< consecutive days with answers up to today (or yesterday)
    int longestStreakDays = 0;
    bool studiedToday = false;
    std::vector<TopicMastery> topics;        ///< by pack id, then topic id
    std::vector<DayStatistics> days;         ///< oldest first; days without answers are absent
    std::vector<TopicMastery> weakestTopics; ///< lowest mastery first, mastery below 1 only
};

/// Current and longest run of consecutive days in `days` (sorted ascending, unique). The
/// current run ends today, or yesterday when the player has not studied yet today; otherwise 0.
void computeStreaks(const std::vector<std::int64_t>& days, std::int64_t today, int& current,
                    int& longest);

/// The weakest topics: those with at least options.minAnswersForWeakest answers and mastery
/// below 1, lowest mastery first (then lowest accuracy, then ids), at most options.weakestCount.
[[nodiscard]] std::vector<TopicMastery> selectWeakestTopics(const std::vector<TopicMastery>& topics,
                                                            const StatisticsOptions& options);

} // namespace quiz::core

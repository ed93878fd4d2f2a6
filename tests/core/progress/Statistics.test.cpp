#include "core/progress/Statistics.hpp"

#include "TempDir.hpp"
#include "core/progress/ProgressStore.hpp"
#include "core/session/Random.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <map>

using namespace quiz::core;

namespace
{

constexpr TimestampMs kDay = kMsPerDay;
// 2025-11-24T00:00:00Z, a day boundary in UTC.
constexpr TimestampMs kMidnight = 20416 * kDay;

StoredAnswer answer(const std::string& topic, const std::string& question, TimestampMs at,
                    double points, double maxPoints = 1.0, bool critical = false)
{
    StoredAnswer r;
    r.packId = "p";
    r.packVersion = "1";
    r.questionId = question;
    r.topicId = topic;
    r.points = points;
    r.maxPoints = maxPoints;
    r.correct = points >= maxPoints;
    r.partial = points > 0 && points < maxPoints;
    r.critical = critical;
    r.answeredAtMs = at;
    r.mode = "tutor";
    return r;
}

const TopicMastery* findTopic(const Statistics& statistics, const std::string& topic)
{
    for (const TopicMastery& t : statistics.topics)
    {
        if (t.topicId == topic)
            return &t;
    }
    return nullptr;
}

} // namespace

TEST_CASE("Statistics: streaks count consecutive study days up to today or yesterday",
          "[progress][statistics]")
{
    int current = -1;
    int longest = -1;
    computeStreaks({}, 100, current, longest);
    CHECK(current == 0);
    CHECK(longest == 0);
    computeStreaks({100}, 100, current, longest);
    CHECK(current == 1);
    computeStreaks({99}, 100, current, longest);
    CHECK(current == 1); // not broken until a whole day is missed
    computeStreaks({98}, 100, current, longest);
    CHECK(current == 0);
    CHECK(longest == 1);
    computeStreaks({1, 2, 3, 7, 8}, 9, current, longest);
    CHECK(current == 2);
    CHECK(longest == 3);
    computeStreaks({1, 2, 3, 7, 8}, 20, current, longest);
    CHECK(current == 0);
    CHECK(longest == 3);
}

TEST_CASE("Statistics: an empty history has zeros and no days", "[progress][statistics]")
{
    quiz::test::TempDir temp;
    auto store = ProgressStore::open(temp.file("p.sqlite"), kMidnight);
    REQUIRE(store.isOk());
    Outcome<Statistics> statistics = store.getValue()->computeStatistics(kMidnight);
    REQUIRE(statistics.isOk());
    CHECK(statistics.getValue().answeredCount == 0);
    CHECK(statistics.getValue().accuracy == 0.0);
    CHECK(statistics.getValue().days.empty());
    CHECK(statistics.getValue().topics.empty());
    CHECK(statistics.getValue().weakestTopics.empty());
    CHECK(statistics.getValue().currentStreakDays == 0);
}

TEST_CASE("Statistics: totals, days, mastery, streak and weakest topics from the store",
          "[progress][statistics]")
{
    quiz::test::TempDir temp;
    auto opened = ProgressStore::open(temp.file("p.sqlite"), kMidnight);
    REQUIRE(opened.isOk());
    ProgressStore& store = *opened.getValue();
    const TimestampMs d0 = kMidnight - 3 * kDay; // three days ago
    std::vector<StoredAnswer> history = {
        // Day 0: dosing q1 wrong (critical), q2 right.
        answer("dosing", "q1", d0 + 1000, 0.0, 1.0, true),
        answer("dosing", "q2", d0 + 2000, 1.0),
        // Day 1: dosing q1 right now (its mistake is fixed), monitoring q3 half right.
        answer("dosing", "q1", d0 + kDay + 1000, 1.0),
        answer("monitoring", "q3", d0 + kDay + 2000, 1.0, 2.0),
        // Day 2: nothing. Day 3 (today): monitoring q3 wrong twice, q4 right, reversal right.
        answer("monitoring", "q3", kMidnight + 1000, 0.0, 2.0, true),
        answer("monitoring", "q3", kMidnight + 2000, 0.0, 2.0),
        answer("monitoring", "q4", kMidnight + 3000, 1.0),
        answer("reversal", "q5", kMidnight + 4000, 1.0),
    };
    REQUIRE(store.recordAnswers(history).ok);

    StatisticsOptions options;
    options.minAnswersForWeakest = 2;
    Outcome<Statistics> computed = store.computeStatistics(kMidnight + 5000, options);
    REQUIRE(computed.isOk());
    const Statistics& s = computed.getValue();
    CHECK(s.answeredCount == 8);
    CHECK(s.correctCount == 4);
    CHECK(s.criticalCount == 2);
    CHECK(s.questionCount == 5);
    CHECK(s.accuracy == Approx(4.0 / 8.0));

    REQUIRE(s.days.size() == 3);
    CHECK(s.days[0].date == "2025-11-21");
    CHECK(s.days[0].answeredCount == 2);
    CHECK(s.days[0].correctCount == 1);
    CHECK(s.days[0].criticalCount == 1);
    CHECK(s.days[0].accuracy == Approx(0.5));
    CHECK(s.days[1].date == "2025-11-22");
    CHECK(s.days[1].criticalCount == 0);
    CHECK(s.days[2].date == "2025-11-24");
    CHECK(s.days[2].answeredCount == 4);
    CHECK(s.days[2].criticalCount == 1);
    CHECK(s.currentStreakDays == 1);
    CHECK(s.longestStreakDays == 2);
    CHECK(s.studiedToday);

    REQUIRE(s.topics.size() == 3);
    const TopicMastery* dosing = findTopic(s, "dosing");
    REQUIRE(dosing != nullptr);
    CHECK(dosing->answeredCount == 3);
    CHECK(dosing->correctCount == 2);
    CHECK(dosing->questionCount == 2);
    CHECK(dosing->mastery == Approx(1.0)); // latest answers to q1 and q2 are both right
    const TopicMastery* monitoring = findTopic(s, "monitoring");
    REQUIRE(monitoring != nullptr);
    CHECK(monitoring->answeredCount == 4);
    CHECK(monitoring->correctCount == 1);
    CHECK(monitoring->accuracy == Approx(0.25));
    CHECK(monitoring->mastery == Approx(0.5)); // q3 latest 0, q4 latest 1
    // Dosing is fully mastered and reversal has too few answers: only monitoring is weak.
    REQUIRE(s.weakestTopics.size() == 1);
    CHECK(s.weakestTopics[0].topicId == "monitoring");
}

TEST_CASE("Statistics: days follow the player's time zone", "[progress][statistics]")
{
    quiz::test::TempDir temp;
    auto opened = ProgressStore::open(temp.file("p.sqlite"), kMidnight);
    REQUIRE(opened.isOk());
    ProgressStore& store = *opened.getValue();
    // 23:30 UTC on the 23rd and 00:30 UTC on the 24th.
    REQUIRE(store
                .recordAnswers({answer("t", "a", kMidnight - 30 * kMsPerMinute, 1.0),
                                answer("t", "b", kMidnight + 30 * kMsPerMinute, 1.0)})
                .ok);
    StatisticsOptions utc;
    CHECK(store.computeStatistics(kMidnight + kDay / 2, utc).getValue().days.size() == 2);
    StatisticsOptions berlin;
    berlin.utcOffsetMinutes = 60;
    const Statistics local = store.computeStatistics(kMidnight + kDay / 2, berlin).getValue();
    REQUIRE(local.days.size() == 1);
    CHECK(local.days[0].date == "2025-11-24");
    CHECK(local.days[0].answeredCount == 2);
    StatisticsOptions newYork;
    newYork.utcOffsetMinutes = -5 * 60;
    const Statistics west = store.computeStatistics(kMidnight + kDay / 2, newYork).getValue();
    REQUIRE(west.days.size() == 1);
    CHECK(west.days[0].date == "2025-11-23");
    CHECK(west.currentStreakDays == 1); // studied "yesterday" in New York
    CHECK_FALSE(west.studiedToday);
}

TEST_CASE("Statistics: weakest topics are ordered and limited", "[progress][statistics]")
{
    std::vector<TopicMastery> topics(4);
    const char* ids[] = {"a", "b", "c", "d"};
    const double mastery[] = {0.9, 0.2, 0.5, 0.2};
    const double accuracy[] = {0.9, 0.4, 0.5, 0.3};
    for (std::size_t i = 0; i < 4; ++i)
    {
        topics[i].topicId = ids[i];
        topics[i].answeredCount = 10;
        topics[i].mastery = mastery[i];
        topics[i].accuracy = accuracy[i];
    }
    StatisticsOptions options;
    options.weakestCount = 3;
    const std::vector<TopicMastery> weak = selectWeakestTopics(topics, options);
    REQUIRE(weak.size() == 3);
    CHECK(weak[0].topicId == "d");
    CHECK(weak[1].topicId == "b");
    CHECK(weak[2].topicId == "c");
}

TEST_CASE("Statistics: the summary tables agree with a count over the whole history",
          "[progress][statistics]")
{
    quiz::test::TempDir temp;
    auto opened = ProgressStore::open(temp.file("p.sqlite"), kMidnight);
    REQUIRE(opened.isOk());
    ProgressStore& store = *opened.getValue();
    quiz::core::Random random(7);
    std::vector<StoredAnswer> batch;
    for (int i = 0; i < 3000; ++i)
    {
        const std::uint32_t q = random.below(40);
        const double maxPoints = q % 3 == 0 ? 2.0 : 1.0;
        const double points = maxPoints * random.below(3) / 2.0;
        const TimestampMs at = kMidnight - 30 * kDay + random.below(30 * 24 * 60) * kMsPerMinute;
        StoredAnswer r =
            answer(q % 5 == 0 ? "" : "t" + std::to_string(q % 4), "q" + std::to_string(q), at,
                   points, maxPoints, random.below(10) == 0);
        if (i % 10 == 0)
            REQUIRE(store.recordAnswer(r).isOk()); // one by one: the trigger path
        else
            batch.push_back(r);
    }
    REQUIRE(store.recordAnswers(batch).ok);

    auto check = [&store](int offsetMinutes)
    {
        const std::vector<StoredAnswer> history = store.loadHistory().getValue();
        StatisticsOptions options;
        options.utcOffsetMinutes = offsetMinutes;
        const Statistics s = store.computeStatistics(kMidnight, options).getValue();
        std::map<std::int64_t, std::array<std::int64_t, 3>> days;
        std::map<std::string, std::pair<std::int64_t, std::int64_t>> topics;
        std::map<std::string, const StoredAnswer*> latest; // by question, highest id wins
        std::int64_t correct = 0;
        for (const StoredAnswer& r : history)
        {
            auto& day = days[toDayNumber(r.answeredAtMs, offsetMinutes)];
            day[0] += 1;
            day[1] += r.correct ? 1 : 0;
            day[2] += r.critical ? 1 : 0;
            topics[r.topicId].first += 1;
            topics[r.topicId].second += r.correct ? 1 : 0;
            correct += r.correct ? 1 : 0;
            const StoredAnswer*& last = latest[r.questionId];
            if (last == nullptr || r.id > last->id)
                last = &r;
        }
        CHECK(s.answeredCount == static_cast<std::int64_t>(history.size()));
        CHECK(s.correctCount == correct);
        CHECK(s.questionCount == static_cast<std::int64_t>(latest.size()));
        REQUIRE(s.days.size() == days.size());
        std::size_t i = 0;
        for (const auto& [day, counts] : days)
        {
            CHECK(s.days[i].day == day);
            CHECK(s.days[i].answeredCount == counts[0]);
            CHECK(s.days[i].correctCount == counts[1]);
            CHECK(s.days[i].criticalCount == counts[2]);
            ++i;
        }
        REQUIRE(s.topics.size() == topics.size());
        for (const TopicMastery& topic : s.topics)
        {
            CHECK(topic.answeredCount == topics[topic.topicId].first);
            CHECK(topic.correctCount == topics[topic.topicId].second);
            double sum = 0.0;
            int count = 0;
            for (const auto& entry : latest)
            {
                if (entry.second->topicId == topic.topicId)
                {
                    sum += entry.second->points / entry.second->maxPoints;
                    ++count;
                }
            }
            CHECK(topic.questionCount == count);
            CHECK(topic.mastery == Approx(sum / count));
        }
    };
    check(0);
    check(330); // India: a half-hour offset
    check(-7 * 60);

    // Filling in topics rebuilds the summaries.
    Pack pack;
    pack.id = "p";
    for (int q = 0; q < 40; q += 5)
    {
        Question question;
        question.id = "q" + std::to_string(q);
        question.topicId = "filled";
        pack.questions.push_back(question);
    }
    REQUIRE(store.fillMissingTopics(pack).ok);
    check(0);
    const Statistics after = store.computeStatistics(kMidnight).getValue();
    for (const TopicMastery& topic : after.topics)
        CHECK_FALSE(topic.topicId.empty());
}

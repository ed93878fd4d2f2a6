#include "core/progress/Scheduler.hpp"

#include "TempDir.hpp"
#include "core/progress/ProgressStore.hpp"
#include "core/session/Random.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

using namespace quiz::core;

namespace
{

constexpr TimestampMs kStart = 1764000000000;
constexpr TimestampMs kDay = kMsPerDay;

struct HistoryBuilder
{
    std::vector<StoredAnswer> records;

    HistoryBuilder& add(const std::string& question, TimestampMs at, bool correct,
                        Confidence confidence = Confidence::None, bool critical = false,
                        int rev = 1)
    {
        StoredAnswer r;
        r.id = static_cast<std::int64_t>(records.size()) + 1;
        r.packId = "p";
        r.questionId = question;
        r.questionRev = rev;
        r.correct = correct;
        r.critical = critical;
        r.confidence = confidence;
        r.answeredAtMs = at;
        r.points = correct ? 1.0 : 0.0;
        r.maxPoints = 1.0;
        r.mode = "tutor";
        records.push_back(r);
        return *this;
    }
};

ReviewState stateOf(const std::vector<StoredAnswer>& history, const std::string& question)
{
    for (const ReviewState& state : buildReviewStates(history))
    {
        if (state.key.questionId == question)
            return state;
    }
    FAIL("no state for " << question);
    return {};
}

std::vector<std::string> dueIds(const std::vector<StoredAnswer>& history, TimestampMs now,
                                const RevisionMap* current = nullptr)
{
    std::vector<std::string> ids;
    for (const DueQuestion& due : getDueQuestions(history, now, current))
        ids.push_back(due.key.questionId);
    return ids;
}

} // namespace

TEST_CASE("Scheduler: correct answers climb the boxes with growing intervals",
          "[progress][scheduler]")
{
    HistoryBuilder h;
    TimestampMs t = kStart;
    const int expectedDays[] = {1, 3, 7, 14, 30, 30};
    for (int i = 0; i < 6; ++i)
    {
        h.add("q", t, true, Confidence::Sure);
        const ReviewState state = stateOf(h.records, "q");
        CHECK(state.box == std::min(i + 1, kMaxBox));
        CHECK(state.dueAtMs == t + expectedDays[i] * kDay);
        CHECK(state.reason == ReviewReason::Scheduled);
        t = state.dueAtMs; // answer exactly when due
    }
    CHECK(stateOf(h.records, "q").answerCount == 6);
    CHECK(stateOf(h.records, "q").lapseCount == 0);
}

TEST_CASE("Scheduler: a wrong answer sends the question back to box 1", "[progress][scheduler]")
{
    HistoryBuilder h;
    h.add("q", kStart, true).add("q", kStart + kDay, true).add("q", kStart + 4 * kDay, false);
    const ReviewState state = stateOf(h.records, "q");
    CHECK(state.box == 1);
    CHECK(state.reason == ReviewReason::Wrong);
    CHECK(state.dueAtMs == kStart + 4 * kDay + kRelearnDelayMs);
    CHECK(state.lapseCount == 1);
}

TEST_CASE("Scheduler: confident-but-wrong and critical answers are due at once",
          "[progress][scheduler]")
{
    HistoryBuilder h;
    h.add("sure-wrong", kStart, false, Confidence::Sure);
    h.add("critical", kStart, false, Confidence::Unsure, true);
    h.add("plain-wrong", kStart, false, Confidence::Unsure);
    CHECK(stateOf(h.records, "sure-wrong").dueAtMs == kStart);
    CHECK(stateOf(h.records, "sure-wrong").reason == ReviewReason::ConfidentlyWrong);
    CHECK(stateOf(h.records, "critical").dueAtMs == kStart);
    CHECK(stateOf(h.records, "critical").reason == ReviewReason::CriticalError);
    // Right after the answer only the urgent two are due; ten minutes later all three.
    CHECK(dueIds(h.records, kStart) == std::vector<std::string>{"sure-wrong", "critical"});
    CHECK(dueIds(h.records, kStart + kRelearnDelayMs) ==
          std::vector<std::string>{"sure-wrong", "critical", "plain-wrong"});
}

TEST_CASE("Scheduler: confidence limits how far a correct answer moves", "[progress][scheduler]")
{
    HistoryBuilder guess;
    guess.add("q", kStart, true, Confidence::Guess);
    CHECK(stateOf(guess.records, "q").box == 1);
    guess.add("q", kStart + kDay, true, Confidence::Guess);
    CHECK(stateOf(guess.records, "q").box == 1); // guessing right again proves nothing
    CHECK(stateOf(guess.records, "q").dueAtMs == kStart + 2 * kDay);

    HistoryBuilder unsure;
    TimestampMs t = kStart;
    for (int i = 0; i < 5; ++i)
    {
        unsure.add("q", t, true, Confidence::Unsure);
        t = stateOf(unsure.records, "q").dueAtMs;
    }
    CHECK(stateOf(unsure.records, "q").box == kUnsureMaxBox);
    unsure.add("q", t, true, Confidence::Sure);
    CHECK(stateOf(unsure.records, "q").box == kUnsureMaxBox + 1);
}

TEST_CASE("Scheduler: answering before the due time does not move a question up",
          "[progress][scheduler]")
{
    HistoryBuilder h;
    h.add("q", kStart, true, Confidence::Sure);            // box 1, due +1 day
    h.add("q", kStart + kDay / 2, true, Confidence::Sure); // early: stays in box 1
    const ReviewState state = stateOf(h.records, "q");
    CHECK(state.box == 1);
    CHECK(state.dueAtMs == kStart + kDay / 2 + kDay);
}

TEST_CASE("Scheduler: a new rev of a question starts its schedule over", "[progress][scheduler]")
{
    HistoryBuilder h;
    TimestampMs t = kStart;
    for (int i = 0; i < 3; ++i)
    {
        h.add("q", t, true, Confidence::Sure, false, 1);
        t = stateOf(h.records, "q").dueAtMs;
    }
    h.add("q", t - kDay, false, Confidence::Unsure, false, 1);
    REQUIRE(stateOf(h.records, "q").box == 1);
    REQUIRE(stateOf(h.records, "q").lapseCount == 1);
    h.add("q", t, true, Confidence::Sure, false, 2);
    const ReviewState state = stateOf(h.records, "q");
    CHECK(state.rev == 2);
    CHECK(state.box == 1);
    CHECK(state.answerCount == 1);
    CHECK(state.lapseCount == 0);

    SECTION("a loaded pack with a newer rev makes it due now as Changed")
    {
        HistoryBuilder single;
        single.add("q", kStart, true, Confidence::Sure, false, 1);
        RevisionMap current{{{"p", "q"}, 2}};
        const std::vector<DueQuestion> due = getDueQuestions(single.records, kStart + 1, &current);
        REQUIRE(due.size() == 1);
        CHECK(due[0].reason == ReviewReason::Changed);
        CHECK(due[0].box == 0);
        RevisionMap same{{{"p", "q"}, 1}};
        CHECK(getDueQuestions(single.records, kStart + 1, &same).empty());
        RevisionMap without;
        CHECK(getDueQuestions(single.records, kStart + 10 * kDay, &without).empty());
    }
}

TEST_CASE("Scheduler: the due list is ordered most urgent first", "[progress][scheduler]")
{
    HistoryBuilder h;
    // Two scheduled questions: "long" is 1 day past a 1-day interval, "short" 2 days past 7.
    h.add("long", kStart, true, Confidence::Sure); // box 1, due kStart + 1 day
    TimestampMs t = kStart;
    for (int i = 0; i < 3; ++i)
    {
        h.add("short", t, true, Confidence::Sure);
        t = stateOf(h.records, "short").dueAtMs;
    }
    // "short" is in box 3 now, due at t.
    const TimestampMs now = t + 2 * kDay;
    h.add("wrong", now - kDay, false, Confidence::Unsure);
    h.add("sure-wrong", now - 2 * kDay, false, Confidence::Sure);
    h.add("sure-wrong-newer", now - kDay, false, Confidence::Sure);
    h.add("critical", now - kDay, false, Confidence::None, true);
    h.add("not-due", now - kDay / 2, true, Confidence::Sure);
    CHECK(dueIds(h.records, now) == std::vector<std::string>{"sure-wrong", "sure-wrong-newer",
                                                             "critical", "wrong", "long", "short"});
}

TEST_CASE("Scheduler: the history order does not matter, only time and id", "[progress][scheduler]")
{
    HistoryBuilder h;
    h.add("q", kStart, false, Confidence::Sure).add("q", kStart + kDay, true, Confidence::Sure);
    std::vector<StoredAnswer> reversed(h.records.rbegin(), h.records.rend());
    const ReviewState a = stateOf(h.records, "q");
    const ReviewState b = stateOf(reversed, "q");
    CHECK(a.box == b.box);
    CHECK(a.dueAtMs == b.dueAtMs);
    CHECK(a.box == 2);
    CHECK(buildReviewStates({}).empty());
}

TEST_CASE("Scheduler: the store's due list reads the recorded history", "[progress][scheduler]")
{
    quiz::test::TempDir temp;
    auto opened = ProgressStore::open(temp.file("p.sqlite"), kStart);
    REQUIRE(opened.isOk());
    ProgressStore& store = *opened.getValue();
    HistoryBuilder h;
    h.add("a", kStart, true, Confidence::Sure).add("b", kStart, false, Confidence::Sure);
    h.add("c", kStart, false, Confidence::Guess);
    for (StoredAnswer& r : h.records)
        REQUIRE(store.recordAnswer(r).isOk());
    auto due = store.getDueQuestions(kStart + kRelearnDelayMs);
    REQUIRE(due.isOk());
    REQUIRE(due.getValue().size() == 2);
    CHECK(due.getValue()[0].key.questionId == "b");
    CHECK(due.getValue()[1].key.questionId == "c");
    CHECK(store.getReviewStates().getValue().size() == 3);
    Pack pack;
    pack.id = "p";
    Question b;
    b.id = "b";
    pack.questions.push_back(b);
    const RevisionMap current = collectRevisions({pack});
    CHECK(store.getDueQuestions(kStart + kDay, &current).getValue().size() == 1);
}

TEST_CASE("Scheduler: the store's kept review states equal a replay of the whole history",
          "[progress][scheduler]")
{
    quiz::test::TempDir temp;
    auto opened = ProgressStore::open(temp.file("p.sqlite"), kStart);
    REQUIRE(opened.isOk());
    ProgressStore& store = *opened.getValue();
    quiz::core::Random random(99);
    std::vector<StoredAnswer> batch;
    TimestampMs t = kStart;
    for (int i = 0; i < 1500; ++i)
    {
        StoredAnswer r;
        r.packId = random.below(2) == 0 ? "p" : "p2";
        r.packVersion = "1";
        r.questionId = "q" + std::to_string(random.below(30));
        r.questionRev = random.below(20) == 0 ? 2 : 1;
        r.correct = random.below(3) != 0;
        r.critical = !r.correct && random.below(4) == 0;
        r.confidence = static_cast<Confidence>(random.below(4));
        r.maxPoints = 1.0;
        r.points = r.correct ? 1.0 : 0.0;
        r.mode = "tutor";
        // Mostly forward in time, sometimes backwards (a clock set back).
        t += random.below(10) == 0 ? -static_cast<TimestampMs>(random.below(3)) * kDay
                                   : static_cast<TimestampMs>(random.below(36 * 3600)) * 1000;
        r.answeredAtMs = t;
        if (i % 5 != 0)
        {
            batch.push_back(r);
            continue;
        }
        REQUIRE(store.recordAnswer(r).isOk());
        if (i % 100 == 0)
        {
            REQUIRE(store.recordAnswers(batch).ok);
            batch.clear();
        }
    }
    REQUIRE(store.recordAnswers(batch).ok);

    const std::vector<ReviewState> replayed = buildReviewStates(store.loadHistory().getValue());
    std::vector<ReviewState> kept = store.getReviewStates().getValue();
    std::sort(kept.begin(), kept.end(),
              [](const ReviewState& a, const ReviewState& b) { return a.key < b.key; });
    REQUIRE(kept.size() == replayed.size());
    REQUIRE(kept.size() == 60);
    for (std::size_t i = 0; i < kept.size(); ++i)
    {
        INFO(kept[i].key.packId << "/" << kept[i].key.questionId);
        CHECK(kept[i].key == replayed[i].key);
        CHECK(kept[i].rev == replayed[i].rev);
        CHECK(kept[i].box == replayed[i].box);
        CHECK(kept[i].dueAtMs == replayed[i].dueAtMs);
        CHECK(kept[i].lastAnsweredAtMs == replayed[i].lastAnsweredAtMs);
        CHECK(kept[i].answerCount == replayed[i].answerCount);
        CHECK(kept[i].lapseCount == replayed[i].lapseCount);
        CHECK(kept[i].reason == replayed[i].reason);
    }
    const std::vector<DueQuestion> due = store.getDueQuestions(t).getValue();
    const std::vector<DueQuestion> expected = getDueQuestions(store.loadHistory().getValue(), t);
    REQUIRE(due.size() == expected.size());
    for (std::size_t i = 0; i < due.size(); ++i)
        CHECK(due[i].key == expected[i].key);
}

TEST_CASE("Scheduler: review states are built for a database upgraded from version 1",
          "[progress][scheduler][migration]")
{
    quiz::test::TempDir temp;
    const std::string path = temp.file("progress.sqlite");
    std::filesystem::copy_file(QUIZ_TEST_DATA_DIR "/progress/progress-v1.sqlite", path);
    auto opened = ProgressStore::open(path, kStart);
    REQUIRE(opened.isOk());
    const std::vector<ReviewState> states = opened.getValue()->getReviewStates().getValue();
    REQUIRE(states.size() == 3);
    const TimestampMs later = 1764172800000 + 2 * kDay;
    const std::vector<DueQuestion> due = opened.getValue()->getDueQuestions(later).getValue();
    REQUIRE(due.size() == 3);
    CHECK(due[0].key.questionId == "rev-03"); // sure and wrong (and critical)
    CHECK(due[0].reason == ReviewReason::ConfidentlyWrong);
}

TEST_CASE("Scheduler: the missed list is every question last answered wrong, due or not",
          "[progress][scheduler]")
{
    HistoryBuilder h;
    h.add("old-wrong", kStart, false, Confidence::Unsure);
    h.add("fixed", kStart, false);
    h.add("fixed", kStart + kDay, true);
    h.add("new-wrong", kStart + 2 * kDay, false);
    h.add("sure-wrong", kStart, false, Confidence::Sure);
    h.add("right", kStart, true);
    h.add("critical", kStart + kDay, false, Confidence::None, true);
    const std::vector<ReviewState> states = buildReviewStates(h.records);
    std::vector<std::string> ids;
    for (const QuestionKey& key : selectMissedQuestions(states))
        ids.push_back(key.questionId);
    // Misconceptions and safety errors first, then the most recent misses.
    CHECK(ids == std::vector<std::string>{"sure-wrong", "critical", "new-wrong", "old-wrong"});

    // Only questions in the loaded packs count.
    const RevisionMap loaded = {{{"p", "old-wrong"}, 1}, {{"p", "right"}, 1}};
    const std::vector<QuestionKey> inLoaded = selectMissedQuestions(states, &loaded);
    REQUIRE(inLoaded.size() == 1);
    CHECK(inLoaded.front().questionId == "old-wrong");
    CHECK(selectMissedQuestions({}).empty());
}

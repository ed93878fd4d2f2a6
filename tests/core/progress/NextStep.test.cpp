#include "core/progress/NextStep.hpp"

#include <catch2/catch.hpp>

using namespace quiz::core;

namespace
{

// 2026-03-02T09:00:00Z.
constexpr TimestampMs kNow = 20514 * kMsPerDay + 9 * 60 * kMsPerMinute;

/// Pack "p": topics mech (with subtopic mech-sub), mon and safe; two published questions in
/// each, and a draft in safe.
Pack makePack()
{
    Pack pack;
    pack.id = "p";
    pack.topics = {{"mech", "Mechanism", "", 0, 0},
                   {"mech-sub", "Antithrombin", "mech", 1, 0},
                   {"mon", "Monitoring", "", 0, 0},
                   {"safe", "Safety", "", 0, 0}};
    const auto add = [&pack](const std::string& id, const std::string& topic,
                             QuestionStatus status = QuestionStatus::Published)
    {
        Question question;
        question.id = id;
        question.topicId = topic;
        question.status = status;
        pack.questions.push_back(question);
    };
    add("mech-01", "mech");
    add("mech-02", "mech-sub");
    add("mon-01", "mon");
    add("mon-02", "mon");
    add("safe-01", "safe");
    add("safe-02", "safe");
    add("safe-03", "safe", QuestionStatus::Draft);
    return pack;
}

StoredAnswer answer(const std::string& question, bool correct, TimestampMs at,
                    Confidence confidence = Confidence::None)
{
    StoredAnswer record;
    record.packId = "p";
    record.questionId = question;
    record.correct = correct;
    record.points = correct ? 1.0 : 0.0;
    record.maxPoints = 1.0;
    record.confidence = confidence;
    record.answeredAtMs = at;
    return record;
}

TopicMastery topic(const std::string& id, double mastery, std::int64_t answers = 6)
{
    TopicMastery t;
    t.packId = "p";
    t.topicId = id;
    t.answeredCount = answers;
    t.correctCount = answers / 2;
    t.accuracy = 0.5;
    t.mastery = mastery;
    return t;
}

} // namespace

TEST_CASE("Next step: a new player is offered new questions, every published one in order",
          "[progress][next-step]")
{
    const NextStep step = chooseNextStep({}, {}, {makePack()}, kNow);
    CHECK(step.kind == NextStepKind::NewQuestions);
    CHECK(step.dueCount == 0);
    REQUIRE(step.questions.size() == 6);
    CHECK(step.questions.front() == QuestionKey{"p", "mech-01"});
    CHECK(step.questions.back() == QuestionKey{"p", "safe-02"}); // the draft is left out
}

TEST_CASE("Next step: a wrong answer becomes a review once its relearning delay has passed",
          "[progress][next-step]")
{
    const TimestampMs answered = kNow - 5 * kMsPerMinute;
    const std::vector<ReviewState> states =
        buildReviewStates({answer("mon-01", false, answered), answer("mech-01", true, answered)});
    const std::vector<TopicMastery> topics = {topic("mon", 0.5)};
    // Five minutes later it is not due yet: the weak topic comes first.
    const NextStep before = chooseNextStep(states, topics, {makePack()}, kNow);
    CHECK(before.kind == NextStepKind::WeakTopic);
    CHECK(before.dueCount == 0);
    // Once kRelearnDelayMs has passed it is due, and reviews come before everything else.
    CHECK(before.dueTodayCount == 1); // but it is due today
    const NextStep after = chooseNextStep(states, topics, {makePack()}, answered + kRelearnDelayMs);
    CHECK(after.kind == NextStepKind::Review);
    CHECK(after.dueCount == 1);
    CHECK(after.questions == std::vector<QuestionKey>{{"p", "mon-01"}});
}

TEST_CASE("Next step: a review plays the most urgent due questions, at most reviewCount",
          "[progress][next-step]")
{
    const TimestampMs past = kNow - 2 * kMsPerDay;
    // A confident mistake is more urgent than a plain one, which is more urgent than a
    // correct answer whose interval ran out.
    const std::vector<ReviewState> states =
        buildReviewStates({answer("mech-01", true, past), answer("mon-01", false, past),
                           answer("safe-01", false, past, Confidence::Sure)});
    NextStepOptions options;
    options.reviewCount = 2;
    const NextStep step = chooseNextStep(states, {}, {makePack()}, kNow, options);
    CHECK(step.kind == NextStepKind::Review);
    CHECK(step.dueCount == 3);
    CHECK(step.questions == std::vector<QuestionKey>{{"p", "safe-01"}, {"p", "mon-01"}});
}

TEST_CASE("Next step: with nothing due the weakest playable topic below the threshold comes "
          "next",
          "[progress][next-step]")
{
    const std::vector<ReviewState> states =
        buildReviewStates({answer("mech-01", true, kNow - kMsPerMinute)});
    const std::vector<Pack> packs = {makePack()};
    SECTION("the lowest mastery wins")
    {
        const NextStep step = chooseNextStep(
            states, {topic("mon", 0.6), topic("mech-sub", 0.4), topic("safe", 0.7)}, packs, kNow);
        CHECK(step.kind == NextStepKind::WeakTopic);
        CHECK(step.packId == "p");
        CHECK(step.topicId == "mech-sub");
        CHECK(step.mastery == Approx(0.4));
        CHECK(step.questions.empty());
    }
    SECTION("too few answers, a mastered topic, a gone pack or topic are never weak")
    {
        TopicMastery gonePack = topic("mon", 0.1);
        gonePack.packId = "gone";
        const NextStep step = chooseNextStep(states,
                                             {topic("mon", 0.2, 2), topic("safe", 0.8), gonePack,
                                              topic("removed", 0.1), topic("", 0.1)},
                                             packs, kNow);
        CHECK(step.kind == NextStepKind::NewQuestions);
        // mech-01 is answered; the other five are new.
        CHECK(step.questions.size() == 5);
        CHECK(step.questions.front() == QuestionKey{"p", "mech-02"});
    }
}

TEST_CASE("Next step: every question answered, none due and none weak: a mixed round",
          "[progress][next-step]")
{
    std::vector<StoredAnswer> history;
    for (const char* id : {"mech-01", "mech-02", "mon-01", "mon-02", "safe-01", "safe-02"})
        history.push_back(answer(id, true, kNow - kMsPerMinute));
    const NextStep step =
        chooseNextStep(buildReviewStates(history), {topic("mon", 1.0)}, {makePack()}, kNow);
    CHECK(step.kind == NextStepKind::Practice);
    CHECK(step.questions.empty());
    // A day later the one-day interval has run out: they are due again.
    const NextStep tomorrow = chooseNextStep(buildReviewStates(history), {topic("mon", 1.0)},
                                             {makePack()}, kNow + kMsPerDay);
    CHECK(tomorrow.kind == NextStepKind::Review);
    CHECK(tomorrow.dueCount == 6);
}

TEST_CASE("Next step: questions of packs not loaded are never due, and no packs is no step",
          "[progress][next-step]")
{
    StoredAnswer other = answer("x-01", false, kNow - kMsPerDay);
    other.packId = "other";
    const std::vector<ReviewState> states = buildReviewStates({other});
    CHECK(chooseNextStep(states, {}, {makePack()}, kNow).kind == NextStepKind::NewQuestions);
    const NextStep none = chooseNextStep(states, {}, {}, kNow);
    CHECK(none.kind == NextStepKind::None);
    CHECK(none.dueCount == 0);
}

TEST_CASE("Next step: due today counts what falls due before the player's local midnight",
          "[progress][next-step]")
{
    CHECK(startOfNextDay(kNow, 0) == 20515 * kMsPerDay);
    // 09:00 UTC is 19:00 in UTC+10, whose day ends at 14:00 UTC.
    CHECK(startOfNextDay(kNow, 600) == 20514 * kMsPerDay + 14 * 60 * kMsPerMinute);
    // 09:00 UTC is 23:00 the day before in UTC-10; that day ends at 10:00 UTC.
    CHECK(startOfNextDay(kNow, -600) == 20514 * kMsPerDay + 10 * 60 * kMsPerMinute);

    // Answered right yesterday at 13:00 UTC: due again today at 13:00 UTC.
    const TimestampMs yesterday = 20513 * kMsPerDay + 13 * 60 * kMsPerMinute;
    const std::vector<ReviewState> states = buildReviewStates({answer("mon-01", true, yesterday)});
    NextStepOptions utc;
    const NextStep here = chooseNextStep(states, {}, {makePack()}, kNow, utc);
    CHECK(here.dueCount == 0);
    CHECK(here.dueTodayCount == 1);
    NextStepOptions east;
    east.utcOffsetMinutes = 600; // the day ends at 14:00 UTC: still today
    CHECK(chooseNextStep(states, {}, {makePack()}, kNow, east).dueTodayCount == 1);
    NextStepOptions west;
    west.utcOffsetMinutes = -600; // the day ends at 10:00 UTC, before 13:00
    CHECK(chooseNextStep(states, {}, {makePack()}, kNow, west).dueTodayCount == 0);
}

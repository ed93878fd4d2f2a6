#include "Scheduler.hpp"

#include <algorithm>
#include <tuple>

namespace quiz::core
{

const char* toString(ReviewReason reason)
{
    switch (reason)
    {
    case ReviewReason::ConfidentlyWrong:
        return "confidently-wrong";
    case ReviewReason::CriticalError:
        return "critical-error";
    case ReviewReason::Wrong:
        return "wrong";
    case ReviewReason::Changed:
        return "changed";
    case ReviewReason::Scheduled:
        break;
    }
    return "scheduled";
}

RevisionMap collectRevisions(const std::vector<Pack>& packs)
{
    RevisionMap revisions;
    for (const Pack& pack : packs)
    {
        for (const Question& question : pack.questions)
            revisions[{pack.id, question.id}] = question.rev;
    }
    return revisions;
}

ReviewState applyAnswer(const ReviewState* previous, const StoredAnswer& answer)
{
    ReviewState state;
    // A new rev means the question may now mean something else: what was learnt about the
    // old wording says nothing, so the schedule starts over.
    if (previous != nullptr && previous->rev == answer.questionRev)
        state = *previous;
    state.key = {answer.packId, answer.questionId};
    state.rev = answer.questionRev;
    const bool early = state.answerCount > 0 && answer.answeredAtMs < state.dueAtMs;
    state.answerCount += 1;
    state.lastAnsweredAtMs = answer.answeredAtMs;

    if (answer.correct)
    {
        int promoted = state.box;
        if (answer.confidence == Confidence::Sure || answer.confidence == Confidence::None)
            promoted = state.box + 1;
        else if (answer.confidence == Confidence::Unsure)
            promoted = std::max(state.box, std::min(state.box + 1, kUnsureMaxBox));
        if (early)
            promoted = state.box;
        state.box = std::clamp(promoted, 1, kMaxBox);
        state.dueAtMs = answer.answeredAtMs + kBoxIntervalsMs[static_cast<std::size_t>(state.box)];
        state.reason = ReviewReason::Scheduled;
        return state;
    }
    state.box = 1;
    state.lapseCount += 1;
    if (answer.confidence == Confidence::Sure)
        state.reason = ReviewReason::ConfidentlyWrong;
    else if (answer.critical)
        state.reason = ReviewReason::CriticalError;
    else
        state.reason = ReviewReason::Wrong;
    state.dueAtMs = answer.answeredAtMs +
                    (state.reason == ReviewReason::Wrong ? kRelearnDelayMs : TimestampMs{0});
    return state;
}

std::vector<ReviewState> buildReviewStates(const std::vector<StoredAnswer>& history)
{
    std::vector<const StoredAnswer*> ordered;
    ordered.reserve(history.size());
    for (const StoredAnswer& record : history)
        ordered.push_back(&record);
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const StoredAnswer* a, const StoredAnswer* b) {
                         return std::tie(a->answeredAtMs, a->id) < std::tie(b->answeredAtMs, b->id);
                     });
    std::map<QuestionKey, ReviewState> states;
    for (const StoredAnswer* record : ordered)
    {
        QuestionKey key{record->packId, record->questionId};
        auto it = states.find(key);
        const ReviewState next = applyAnswer(it == states.end() ? nullptr : &it->second, *record);
        if (it == states.end())
            states.emplace(std::move(key), next);
        else
            it->second = next;
    }
    std::vector<ReviewState> result;
    result.reserve(states.size());
    for (auto& entry : states)
        result.push_back(std::move(entry.second));
    return result;
}

std::vector<DueQuestion> getDueQuestions(const std::vector<StoredAnswer>& history, TimestampMs now,
                                         const RevisionMap* current)
{
    return selectDueQuestions(buildReviewStates(history), now, current);
}

std::vector<DueQuestion> selectDueQuestions(const std::vector<ReviewState>& states, TimestampMs now,
                                            const RevisionMap* current)
{
    struct Ranked
    {
        DueQuestion due;
        double overdue; // how many box intervals past due
    };
    std::vector<Ranked> ranked;
    for (const ReviewState& state : states)
    {
        DueQuestion due{state.key, state.rev, state.box, state.dueAtMs, state.reason};
        if (current != nullptr)
        {
            const auto it = current->find(state.key);
            if (it == current->end())
                continue;
            if (it->second != state.rev)
            {
                due.box = 0;
                due.dueAtMs = state.lastAnsweredAtMs;
                due.reason = ReviewReason::Changed;
            }
        }
        if (due.dueAtMs > now)
            continue;
        const TimestampMs interval =
            std::max(kBoxIntervalsMs[static_cast<std::size_t>(std::max(due.box, 1))], kMsPerDay);
        ranked.push_back(
            {due, static_cast<double>(now - due.dueAtMs) / static_cast<double>(interval)});
    }
    std::sort(ranked.begin(), ranked.end(),
              [](const Ranked& a, const Ranked& b)
              {
                  if (a.due.reason != b.due.reason)
                      return a.due.reason < b.due.reason;
                  if (a.overdue != b.overdue)
                      return a.overdue > b.overdue;
                  if (a.due.dueAtMs != b.due.dueAtMs)
                      return a.due.dueAtMs < b.due.dueAtMs;
                  return a.due.key < b.due.key;
              });
    std::vector<DueQuestion> result;
    result.reserve(ranked.size());
    for (Ranked& entry : ranked)
        result.push_back(std::move(entry.due));
    return result;
}

std::vector<QuestionKey> selectMissedQuestions(const std::vector<ReviewState>& states,
                                               const RevisionMap* current)
{
    std::vector<const ReviewState*> missed;
    for (const ReviewState& state : states)
    {
        const bool lastWasWrong = state.reason == ReviewReason::ConfidentlyWrong ||
                                  state.reason == ReviewReason::CriticalError ||
                                  state.reason == ReviewReason::Wrong;
        if (lastWasWrong && (current == nullptr || current->count(state.key) > 0))
            missed.push_back(&state);
    }
    std::sort(missed.begin(), missed.end(),
              [](const ReviewState* a, const ReviewState* b)
              {
                  if (a->reason != b->reason)
                      return a->reason < b->reason;
                  if (a->lastAnsweredAtMs != b->lastAnsweredAtMs)
                      return a->lastAnsweredAtMs > b->lastAnsweredAtMs;
                  return a->key < b->key;
              });
    std::vector<QuestionKey> keys;
    keys.reserve(missed.size());
    for (const ReviewState* state : missed)
        keys.push_back(state->key);
    return keys;
}

} // namespace quiz::core

#include "NextStep.hpp"

#include <algorithm>
#include <set>
#include <tuple>

namespace quiz::core
{
namespace
{

const Pack* findPack(const std::vector<Pack>& packs, const std::string& packId)
{
    const auto found = std::find_if(packs.begin(), packs.end(),
                                    [&packId](const Pack& pack) { return pack.id == packId; });
    return found == packs.end() ? nullptr : &*found;
}

/// The weakest topic that can still be played, or null.
const TopicMastery* findWeakTopic(const std::vector<TopicMastery>& topics,
                                  const std::vector<Pack>& packs, const NextStepOptions& options)
{
    const TopicMastery* weakest = nullptr;
    for (const TopicMastery& topic : topics)
    {
        // Answers recorded before topics were stored have no topic to start a round of.
        if (topic.topicId.empty() || topic.answeredCount < options.minAnswersForWeak ||
            topic.mastery >= options.weakMastery)
            continue;
        const Pack* pack = findPack(packs, topic.packId);
        if (pack == nullptr || pack->findTopic(topic.topicId) == nullptr ||
            pack->countPlayableQuestions(topic.topicId) == 0)
            continue;
        if (weakest == nullptr ||
            std::tie(topic.mastery, topic.accuracy, topic.packId, topic.topicId) <
                std::tie(weakest->mastery, weakest->accuracy, weakest->packId, weakest->topicId))
            weakest = &topic;
    }
    return weakest;
}

} // namespace

TimestampMs startOfNextDay(TimestampMs now, int utcOffsetMinutes)
{
    const TimestampMs offset = static_cast<TimestampMs>(utcOffsetMinutes) * kMsPerMinute;
    return (toDayNumber(now, utcOffsetMinutes) + 1) * kMsPerDay - offset;
}

NextStep chooseNextStep(const std::vector<ReviewState>& states,
                        const std::vector<TopicMastery>& topics, const std::vector<Pack>& packs,
                        TimestampMs now, const NextStepOptions& options)
{
    NextStep step;
    std::size_t playable = 0;
    for (const Pack& pack : packs)
        playable += pack.countPlayableQuestions();
    if (playable == 0)
        return step;

    const RevisionMap revisions = collectRevisions(packs);
    const std::vector<DueQuestion> due = selectDueQuestions(states, now, &revisions);
    step.dueCount = due.size();
    step.dueTodayCount =
        selectDueQuestions(states, startOfNextDay(now, options.utcOffsetMinutes) - 1, &revisions)
            .size();
    if (!due.empty())
    {
        step.kind = NextStepKind::Review;
        for (std::size_t i = 0; i < due.size() && i < options.reviewCount; ++i)
            step.questions.push_back(due[i].key);
        return step;
    }

    if (const TopicMastery* weak = findWeakTopic(topics, packs, options))
    {
        step.kind = NextStepKind::WeakTopic;
        step.packId = weak->packId;
        step.topicId = weak->topicId;
        step.mastery = weak->mastery;
        return step;
    }

    std::set<QuestionKey> answered;
    for (const ReviewState& state : states)
        answered.insert(state.key);
    for (const Pack& pack : packs)
    {
        for (const Question& question : pack.questions)
        {
            const QuestionKey key{pack.id, question.id};
            if (question.status == QuestionStatus::Published && answered.count(key) == 0)
                step.questions.push_back(key);
        }
    }
    step.kind = step.questions.empty() ? NextStepKind::Practice : NextStepKind::NewQuestions;
    return step;
}

} // namespace quiz::core

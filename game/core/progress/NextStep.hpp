#pragma once

#include "Scheduler.hpp"
#include "Statistics.hpp"
#include "core/pack/Pack.hpp"
#include "core/pack/QuestionKey.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace quiz::core
{

/// What "Continue" on the home screen starts: the one place that decides what matters most.
enum class NextStepKind
{
    None,         ///< no playable question is loaded
    Review,       ///< questions are due: review them, most urgent first
    WeakTopic,    ///< nothing is due: practise the weakest topic
    NewQuestions, ///< nothing due and no weak topic: questions never answered yet
    Practice      ///< every question answered, none due, none weak: a mixed round
};

struct NextStepOptions
{
    std::size_t reviewCount = 20; ///< the most due questions one review round plays
    double weakMastery = 0.8;     ///< a topic whose mastery is below this (0..1) is weak
    /// A topic needs this many answers before it can be called weak (one miss says little).
    std::int64_t minAnswersForWeak = 3;
    /// The player's offset from UTC in minutes (east positive), for "due today".
    int utcOffsetMinutes = 0;
};

/// The step chosen, with what the round needs.
struct NextStep
{
    NextStepKind kind = NextStepKind::None;
    /// Every question due now among the loaded packs (a review plays at most reviewCount).
    std::size_t dueCount = 0;
    /// Every question due before the player's next local midnight (dueCount included).
    std::size_t dueTodayCount = 0;
    /// Review: the due questions to play, most urgent first. NewQuestions: every playable
    /// question never answered, in pack and document order. Empty otherwise.
    std::vector<QuestionKey> questions;
    std::string packId;   ///< WeakTopic: the topic's pack
    std::string topicId;  ///< WeakTopic: the topic (its subtopics are played too)
    double mastery = 0.0; ///< WeakTopic: its mastery, 0..1
};

/// The first moment of the day after the one `now` falls on, `utcOffsetMinutes` east of UTC.
[[nodiscard]] TimestampMs startOfNextDay(TimestampMs now, int utcOffsetMinutes);

/// Decides what matters most for a player at `now`: due reviews first (see
/// selectDueQuestions), then the weakest topic (lowest mastery below options.weakMastery with
/// at least options.minAnswersForWeak answers, in a loaded pack that still has questions in
/// it), then questions never answered, then a mixed round. `states` is the player's review
/// state (empty for a new player or none), `topics` their per-topic mastery
/// (Statistics::topics), `packs` the loaded packs. Pure: the same inputs give the same step.
[[nodiscard]] NextStep chooseNextStep(const std::vector<ReviewState>& states,
                                      const std::vector<TopicMastery>& topics,
                                      const std::vector<Pack>& packs, TimestampMs now,
                                      const NextStepOptions& options = {});

} // namespace quiz::core

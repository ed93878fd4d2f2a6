#pragma once

#include "Progress.hpp"
#include "core/pack/QuestionKey.hpp"

#include <array>
#include <map>
#include <string>
#include <vector>

namespace quiz::core
{

/// Spaced review with Leitner boxes (see game/core/progress/SPACED_REVIEW.md for the reasoning).
///
/// Each (pack, question) a player has answered sits in a box 0..5 with a due time:
/// - a fully correct answer moves it up one box (Sure or no confidence asked), up one box but
///   no higher than box 3 (Unsure), or leaves it where it is (Guess: a lucky guess proves
///   nothing). An answer given before the question was due never moves it up (no cramming).
///   It is then due `kBoxIntervalsMs[box]` after the answer: 1, 3, 7, 14 or 30 days.
/// - any other answer (wrong, partial, no answer) sends it back to box 1 and makes it due at
///   once when the player was Sure or chose a patient-safety (critical) option, else after
///   kRelearnDelayMs.
/// - an answer to a different `rev` of the question starts its schedule over, and so does a
///   loaded pack that now has a different rev than the last answer (due now, reason Changed).
///
/// Everything here is a pure function of the history and `now`.

inline constexpr int kMaxBox = 5;
/// Interval after a correct answer, by box (box 0 is never the result of an answer).
inline constexpr std::array<TimestampMs, kMaxBox + 1> kBoxIntervalsMs = {
    0, 1 * kMsPerDay, 3 * kMsPerDay, 7 * kMsPerDay, 14 * kMsPerDay, 30 * kMsPerDay};
/// How long an ordinary wrong answer waits before it comes back.
inline constexpr TimestampMs kRelearnDelayMs = 10 * kMsPerMinute;
/// The highest box an Unsure correct answer can reach.
inline constexpr int kUnsureMaxBox = 3;

/// Why a question is due, most urgent first (the order of the due list).
enum class ReviewReason
{
    ConfidentlyWrong, ///< last answer wrong although the player was Sure: a misconception
    CriticalError,    ///< last answer chose a patient-safety option
    Wrong,            ///< last answer wrong or partial
    Changed,          ///< the question has a new rev since the last answer
    Scheduled         ///< last answer right; its interval has run out
};

[[nodiscard]] const char* toString(ReviewReason reason);

/// Where one question stands for one player after the history so far.
struct ReviewState
{
    QuestionKey key;
    int rev = 1;                      ///< the rev the schedule belongs to
    int box = 0;                      ///< 0..kMaxBox
    TimestampMs dueAtMs = 0;          ///< due when dueAtMs <= now
    TimestampMs lastAnsweredAtMs = 0; ///< the last answer at this rev
    int answerCount = 0;              ///< answers at this rev
    int lapseCount = 0;               ///< answers at this rev that were not fully correct
    ReviewReason reason = ReviewReason::Scheduled;
};

/// One entry of the due list.
struct DueQuestion
{
    QuestionKey key;
    int rev = 1; ///< the rev the player last answered
    int box = 0;
    TimestampMs dueAtMs = 0;
    ReviewReason reason = ReviewReason::Scheduled;
};

/// The rev of each question in the packs that are loaded now (see collectRevisions).
using RevisionMap = std::map<QuestionKey, int>;

/// The revisions of every question in `packs`.
[[nodiscard]] RevisionMap collectRevisions(const std::vector<Pack>& packs);

/// The state after one more answer. `previous` is null for a question never answered.
[[nodiscard]] ReviewState applyAnswer(const ReviewState* previous, const StoredAnswer& answer);

/// The state of every answered question, in key order. Only the key, rev, correct, critical,
/// confidence, answeredAtMs and id of each record are used; the history may be in any order
/// (it is replayed by time, then id).
[[nodiscard]] std::vector<ReviewState> buildReviewStates(const std::vector<StoredAnswer>& history);

/// The questions due at `now`, most urgent first: by ReviewReason, then by how far past due
/// relative to the box interval, then oldest due time, then key. With `current`, questions
/// missing from it (pack not loaded, question removed) are left out, and a question whose
/// current rev differs from the answered one is due now with reason Changed and box 0.
[[nodiscard]] std::vector<DueQuestion> getDueQuestions(const std::vector<StoredAnswer>& history,
                                                       TimestampMs now,
                                                       const RevisionMap* current = nullptr);

/// The same selection and order from states already built (by buildReviewStates, or kept
/// up to date answer by answer with applyAnswer, as ProgressStore does).
[[nodiscard]] std::vector<DueQuestion> selectDueQuestions(const std::vector<ReviewState>& states,
                                                          TimestampMs now,
                                                          const RevisionMap* current = nullptr);

/// The questions whose last answer was not fully correct, due or not: the player's "missed"
/// list. Most urgent reason first (confidently wrong, critical, wrong), then the most recently
/// answered. With `current`, questions missing from it (pack not loaded, question removed)
/// are left out.
[[nodiscard]] std::vector<QuestionKey> selectMissedQuestions(const std::vector<ReviewState>& states,
                                                             const RevisionMap* current = nullptr);

} // namespace quiz::core

#pragma once

#include "core/pack/Pack.hpp"
#include "core/session/Scoring.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace quiz::core
{

/// A moment in time: milliseconds since 1970-01-01T00:00:00Z. The app reads the clock and
/// passes it in; progress code never reads it.
using TimestampMs = std::int64_t;

inline constexpr TimestampMs kMsPerMinute = 60LL * 1000;
inline constexpr TimestampMs kMsPerDay = 24LL * 60 * kMsPerMinute;

/// What the player said before the answer was revealed. None when they were not asked.
enum class Confidence
{
    None,
    Sure,
    Unsure,
    Guess
};

/// "sure", "unsure", "guess" or "" (None): the stored and exported spelling.
[[nodiscard]] const char* toString(Confidence confidence);
/// The inverse of toString; nullopt for anything else.
[[nodiscard]] std::optional<Confidence> parseConfidence(const std::string& text);

/// One answered question, as kept in the player's history.
struct StoredAnswer
{
    std::int64_t id = 0; ///< assigned by the store (increasing); 0 before it is recorded
    std::string packId;
    std::string packVersion;
    std::string questionId;
    int questionRev = 1;
    std::string topicId; ///< "" when unknown (answers recorded before schema v2)
    std::vector<std::string> chosenOptionIds; ///< in the order chosen; empty = no answer given
    bool correct = false;
    bool partial = false;
    double points = 0.0;    ///< in the question's units, 0..maxPoints
    double maxPoints = 0.0; ///< the question's points
    bool critical = false;  ///< a patient-safety option was chosen
    std::int64_t timeTakenMs = 0;
    Confidence confidence = Confidence::None;
    TimestampMs answeredAtMs = 0;
    std::string mode; ///< the game mode it was answered in, e.g. "tutor", "exam", "review"
    /// Numeric questions: the number typed (nullopt: none) and the index of the named mistake
    /// it matched (-1: none). Stored in the chosen column as "=12.5" and "!0".
    std::optional<double> typedValue;
    int mistakeIndex = -1;
};

/// Builds the record for an answer the game just scored, so the caller passes what it has.
[[nodiscard]] StoredAnswer makeStoredAnswer(const Pack& pack, const Question& question,
                                            const std::vector<std::string>& chosenOptionIds,
                                            const AnswerScore& score, Confidence confidence,
                                            std::int64_t timeTakenMs, TimestampMs answeredAtMs,
                                            std::string mode,
                                            std::optional<double> typedValue = std::nullopt,
                                            int mistakeIndex = -1);

/// Why a record cannot be stored, or "" when it can: ids must be non-empty, option ids free of
/// whitespace, numbers finite and not negative, points not above maxPoints (with rounding).
[[nodiscard]] std::string validateStoredAnswer(const StoredAnswer& record);

/// The calendar day (counted from 1970-01-01) a moment falls on, `utcOffsetMinutes` east of UTC.
[[nodiscard]] std::int64_t toDayNumber(TimestampMs moment, int utcOffsetMinutes);
/// "YYYY-MM-DD" of a day number.
[[nodiscard]] std::string formatDayNumber(std::int64_t day);
/// "YYYY-MM-DDTHH:MM:SS.mmmZ" of a moment.
[[nodiscard]] std::string formatTimestampUtc(TimestampMs moment);

} // namespace quiz::core

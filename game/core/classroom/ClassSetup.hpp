#pragma once

#include "Classroom.hpp"
#include "core/progress/Progress.hpp"
#include "core/session/Session.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace quiz::core
{

/// The questions for a class game drawn from several packs and topics (as ticked on a set-up
/// screen): every published question under the selections, in seeded random order, at most
/// `count` (all when 0), options shuffled as pickClassQuestions() does.
[[nodiscard]] std::vector<Question>
pickClassQuestions(const std::vector<Pack>& packs, const std::vector<TopicSelection>& selections,
                   std::size_t count, std::uint32_t seed);

/// A class code from `seed`: six characters without look-alikes (no 0/O, 1/I), so a code read
/// off a projector is typed right; 32^6 codes, with wrong tries limited per address by the host.
[[nodiscard]] std::string makeClassCode(std::uint32_t seed);

/// A class code as typed ("k7qx9m", " K7QX 9M") in the one form codes are compared in: ASCII
/// letters in upper case, spaces and tabs dropped. The host compares with it, and the desktop
/// join sends it; the browser page sends what was typed and the host applies it there.
[[nodiscard]] std::string normalizeClassCode(const std::string& typed);

/// Where a class's results go in `dir`: `class-results-LABEL-YYYYMMDD-HHMMSS.csv` with the
/// local time of `now` (`utcOffsetMinutes` east of UTC), and "-2", "-3" ... before ".csv" when
/// that name is taken, so one class never overwrites another's results.
[[nodiscard]] std::string classResultsPath(const std::string& dir, const std::string& label,
                                           TimestampMs now, int utcOffsetMinutes);

/// Team names for a projector game: "Team 1" .. "Team n", `count` clamped to 2..8.
[[nodiscard]] std::vector<std::string> defaultTeamNames(std::size_t count);

/// A show of hands: how many people the instructor counted for each option of each question.
/// Kept beside the class rules (hands carry no names, so they are never scored) and added to
/// the teams' own answers in the distribution.
class HandTally
{
public:
    HandTally() = default;
    explicit HandTally(const Classroom& classroom);

    /// Adds `delta` hands to the option at `position` of question `question` (never below 0).
    void adjust(std::size_t question, std::size_t position, int delta);
    [[nodiscard]] std::size_t get(std::size_t question, std::size_t position) const;
    /// Hands counted for a question, all options together.
    [[nodiscard]] std::size_t total(std::size_t question) const;

private:
    std::vector<std::vector<std::size_t>> m_counts;
};

/// How the room answered question `question`: the players' choices plus the hands counted,
/// in the question's option order.
[[nodiscard]] std::vector<std::size_t>
roomDistribution(const Classroom& classroom, const HandTally& hands, std::size_t question);

/// formatResultsCsv() followed by `hands` rows (per question and option: hands counted), in
/// the same columns, so one file holds the whole class.
[[nodiscard]] std::string formatResultsCsv(const Classroom& classroom, const HandTally& hands);

} // namespace quiz::core

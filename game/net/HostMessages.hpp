#pragma once

#include "Protocol.hpp"
#include "core/classroom/Classroom.hpp"

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace quiz::net
{

/// The messages the host builds from the class rules' state. Pure functions of a Classroom.

/// The protocol's reason for a class rule's refusal.
[[nodiscard]] Reason toReason(core::ClassRefusal refusal);
[[nodiscard]] WirePhase toWirePhase(core::ClassPhase phase);

/// The open (or last) question as a student sees it; `answered` is what `player` sent
/// (pass getPlayers().size() for nobody in particular).
[[nodiscard]] QuestionShow makeQuestion(const core::Classroom& room, std::chrono::milliseconds now,
                                        std::size_t player);
/// The answer key and the room's answers for the current question, and `player`'s result.
[[nodiscard]] Reveal makeReveal(const core::Classroom& room, std::size_t player);

/// Standings computed once, then asked for each player's place.
class StandingTable
{
public:
    explicit StandingTable(const core::Classroom& room);
    [[nodiscard]] std::vector<Standing> top(std::size_t count) const;
    [[nodiscard]] Place placeOf(std::size_t player) const;

private:
    const core::Classroom& m_room;
    std::vector<core::ClassStanding> m_standings;
    std::vector<std::size_t> m_rowOf; ///< player -> row in m_standings, or size() when absent
};

/// Student text made safe to print: printable ASCII as it is, a backslash doubled, every other
/// byte as \xNN, so no terminal escape, line break or bidi control reaches the console, and at
/// most `maxBytes` of input are shown (then "...").
[[nodiscard]] std::string escapeForLog(std::string_view text, std::size_t maxBytes = 64);

} // namespace quiz::net

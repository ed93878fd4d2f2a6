#include "core/classroom/Classroom.hpp"

#include <catch2/catch.hpp>

using namespace quiz::core;
using namespace std::chrono_literals;

namespace
{

std::vector<Question> oneQuestion()
{
    Question q;
    q.id = "q1";
    for (const char* id : {"a", "b"})
    {
        Option option;
        option.id = id;
        option.correct = std::string(id) == "a";
        q.options.push_back(option);
    }
    return {q};
}

} // namespace

TEST_CASE("Classroom: a seat is held only while connected", "[core][classroom][seats]")
{
    ClassSettings settings;
    settings.maxPlayers = 2;
    Classroom c(oneQuestion(), settings);
    const JoinOutcome ana = c.join("Ana", 0ms);
    REQUIRE(c.join("Bo", 0ms).refusal == ClassRefusal::None);
    CHECK(c.join("Cy", 0ms).refusal == ClassRefusal::ClassFull);
    c.disconnect(ana.player, 1ms);
    // Ana's record (and nickname) are kept for her rejoin, but her seat is free.
    REQUIRE(c.join("Cy", 2ms).refusal == ClassRefusal::None);
    CHECK(c.rejoin(ana.player, 3ms) == ClassRefusal::ClassFull);
    CHECK(c.join("Ana", 3ms).refusal == ClassRefusal::DuplicateNickname);
}

TEST_CASE("Classroom: join-and-leave cycles never fill the class", "[core][classroom][seats]")
{
    ClassSettings settings;
    settings.maxPlayers = 10;
    Classroom c(oneQuestion(), settings);
    for (int i = 0; i < 200; ++i)
    {
        const JoinOutcome outcome = c.join("churn" + std::to_string(i), 0ms);
        REQUIRE(outcome.refusal == ClassRefusal::None);
        if (i % 2 == 0)
            c.leave(outcome.player, 0ms); // on purpose: the record is forgotten
        else
            c.disconnect(outcome.player, 0ms); // dropped: kept until records run short
    }
    CHECK(c.getPlayers().size() <= 20); // the record cap: twice the seats
    // A forgotten player's nickname is free again.
    CHECK(c.join("churn0", 0ms).refusal == ClassRefusal::None);
    for (int i = 0; i < 9; ++i)
        CHECK(c.join("honest" + std::to_string(i), 0ms).refusal == ClassRefusal::None);
    CHECK(c.countConnected() == 10);
    CHECK(c.join("one-too-many", 0ms).refusal == ClassRefusal::ClassFull);
    CHECK(c.getPlayers().size() <= 20);
}

TEST_CASE("Classroom: a kicked player frees the seat but keeps the name refused",
          "[core][classroom][seats]")
{
    ClassSettings settings;
    settings.maxPlayers = 1;
    Classroom c(oneQuestion(), settings);
    REQUIRE(c.join("Rude", 0ms).refusal == ClassRefusal::None);
    CHECK(c.join("Ana", 0ms).refusal == ClassRefusal::ClassFull);
    REQUIRE(c.kick("rude", 0ms) == ClassRefusal::None);
    CHECK(c.join("Ana", 0ms).refusal == ClassRefusal::None);
    c.disconnect(1, 0ms);
    CHECK(c.join("RUDE", 0ms).refusal == ClassRefusal::Kicked);
}

TEST_CASE("Classroom: a player who answered and leaves stays in the results",
          "[core][classroom][seats]")
{
    ClassSettings settings;
    settings.closeWhenAllAnswered = false;
    Classroom c(oneQuestion(), settings);
    const std::size_t ana = c.join("Ana", 0ms).player;
    const std::size_t bo = c.join("Bo", 0ms).player;
    REQUIRE(c.command(ClassRole::Host, HostCommand::Start, 0ms) == ClassRefusal::None);
    REQUIRE(c.answer(ana, 0, {"a"}, 5ms) == ClassRefusal::None);
    c.leave(ana, 6ms);
    c.leave(bo, 6ms);
    CHECK_FALSE(c.getPlayers()[ana].gone);
    CHECK(c.getPlayers()[bo].gone);
    REQUIRE(c.command(ClassRole::Host, HostCommand::Reveal, 7ms) == ClassRefusal::None);
    REQUIRE(c.getStandings().size() == 1);
    CHECK(c.getStandings()[0].player == ana);
    CHECK(c.getPlayers()[ana].score == 1000);
}

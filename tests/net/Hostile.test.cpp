// What an attack on the host must not achieve, each tried against a live host on 127.0.0.1
// while honest students play. Class time is the test's (`h.now`); the wall clock only bounds
// how long a test waits for sockets.
#include "net/LoopbackHost.hpp"
#include "net/Swarm.hpp"

#include <nlohmann/json.hpp>

using namespace quiz;
using namespace quiz::net;
using namespace quiz::net::test;
using namespace std::chrono_literals;
using nlohmann::json;

namespace
{

std::string joinText(const std::string& nickname, const std::string& code = "K7QX9M")
{
    return encode(Join{kProtocolVersion, code, nickname});
}

/// Honest students: answer every question at once with its first option, answer pings.
void playHonestly(Swarm& swarm, bool answer = true)
{
    swarm.onText = [answer](Swarm& self, Swarm::Student& student, const std::string& text, auto)
    {
        const json message = json::parse(text, nullptr, false);
        const std::string type = message.value("type", "");
        if (type == "question" && answer)
            self.send(student, encode(Answer{message["question"].get<std::uint32_t>(),
                                             {message["options"][0]["id"].get<std::string>()}}));
        else if (type == "ping")
            self.send(student, encode(Pong{message["id"].get<std::uint32_t>()}));
    };
}

/// How many of `swarm`'s students received a message of `type` (and, for errors, `reason`).
std::size_t countHeard(Swarm& swarm, const std::string& type, const std::string& reason = "")
{
    std::size_t n = 0;
    for (std::size_t i = 0; i < swarm.size(); ++i)
    {
        Swarm::Student& s = swarm.at(i);
        const std::lock_guard<std::mutex> lock(s.mutex);
        for (const std::string& text : s.received)
        {
            const json m = json::parse(text, nullptr, false);
            if (m.value("type", "") == type && (reason.empty() || m.value("reason", "") == reason))
            {
                ++n;
                break;
            }
        }
    }
    return n;
}

std::size_t countClosed(Swarm& swarm)
{
    std::size_t n = 0;
    for (std::size_t i = 0; i < swarm.size(); ++i)
        n += swarm.at(i).closed ? 1 : 0;
    return n;
}

/// 50 honest students joined and waiting in the lobby.
void seatHonest(LoopbackHost& h, Swarm& honest, std::size_t count = 50, bool answer = true)
{
    playHonestly(honest, answer);
    for (std::size_t i = 0; i < count; ++i)
        honest.add(loopbackAddress(i), joinText("honest" + std::to_string(i)));
    honest.start();
    REQUIRE(h.pumpUntil([&] { return h.server.getClassroom().countConnected() == count; }));
}

/// Plays one question to its reveal; true when every honest student got the reveal.
bool playQuestion(LoopbackHost& h, Swarm& honest, std::size_t reveals)
{
    const core::ClassPhase phase = h.server.getClassroom().getPhase();
    const core::HostCommand step =
        phase == core::ClassPhase::Lobby ? core::HostCommand::Start : core::HostCommand::Next;
    if (phase == core::ClassPhase::Reveal)
        (void)h.server.command(core::HostCommand::Next, h.now);
    REQUIRE(h.server.command(step, h.now) == core::ClassRefusal::None);
    return h.pumpUntil(
        [&]
        {
            return countHeard(honest, "reveal") >= reveals &&
                   h.server.getClassroom().getPhase() == core::ClassPhase::Reveal;
        });
}

} // namespace

TEST_CASE("Hostile: oversized, binary and invalid UTF-8 messages drop only their sender",
          "[net][hostile]")
{
    LoopbackHost h;
    Swarm honest(h.port);
    seatHonest(h, honest);
    Swarm bad(h.port);
    bad.add(loopbackAddress(100), joinText("big") + std::string(5000, ' '));
    bad.add(loopbackAddress(101),
            "{\"type\":\"join\",\"version\":3,\"code\":\"K7QX9M\",\"nickname\":\"\xC0\xAF\"}");
    bad.add(loopbackAddress(102), "[1,2,3]");
    bad.add(loopbackAddress(103), R"({"type":"shout","text":"hi"})");
    bad.add(loopbackAddress(104), encode(Answer{0, {"a"}})); // before joining
    bad.start();
    REQUIRE(h.pumpUntil([&] { return countClosed(bad) == bad.size(); }));
    CHECK(bad.at(0).closeCode == 1009); // too big: closed before it is read
    CHECK(countHeard(bad, "error", "bad-message") >= 2);
    CHECK(countHeard(bad, "error", "out-of-order") == 1);
    CHECK(playQuestion(h, honest, 50));
    CHECK(h.server.getClassroom().countConnected() == 50);
}

TEST_CASE("Hostile: idle connections that never say hello cannot lock students out",
          "[net][hostile]")
{
    LoopbackHost h;
    Swarm honest(h.port);
    seatHonest(h, honest);
    Swarm idle(h.port);
    for (std::size_t i = 0; i < 300; ++i)
        idle.add(loopbackAddress(100 + i), "");
    idle.start();
    REQUIRE(h.pumpUntil([&] { return h.server.countStudents() == 350; }));
    h.now += 5001ms; // the hello timeout on the class clock
    REQUIRE(h.pumpUntil([&] { return countClosed(idle) == 300; }));
    CHECK(countHeard(idle, "error", "timeout") == 300);
    Swarm late(h.port);
    for (std::size_t i = 0; i < 20; ++i)
        late.add(loopbackAddress(500 + i), joinText("late" + std::to_string(i)));
    late.start();
    CHECK(h.pumpUntil([&] { return countHeard(late, "joined") == 20; }));
    CHECK(h.server.getClassroom().countConnected() == 70);
}

TEST_CASE("Hostile: connections past the caps are told why, per address and in all",
          "[net][hostile]")
{
    HostConfig config = LoopbackHost::defaults();
    config.maxConnections = 80;
    LoopbackHost h({}, config);
    Swarm honest(h.port);
    seatHonest(h, honest);
    Swarm crowd(h.port); // all from one address
    for (std::size_t i = 0; i < 55; ++i)
        crowd.add("127.0.9.9", joinText("crowd" + std::to_string(i)));
    crowd.start();
    REQUIRE(h.pumpUntil(
        [&] { return countHeard(crowd, "joined") + countHeard(crowd, "error") == 55; }));
    // 30 seats were left under the total cap; the address cap of 50 does not bite first.
    CHECK(countHeard(crowd, "joined") == 30);
    CHECK(countHeard(crowd, "error", "too-many-connections") == 25);

    HostConfig perAddress = LoopbackHost::defaults();
    LoopbackHost p({}, perAddress);
    Swarm one(p.port);
    for (std::size_t i = 0; i < 53; ++i)
        one.add("127.0.9.10", joinText("same" + std::to_string(i)));
    one.start();
    REQUIRE(
        p.pumpUntil([&] { return countHeard(one, "joined") + countHeard(one, "error") == 53; }));
    CHECK(countHeard(one, "joined") == 50);
    CHECK(countHeard(one, "error", "too-many-connections") == 3);
}

namespace
{

/// 50 honest students and 20 that never read; the host skips through 199 questions with 1 KB
/// stems, so each deaf student is sent ~200 KB it never takes. Returns how many stay.
std::size_t deafStudentsLeft(std::size_t perStudentCap, std::size_t totalCap)
{
    HostConfig config = LoopbackHost::defaults();
    config.maxQueuedBytes = perStudentCap;
    config.maxTotalQueuedBytes = totalCap;
    core::ClassSettings settings;
    settings.closeWhenAllAnswered = false;
    std::vector<core::Question> questions = makeQuestions(200);
    for (core::Question& question : questions)
        question.stem = core::RichText::fromPlain(std::string(1000, 'x'));
    LoopbackHost h(questions, settings, config);
    Swarm honest(h.port);
    // They read everything but do not answer: 200 questions a second is no class, and 50
    // messages a second from one student count as a flood.
    seatHonest(h, honest, 50, false);
    Swarm deaf(h.port);
    for (std::size_t i = 0; i < 20; ++i)
        deaf.add(loopbackAddress(100 + i), joinText("deaf" + std::to_string(i)), false);
    deaf.start();
    REQUIRE(h.pumpUntil([&] { return h.server.getClassroom().countConnected() == 70; }));
    REQUIRE(h.server.command(core::HostCommand::Start, h.now) == core::ClassRefusal::None);
    // One question after another, as fast as honest students take them; every honest student
    // keeps up and sees each one.
    const auto allSaw = [&honest](int question)
    {
        const std::string mark =
            "\"type\":\"question\",\"question\":" + std::to_string(question) + ",";
        std::size_t saw = 0;
        for (std::size_t i = 0; i < honest.size(); ++i)
        {
            const std::lock_guard<std::mutex> lock(honest.at(i).mutex);
            const std::vector<std::string>& got = honest.at(i).received;
            // The question, or its ack just after it, is among the last messages.
            saw += std::any_of(got.size() > 3 ? got.end() - 3 : got.begin(), got.end(),
                               [&mark](const std::string& m)
                               { return m.find(mark) != std::string::npos; });
        }
        return saw == honest.size();
    };
    bool keptUp = true;
    for (int i = 1; i < 200 && keptUp; ++i)
    {
        REQUIRE(h.server.command(core::HostCommand::Skip, h.now) == core::ClassRefusal::None);
        keptUp = h.pumpUntil([&] { return allSaw(i); });
    }
    CHECK(keptUp);
    h.pumpUntil([&] { return h.server.getClassroom().countConnected() <= 52; });
    return h.server.getClassroom().countConnected() - 50;
}

} // namespace

TEST_CASE("Hostile: a student that stops reading is dropped at its queue cap", "[net][hostile]")
{
    CHECK(deafStudentsLeft(32 * 1024, 64 * 1024 * 1024) == 0);
}

TEST_CASE("Hostile: many students that stop reading are held to a total, not only each",
          "[net][hostile]")
{
    // Each alone stays under its own cap; together they pass the total, and the largest
    // queues go until it holds (a couple may remain, each under 128 KiB).
    CHECK(deafStudentsLeft(1024 * 1024, 256 * 1024) <= 2);
}

TEST_CASE("Hostile: join-and-leave churn and kicks free their seats", "[net][hostile]")
{
    core::ClassSettings settings;
    settings.maxPlayers = 60;
    LoopbackHost h(settings);
    Swarm honest(h.port);
    seatHonest(h, honest);
    for (int round = 0; round < 4; ++round)
    {
        Swarm churn(h.port);
        for (std::size_t i = 0; i < 50; ++i)
            churn.add(loopbackAddress(100 + i),
                      joinText("churn" + std::to_string(round) + "-" + std::to_string(i)));
        churn.start();
        REQUIRE(h.pumpUntil(
            [&] { return countHeard(churn, "joined") + countHeard(churn, "error") == 50; }));
        CHECK(countHeard(churn, "joined") == 10);              // ten seats were left
        CHECK(countHeard(churn, "error", "class-full") == 40); // told, not reset
        churn.stop();
        REQUIRE(h.pumpUntil([&] { return h.server.getClassroom().countConnected() == 50; }));
    }
    for (int i = 0; i < 10; ++i)
        (void)h.server.kick("honest" + std::to_string(i), h.now);
    REQUIRE(h.pumpUntil([&] { return h.server.getClassroom().countConnected() == 40; }));
    Swarm after(h.port);
    playHonestly(after);
    for (std::size_t i = 0; i < 20; ++i)
        after.add(loopbackAddress(200 + i), joinText("after" + std::to_string(i)));
    after.start();
    CHECK(h.pumpUntil([&] { return countHeard(after, "joined") == 20; }));
    CHECK(playQuestion(h, honest, 40));
}

TEST_CASE("Hostile: 400 arriving at once for 300 seats each join or hear the class is full",
          "[net][hostile]")
{
    core::ClassSettings settings;
    settings.maxPlayers = 300;
    LoopbackHost h(settings);
    Swarm rush(h.port);
    for (std::size_t i = 0; i < 400; ++i)
        rush.add(loopbackAddress(i), joinText("rush" + std::to_string(i)));
    rush.start();
    REQUIRE(
        h.pumpUntil([&] { return countHeard(rush, "joined") + countHeard(rush, "error") == 400; }));
    CHECK(countHeard(rush, "joined") == 300);
    CHECK(countHeard(rush, "error", "class-full") == 100);
}

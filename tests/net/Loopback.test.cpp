// A real host and real clients over 127.0.0.1 sockets, in one process, driven by one loop.
#include "Fixtures.hpp"
#include "net/Bot.hpp"
#include "net/HostServer.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <random>
#include <thread>

using namespace quiz;
using namespace quiz::net;
using namespace std::chrono_literals;
using std::chrono::milliseconds;

namespace
{

/// A host and its bots on loopback, with a clock and a loop that polls everyone.
class Room
{
public:
    explicit Room(int questions = 3, core::ClassSettings settings = {},
                  HostConfig config = HostConfig{})
    {
        config.bindAddress = sf::IpAddress::LocalHost;
        config.classCode = "K7Q2";
        m_host = std::make_unique<HostServer>(test::makeQuestions(questions), settings, config);
        REQUIRE(m_host->listen().empty());
    }

    milliseconds now() const
    {
        return std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() - m_start);
    }

    Bot& addBot(const std::string& name, std::vector<std::string> plan = {},
                const std::string& code = "K7Q2")
    {
        ClientConfig config;
        config.address = sf::IpAddress::LocalHost;
        config.port = m_host->getPort();
        config.classCode = code;
        config.nickname = name;
        m_bots.push_back(std::make_unique<Bot>(config, std::move(plan)));
        REQUIRE(m_bots.back()->connect(2000ms, now()).empty());
        return *m_bots.back();
    }

    /// Polls host and bots until `done` or 5 s; returns whether `done` became true.
    bool runUntil(const std::function<bool()>& done)
    {
        const milliseconds deadline = now() + 5000ms;
        while (now() < deadline)
        {
            m_host->poll(now());
            for (auto& event : m_host->takeEvents())
                m_events.push_back(event);
            for (auto& bot : m_bots)
                bot->poll(now());
            if (done())
                return true;
            std::this_thread::sleep_for(1ms);
        }
        return false;
    }

    void settle()
    {
        int rounds = 0;
        runUntil([&rounds] { return ++rounds > 30; });
    }

    void command(core::HostCommand c)
    {
        REQUIRE(m_host->command(c, now()) == core::ClassRefusal::None);
    }

    bool hasLog(const std::string& part) const
    {
        for (const HostEvent& e : m_events)
        {
            if (e.text.find(part) != std::string::npos)
                return true;
        }
        return false;
    }

    HostServer& host() { return *m_host; }
    const core::Classroom& classroom() { return m_host->getClassroom(); }
    std::vector<HostEvent>& events() { return m_events; }

private:
    std::chrono::steady_clock::time_point m_start = std::chrono::steady_clock::now();
    std::unique_ptr<HostServer> m_host;
    std::vector<std::unique_ptr<Bot>> m_bots;
    std::vector<HostEvent> m_events;
};

bool joined(const Bot& bot)
{
    return bot.getWelcome().has_value();
}

/// Class rules with a 60-second countdown per question.
core::ClassSettings withCountdown()
{
    core::ClassSettings settings;
    settings.timeLimit = 60000ms;
    return settings;
}

/// Seats one student who answers nothing, starts the class and waits for the first question.
Bot& seatAtFirstQuestion(Room& room, const std::string& name)
{
    Bot& bot = room.addBot(name, {"-"});
    REQUIRE(room.runUntil([&] { return joined(bot); }));
    room.command(core::HostCommand::Start);
    REQUIRE(room.runUntil([&] { return bot.countQuestionsSeen() == 1; }));
    return bot;
}

} // namespace

TEST_CASE("Loopback: a host and three bots play a whole game and the results match the answers",
          "[net][loopback]")
{
    Room room(4);
    Bot& ana = room.addBot("Ana", {"a", "b", "c", "d"}); // all right
    Bot& bo = room.addBot("Bo", {"b", "b", "a", "-"});   // one right, one silent
    Bot& cy = room.addBot("Cy");                         // always the first option
    REQUIRE(room.runUntil([&] { return joined(ana) && joined(bo) && joined(cy); }));
    REQUIRE(room.runUntil([&] { return room.classroom().countConnected() == 3; }));

    room.command(core::HostCommand::Start);
    for (int q = 0; q < 4; ++q)
    {
        if (q == 3) // Bo stays silent: the instructor reveals without waiting
            REQUIRE(room.runUntil([&] { return room.classroom().countAnswered() == 2; }));
        if (room.classroom().getPhase() == core::ClassPhase::Question)
        {
            if (q == 3)
                room.command(core::HostCommand::Reveal);
            else // everyone answered: the round closes by itself
                REQUIRE(room.runUntil(
                    [&] { return room.classroom().getPhase() == core::ClassPhase::Reveal; }));
        }
        REQUIRE(room.runUntil([&] { return ana.getReveals().size() == std::size_t(q + 1); }));
        room.command(core::HostCommand::Next); // leaderboard
        room.command(core::HostCommand::Next); // next question or the end
    }
    REQUIRE(room.runUntil([&] { return ana.isFinished() && bo.isFinished() && cy.isFinished(); }));

    const core::Classroom& c = room.classroom();
    for (int q = 0; q < 4; ++q)
    {
        const std::size_t p = c.findPlayer("Ana");
        CHECK(c.getPlayers()[p].answers[std::size_t(q)].optionIds == ana.getSent()[std::size_t(q)]);
    }
    CHECK(c.getPlayers()[c.findPlayer("Ana")].score == 4000);
    CHECK(c.getPlayers()[c.findPlayer("Bo")].score == 1000);
    CHECK(c.getPlayers()[c.findPlayer("Cy")].score == 1000);
    CHECK(ana.getEnd()->you.rank == 1);
    CHECK(ana.getEnd()->standings.size() == 3);
    CHECK(bo.getEnd()->you.score == 1000);
    // What each student was told at each reveal agrees with what the bots answered.
    CHECK(bo.getReveals()[1].correct);
    CHECK_FALSE(bo.getReveals()[0].correct);
    CHECK_FALSE(bo.getReveals()[3].answered);
    CHECK(ana.getReveals()[2].distribution ==
          std::vector<OptionCount>{{"a", 2}, {"b", 0}, {"c", 1}, {"d", 0}});
    CHECK(ana.getReveals()[2].rationales.size() == 4);
    CHECK(ana.getAcks().size() == 4);
    for (const Ack& ack : ana.getAcks())
        CHECK(ack.accepted);
}

TEST_CASE("Loopback: students get no live answer counts, only their own ack", "[net][loopback]")
{
    Room room(1);
    Bot& ana = room.addBot("Ana");
    Bot& bo = room.addBot("Bo", {"-"});
    Bot& cy = room.addBot("Cy", {"-"});
    REQUIRE(room.runUntil([&] { return room.classroom().countConnected() == 3; }));
    room.command(core::HostCommand::Start);
    REQUIRE(room.runUntil([&] { return room.classroom().countAnswered() == 1; }));
    room.settle();
    // Bo saw the question and nothing since: Ana's answer was not broadcast.
    REQUIRE_FALSE(bo.getLog().empty());
    CHECK(std::holds_alternative<QuestionShow>(bo.getLog().back()));
    CHECK(std::holds_alternative<Ack>(ana.getLog().back()));
    bool hostSawCount = false;
    for (const HostEvent& e : room.events())
        hostSawCount |=
            e.kind == HostEvent::Kind::AnswerCount && e.answered == 1 && e.connected == 3;
    CHECK(hostSawCount);
    (void)cy;
}

TEST_CASE("Loopback: a client killed mid-question rejoins and gets its score back",
          "[net][loopback][rejoin]")
{
    Room room(3);
    Bot& ana = room.addBot("Ana", {"a", "b", "c"});
    Bot& bo = room.addBot("Bo", {"a", "b", "c"});
    REQUIRE(room.runUntil([&] { return room.classroom().countConnected() == 2; }));
    room.command(core::HostCommand::Start);
    REQUIRE(room.runUntil([&] { return bo.getReveals().size() == 1; }));
    room.command(core::HostCommand::Next);
    room.command(core::HostCommand::Next);
    bo.setHolding(true);
    REQUIRE(room.runUntil([&] { return bo.countQuestionsSeen() == 2; }));
    // Bo's program dies before answering question 2.
    bo.getClient().close("killed");
    REQUIRE(room.runUntil([&] { return room.classroom().countConnected() == 1; }));
    CHECK(room.hasLog("dropped Bo"));
    // Ana answered: with Bo gone, the round closes without waiting for him.
    REQUIRE(room.runUntil([&] { return room.classroom().getPhase() == core::ClassPhase::Reveal; }));
    ana.setHolding(true); // keeps question 3 open until Bo is back
    room.command(core::HostCommand::Next);
    room.command(core::HostCommand::Next);

    Bot& back = room.addBot("Bo", {"a", "b", "c"});
    REQUIRE(room.runUntil([&] { return joined(back); }));
    CHECK(back.getWelcome()->rejoined);
    CHECK(back.getWelcome()->score == 1000);
    // He plays the current question and the class finishes with his earlier score kept.
    REQUIRE(room.runUntil([&] { return room.classroom().countAnswered() == 1; }));
    ana.setHolding(false);
    REQUIRE(room.runUntil([&] { return room.classroom().getPhase() == core::ClassPhase::Reveal; }));
    room.command(core::HostCommand::Next);
    room.command(core::HostCommand::Next);
    REQUIRE(room.runUntil([&] { return back.isFinished() && ana.isFinished(); }));
    CHECK(back.getEnd()->you.score == 2000);
    CHECK(ana.getEnd()->you.score == 3000);
}

TEST_CASE("Loopback: a client sending garbage is dropped and the class goes on",
          "[net][loopback][hostile]")
{
    Room room(1);
    Bot& ana = room.addBot("Ana");
    Bot& evil = room.addBot("Evil");
    REQUIRE(room.runUntil([&] { return room.classroom().countConnected() == 2; }));
    SECTION("random bytes")
    {
        evil.getClient().sendRaw({0x00, 0x00, 0x00, 0x05, 0x01, 0x06, 0xFF, 0xFF, 0xFF});
    }
    SECTION("a huge declared length")
    {
        evil.getClient().sendRaw({0x7F, 0xFF, 0xFF, 0xFF});
    }
    SECTION("a line of text")
    {
        const std::string line = "{\"answer\": 1}\n";
        evil.getClient().sendRaw(std::vector<std::uint8_t>(line.begin(), line.end()));
    }
    SECTION("a host command")
    {
        evil.getClient().sendRaw(encode(Control{"end"}));
    }
    SECTION("a message only the host sends")
    {
        evil.getClient().sendRaw(encode(End{}));
    }
    SECTION("a second hello")
    {
        evil.getClient().sendRaw(encode(Hello{kProtocolVersion, "K7Q2", "Other"}));
    }
    REQUIRE(room.runUntil([&] { return room.classroom().countConnected() == 1; }));
    CHECK(room.hasLog("dropped Evil"));
    CHECK(room.classroom().getPhase() == core::ClassPhase::Lobby);
    room.command(core::HostCommand::Start);
    REQUIRE(room.runUntil([&] { return ana.getReveals().size() == 1; }));
    CHECK(room.host().countConnections() == 1);
}

TEST_CASE("Loopback: a late joiner plays from the current question", "[net][loopback]")
{
    Room room(2);
    Bot& ana = room.addBot("Ana", {"-", "b"});
    REQUIRE(room.runUntil([&] { return joined(ana); }));
    room.command(core::HostCommand::Start);
    REQUIRE(room.runUntil([&] { return ana.countQuestionsSeen() == 1; }));
    Bot& late = room.addBot("Late", {"a", "b"});
    REQUIRE(room.runUntil([&] { return late.countQuestionsSeen() == 1; }));
    CHECK(late.getWelcome()->phase == WirePhase::Question);
    REQUIRE(room.runUntil([&] { return room.classroom().countAnswered() == 1; }));
    room.command(core::HostCommand::Reveal);
    REQUIRE(room.runUntil([&] { return late.getReveals().size() == 1; }));
    CHECK(late.getReveals()[0].correct);
    CHECK(late.getReveals()[0].score == 1000);
}

TEST_CASE("Loopback: wrong code, duplicate nickname and wrong version are refused",
          "[net][loopback][hostile]")
{
    Room room(1);
    Bot& ana = room.addBot("Ana");
    REQUIRE(room.runUntil([&] { return joined(ana); }));
    Bot& wrongCode = room.addBot("Bo", {}, "NOPE");
    Bot& duplicate = room.addBot("ana");
    REQUIRE(room.runUntil([&] { return wrongCode.getRefuse() && duplicate.getRefuse(); }));
    CHECK(wrongCode.getRefuse()->reason == Reason::WrongClassCode);
    CHECK(duplicate.getRefuse()->reason == Reason::DuplicateNickname);
    REQUIRE(room.runUntil([&] { return !duplicate.getClient().isConnected(); }));

    Bot& old = room.addBot("Old");
    std::vector<std::uint8_t> future = encode(Ping{1, true});
    future[kHeaderBytes] = kProtocolVersion + 1;
    // The hello already went out in version 1, so speak a future version afterwards: dropped.
    old.getClient().sendRaw(future);
    REQUIRE(room.runUntil([&] { return !old.getClient().isConnected(); }));
    CHECK(room.classroom().countConnected() == 1);
}

TEST_CASE("Loopback: answers outside the answer phase or with unknown options are refused",
          "[net][loopback][validation]")
{
    Room room(2);
    Bot& ana = room.addBot("Ana", {"-", "-"});
    Bot& bo = room.addBot("Bo", {"-", "-"});
    REQUIRE(room.runUntil([&] { return room.classroom().countConnected() == 2; }));
    ana.getClient().sendAnswer(0, {"a"}); // still in the lobby
    REQUIRE(room.runUntil([&] { return ana.getAcks().size() == 1; }));
    CHECK_FALSE(ana.getAcks()[0].accepted);
    CHECK(ana.getAcks()[0].reason == Reason::NotAnswerPhase);
    room.command(core::HostCommand::Start);
    REQUIRE(room.runUntil([&] { return ana.countQuestionsSeen() == 1; }));
    ana.getClient().sendAnswer(0, {"zz"});
    ana.getClient().sendAnswer(1, {"a"});
    REQUIRE(room.runUntil([&] { return ana.getAcks().size() == 3; }));
    CHECK(ana.getAcks()[1].reason == Reason::UnknownOption);
    CHECK(ana.getAcks()[2].reason == Reason::WrongQuestion);
    CHECK(room.classroom().countAnswered() == 0);
    // Refused answers are not a reason to drop a student.
    CHECK(ana.getClient().isConnected());
    (void)bo;
}

TEST_CASE("Loopback: a kicked student is told, disconnected and cannot rejoin", "[net][loopback]")
{
    Room room(1);
    Bot& ana = room.addBot("Ana");
    Bot& rude = room.addBot("Rude");
    REQUIRE(room.runUntil([&] { return room.classroom().countConnected() == 2; }));
    REQUIRE(room.host().kick("rude", room.now()) == core::ClassRefusal::None);
    REQUIRE(room.runUntil([&] { return !rude.getClient().isConnected(); }));
    CHECK(rude.getClient().getCloseReason().find("removed") != std::string::npos);
    Bot& again = room.addBot("Rude");
    REQUIRE(room.runUntil([&] { return again.getRefuse().has_value(); }));
    CHECK(again.getRefuse()->reason == Reason::Kicked);
    (void)ana;
}

TEST_CASE("Loopback: a connection that never says hello, or a student gone silent, is dropped",
          "[net][loopback][hostile]")
{
    HostConfig config;
    config.helloTimeout = 200ms;
    config.silenceTimeout = 400ms;
    config.pingInterval = 100ms;
    Room room(1, {}, config);
    Bot& ana = room.addBot("Ana");
    REQUIRE(room.runUntil([&] { return joined(ana); }));
    // A raw socket that connects and then says nothing at all.
    sf::TcpSocket mute;
    REQUIRE(mute.connect(sf::IpAddress::LocalHost, room.host().getPort(), sf::seconds(2)) ==
            sf::Socket::Done);
    REQUIRE(room.runUntil([&] { return room.host().countConnections() == 2; }));
    REQUIRE(room.runUntil([&] { return room.hasLog("no hello in time"); }));
    // Ana answers the host's pings by herself, so she stays while the mute one goes.
    room.settle();
    CHECK(room.classroom().countConnected() == 1);
    CHECK(room.host().countConnections() == 1);
}

TEST_CASE("Loopback: a joined student that stops reading and replying is dropped",
          "[net][loopback][hostile]")
{
    HostConfig config;
    config.silenceTimeout = 300ms;
    config.pingInterval = 100ms;
    Room room(1, {}, config);
    Bot& ana = room.addBot("Ana");
    REQUIRE(room.runUntil([&] { return room.classroom().countConnected() == 1; }));
    // A hand-made student that joins and then never replies to a ping.
    sf::TcpSocket frozen;
    REQUIRE(frozen.connect(sf::IpAddress::LocalHost, room.host().getPort(), sf::seconds(2)) ==
            sf::Socket::Done);
    const std::vector<std::uint8_t> hello = encode(Hello{kProtocolVersion, "K7Q2", "Frozen"});
    REQUIRE(frozen.send(hello.data(), hello.size()) == sf::Socket::Done);
    REQUIRE(room.runUntil([&] { return room.classroom().countConnected() == 2; }));
    REQUIRE(room.runUntil([&] { return room.hasLog("dropped Frozen: silent for"); }));
    CHECK(room.classroom().countConnected() == 1);
    CHECK(ana.getClient().isConnected());
}

TEST_CASE("Loopback: a student joining mid-countdown is sent the time left, not the full limit",
          "[net][loopback]")
{
    Room room(1, withCountdown());
    Bot& ana = seatAtFirstQuestion(room, "Ana");
    CHECK(ana.getClient().getQuestion()->timeLimitMs == 60000);
    std::this_thread::sleep_for(100ms);
    Bot& late = room.addBot("Late", {"-"});
    REQUIRE(room.runUntil([&] { return late.countQuestionsSeen() == 1; }));
    CHECK(late.getClient().getQuestion()->timeLimitMs == 60000);
    CHECK(late.getClient().getQuestion()->timeLeftMs <= 59900);
    CHECK(late.getClient().getQuestion()->timeLeftMs > 50000);
}

TEST_CASE("Loopback: a storm of random bytes from many connections leaves the class playing",
          "[net][loopback][hostile]")
{
    // Short timeouts: junk that looks like the start of a long frame is ended by them.
    HostConfig config;
    config.helloTimeout = 500ms;
    config.silenceTimeout = 1000ms;
    config.pingInterval = 200ms;
    Room room(1, {}, config);
    Bot& ana = room.addBot("Ana", {"-"});
    REQUIRE(room.runUntil([&] { return joined(ana); }));
    std::mt19937 random(12345);
    std::vector<std::unique_ptr<sf::TcpSocket>> attackers;
    for (int i = 0; i < 40; ++i)
    {
        auto socket = std::make_unique<sf::TcpSocket>();
        REQUIRE(socket->connect(sf::IpAddress::LocalHost, room.host().getPort(), sf::seconds(2)) ==
                sf::Socket::Done);
        std::vector<std::uint8_t> bytes;
        // Half start with a valid hello so the junk reaches the joined-student path too.
        if (i % 2 == 0)
            bytes = encode(Hello{kProtocolVersion, "K7Q2", "x" + std::to_string(i)});
        const std::size_t length = 1 + random() % 600;
        for (std::size_t k = 0; k < length; ++k)
            bytes.push_back(static_cast<std::uint8_t>(random()));
        (void)socket->send(bytes.data(), bytes.size());
        attackers.push_back(std::move(socket));
    }
    // Every attacker ends up dropped (or idle and harmless); Ana is still in and can play.
    REQUIRE(room.runUntil([&] { return room.classroom().countConnected() == 1; }));
    room.command(core::HostCommand::Start);
    REQUIRE(room.runUntil([&] { return ana.countQuestionsSeen() == 1; }));
    ana.getClient().sendAnswer(0, {"a"});
    REQUIRE(room.runUntil([&] { return room.classroom().getPhase() == core::ClassPhase::Reveal; }));
    CHECK(ana.getClient().isConnected());
}

TEST_CASE("Loopback: students are told when the instructor pauses and resumes, late joiners too",
          "[net][loopback]")
{
    Room room(1, withCountdown());
    Bot& ana = seatAtFirstQuestion(room, "Ana");
    const auto pauses = [](const Bot& bot)
    {
        std::vector<Pause> found;
        for (const Message& message : bot.getLog())
        {
            if (const Pause* pause = std::get_if<Pause>(&message))
                found.push_back(*pause);
        }
        return found;
    };
    room.command(core::HostCommand::Pause);
    REQUIRE(room.runUntil([&] { return pauses(ana).size() == 1; }));
    CHECK(pauses(ana)[0].paused);
    CHECK(pauses(ana)[0].timeLeftMs > 50000);
    CHECK(pauses(ana)[0].timeLeftMs <= 60000);

    // Someone joining now sees the question and that it is paused.
    Bot& late = room.addBot("Late", {"-"});
    REQUIRE(room.runUntil([&] { return late.countQuestionsSeen() == 1 && !pauses(late).empty(); }));
    CHECK(pauses(late)[0].paused);

    room.command(core::HostCommand::Resume);
    REQUIRE(room.runUntil([&] { return pauses(ana).size() == 2 && pauses(late).size() == 2; }));
    CHECK_FALSE(pauses(ana)[1].paused);
    CHECK_FALSE(pauses(late)[1].paused);
}

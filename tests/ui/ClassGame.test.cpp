// The class screens' model driven over loopback: a live ClassGame with bot students and a
// StudentState seat, polled as the game loop does. No display needed.
#include "ui/ClassGame.hpp"

#include "net/Bot.hpp"
#include "net/Fixtures.hpp"

#include <catch2/catch.hpp>

#include <memory>
#include <thread>

using namespace quiz;
using namespace std::chrono_literals;

namespace
{

/// Polls host, bots and student in 1 ms steps until `done` or 3 s of steps have passed.
template <typename Done>
bool pump(ui::ClassGame& game, std::vector<std::unique_ptr<net::Bot>>& bots,
          ui::StudentState& student, std::chrono::milliseconds& now, Done done)
{
    for (int step = 0; step < 3000; ++step)
    {
        game.advance(1ms);
        now += 1ms;
        for (auto& bot : bots)
            bot->poll(now);
        student.advance(1ms);
        if (done())
            return true;
        // The sockets run on real threads: give them real time as the injected clock moves.
        std::this_thread::sleep_for(1ms);
    }
    return false;
}

} // namespace

TEST_CASE("ClassGame: a live class with bots and a student seat plays to the end",
          "[ui][class][net]")
{
    core::ClassSettings settings;
    settings.closeWhenAllAnswered = false;
    net::HostConfig config;
    config.bindAddress = "127.0.0.1";
    config.port = 0;
    config.classCode = "ABCD";
    auto server = std::make_unique<net::HostServer>(net::test::makeQuestions(2), settings, config);
    REQUIRE(server->listen().isOk());
    const unsigned short port = server->getPort();
    ui::ClassGame game(std::move(server), "127.0.0.1:" + std::to_string(port), "ABCD");
    REQUIRE(game.isLive());

    std::chrono::milliseconds now{0};
    std::vector<std::unique_ptr<net::Bot>> bots;
    for (const char* name : {"bot-right", "bot-wrong"})
    {
        net::ClientConfig client;
        client.port = port;
        client.classCode = "ABCD";
        client.nickname = name;
        const bool right = std::string(name) == "bot-right";
        bots.push_back(std::make_unique<net::Bot>(
            client, std::vector<std::string>{right ? "a" : "c", right ? "b" : "d"}));
        REQUIRE(bots.back()->connect(1000ms, now).empty());
    }
    ui::StudentState student;
    student.config.port = port;
    student.config.classCode = "ABCD";
    student.config.nickname = "Eun-ji";
    REQUIRE(student.connect(1000ms).empty());

    REQUIRE(pump(game, bots, student, now,
                 [&] { return game.getClassroom().countConnected() == 3 && student.welcome; }));
    REQUIRE(game.command(core::HostCommand::Start) == core::ClassRefusal::None);
    REQUIRE(pump(game, bots, student, now, [&] { return student.question.has_value(); }));
    CHECK(student.question->options.size() == 4);
    student.picked = {"a"};
    student.sendAnswer();
    REQUIRE(pump(game, bots, student, now,
                 [&] { return game.getClassroom().countAnswered() == 3 && student.ack; }));
    CHECK(student.ack->accepted);
    REQUIRE(game.command(core::HostCommand::Reveal) == core::ClassRefusal::None);
    REQUIRE(pump(game, bots, student, now, [&] { return student.reveal.has_value(); }));
    CHECK(student.reveal->you.correct);
    CHECK(game.getDistribution() == std::vector<std::size_t>{2, 0, 1, 0});

    // The student drops and rejoins (with the token the host gave) with the score kept.
    student.client->close("lid closed");
    REQUIRE(
        pump(game, bots, student, now, [&] { return game.getClassroom().countConnected() == 2; }));
    student.welcome.reset();
    REQUIRE(student.connect(1000ms).empty());
    REQUIRE(pump(game, bots, student, now, [&] { return student.welcome.has_value(); }));
    CHECK(student.welcome->rejoined);
    CHECK(student.welcome->score > 0);

    // A student may not pace the class, and an answer for a closed round is refused.
    REQUIRE(game.command(core::HostCommand::Next) == core::ClassRefusal::None);
    REQUIRE(game.command(core::HostCommand::End) == core::ClassRefusal::None);
    REQUIRE(pump(game, bots, student, now, [&] { return student.end.has_value(); }));
    CHECK(student.end->you.of == 3);
    CHECK(game.getClassroom().getPhase() == core::ClassPhase::Finished);
    const std::string csv = game.formatCsv();
    CHECK(csv.find("player,1,") != std::string::npos);
    CHECK(csv.find("Eun-ji") != std::string::npos);
}

TEST_CASE("ClassGame: projector teams answer from the host and hands add to the chart",
          "[ui][class]")
{
    core::ClassSettings settings;
    settings.closeWhenAllAnswered = false;
    ui::ClassGame game(net::test::makeQuestions(2), settings, {"Red", "Blue", "Red"});
    // Duplicate names are refused by the rules, so only two teams play.
    REQUIRE(game.getClassroom().getPlayers().size() == 2);
    CHECK_FALSE(game.isLive());
    game.adjustHands(0, 1); // not answering yet: ignored
    REQUIRE(game.command(core::HostCommand::Start) == core::ClassRefusal::None);
    CHECK(game.answer(0, {"a"}) == core::ClassRefusal::None);
    CHECK(game.answer(0, {"b"}) == core::ClassRefusal::AlreadyAnswered);
    CHECK(game.answer(1, {"z"}) == core::ClassRefusal::UnknownOption);
    game.adjustHands(1, 1);
    game.adjustHands(1, 1);
    // Nothing closes the round by itself: the instructor reveals.
    game.advance(60000ms);
    CHECK(game.getClassroom().getPhase() == core::ClassPhase::Question);
    REQUIRE(game.command(core::HostCommand::Reveal) == core::ClassRefusal::None);
    CHECK(game.getDistribution() == std::vector<std::size_t>{1, 2, 0, 0});
    CHECK(game.formatCsv().find("hands,,,,,1,q1,Question 1?,B,Option b,,distractor,,,2") !=
          std::string::npos);
}

TEST_CASE("StudentState: joining connects in the background and reports once how it ended",
          "[ui][class][net]")
{
    core::ClassSettings settings;
    unsigned short port = 0;
    {
        net::HostConfig config;
        config.bindAddress = "127.0.0.1";
        config.port = 0;
        config.classCode = "ABCD";
        auto server =
            std::make_unique<net::HostServer>(net::test::makeQuestions(1), settings, config);
        REQUIRE(server->listen().isOk());
        port = server->getPort();
        ui::ClassGame game(std::move(server), "127.0.0.1", "ABCD");

        ui::StudentState student;
        student.config.port = port;
        student.config.classCode = "ABCD";
        student.config.nickname = "Eun-ji";
        CHECK_FALSE(student.finishConnect().has_value()); // nothing started
        student.startConnect(2000ms);
        // While it runs, the seat reads as not connected and polling it is harmless.
        student.advance(1ms);
        std::vector<std::unique_ptr<net::Bot>> noBots;
        std::chrono::milliseconds now{0};
        // advance() ends the attempt itself once it is over, as the student screen relies on.
        const bool welcomed =
            pump(game, noBots, student, now, [&] { return student.welcome.has_value(); });
        INFO("problem: " << student.problem);
        REQUIRE(welcomed);
        CHECK(student.problem.empty());
        CHECK(student.isConnected());
        CHECK_FALSE(student.isConnecting());
        CHECK_FALSE(student.finishConnect().has_value()); // already reported
    }

    // The host has closed and nobody listens on the port: the attempt ends with a message.
    ui::StudentState late;
    late.config.port = port;
    late.config.nickname = "late";
    late.startConnect(2000ms);
    for (int i = 0; i < 3000 && late.isConnecting(); ++i)
        std::this_thread::sleep_for(1ms);
    const std::optional<std::string> refused = late.finishConnect();
    REQUIRE(refused.has_value());
    CHECK(refused->find("cannot reach the class") != std::string::npos);
    CHECK(late.problem == *refused);
    CHECK_FALSE(late.isConnected());
}

TEST_CASE("StudentState: starting to connect returns at once even to an unreachable address",
          "[ui][class][net]")
{
    ui::StudentState student;
    student.config.address = sf::IpAddress(10, 255, 255, 1); // routed nowhere: connect waits
    student.config.port = 47100;
    student.config.nickname = "Eun-ji";
    const auto started = std::chrono::steady_clock::now();
    student.startConnect(1500ms);
    const auto returned = std::chrono::steady_clock::now();
    // The caller (the window's frame) is not held up by the connection attempt.
    CHECK(returned - started < 500ms);
    CHECK_FALSE(student.isConnected());
    // Leaving the seat while it connects is safe: the thread keeps what it uses.
}

TEST_CASE("StudentState: a pause holds the question until the instructor goes on", "[ui][class]")
{
    ui::StudentState student;
    net::QuestionShow show;
    show.index = 0;
    show.total = 2;
    show.options = {{"a", "A", {}}, {"b", "B", {}}};
    student.apply(show);
    CHECK_FALSE(student.paused);
    student.apply(net::Pause{0, 9000});
    CHECK(student.paused);
    // An answer that raced the pause was refused; resuming lets the student send it again.
    student.apply(net::Ack{0, false, net::Reason::Paused, ""});
    student.apply(net::Resume{0, 9000});
    CHECK_FALSE(student.paused);
    CHECK_FALSE(student.ack.has_value());
    // A new question or the reveal is never paused.
    student.apply(net::Pause{0, 0});
    student.apply(net::Reveal{});
    CHECK_FALSE(student.paused);
    student.apply(net::Pause{0, 0});
    show.index = 1;
    student.apply(show);
    CHECK_FALSE(student.paused);
}

TEST_CASE("StudentState: typed answers go out as a value, an order or matches, and a new "
          "question clears what was typed",
          "[ui][class][steps]")
{
    ui::StudentState student;
    net::QuestionShow show;
    show.index = 3;
    show.kind = net::QuestionKind::Ordering;
    show.items = std::vector<net::WireOption>{{"A", "A", {}}, {"B", "B", {}}, {"C", "C", {}}};
    student.apply(show);
    CHECK(student.isTypedQuestion());
    student.typed = "C A,B";
    net::Answer answer = student.makeAnswer();
    CHECK(answer.index == 3);
    CHECK(answer.optionIds.empty());
    CHECK(answer.order == std::optional<std::vector<std::string>>({"C", "A", "B"}));
    CHECK(student.typedProblem().empty());
    // The host would close the connection on an item twice: it is never sent.
    student.typed = "CAC";
    CHECK(student.typedProblem() == "Each letter once: C is there twice.");

    show.index = 4;
    show.kind = net::QuestionKind::Matching;
    show.items.reset();
    show.prompts = std::vector<net::WireOption>{{"1", "1", {}}, {"2", "2", {}}};
    show.choices = std::vector<net::WireOption>{{"A", "A", {}}, {"B", "B", {}}};
    student.apply(show);
    CHECK(student.typed.empty());
    student.typed = "BB"; // two prompts may take the same answer
    answer = student.makeAnswer();
    REQUIRE(answer.matches);
    CHECK(*answer.matches == std::vector<net::WireMatch>{{"1", "B"}, {"2", "B"}});
    CHECK(student.typedProblem().empty());

    show.index = 5;
    show.kind = net::QuestionKind::Numeric;
    show.prompts.reset();
    show.choices.reset();
    student.apply(show);
    student.typed = "12,5";
    CHECK(student.makeAnswer().value == std::optional<std::string>("12,5"));
    show.index = 6;
    show.kind = net::QuestionKind::Single;
    student.apply(show);
    CHECK_FALSE(student.isTypedQuestion());
    student.picked = {"b"};
    CHECK(student.makeAnswer().optionIds == std::vector<std::string>{"b"});
    CHECK_FALSE(student.makeAnswer().value);
}

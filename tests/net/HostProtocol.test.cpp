// The host's protocol rules on injected time: no sockets, no sleeps, exact bounds.
#include "core/pack/PackLoader.hpp"
#include "net/HostHarness.hpp"
#include "net/HostMessages.hpp"
#include "support/DosePack.hpp"

#include <algorithm>

using namespace quiz;
using namespace quiz::net;
using namespace quiz::net::test;
using namespace std::chrono_literals;

TEST_CASE("HostProtocol: a join gets a secret token, the lobby list, then only changes",
          "[net][host]")
{
    HostHarness h;
    const std::string token = h.join(1, "Ana", 0ms);
    CHECK(token == "token-1");
    const Welcome* welcome = h.last<Welcome>(1);
    CHECK(welcome->title == "Test class");
    CHECK(welcome->questions == 3);
    CHECK(welcome->phase == WirePhase::Lobby);
    const Lobby* reset = h.last<Lobby>(1);
    REQUIRE(reset != nullptr);
    CHECK(reset->reset);
    CHECK(reset->joined == std::vector<std::string>{"Ana"});

    h.tick(0ms); // Ana's reset list already holds everything: no change is sent to her
    CHECK(h.count<Lobby>(1) == 1);
    h.join(2, "Bo", 10ms);
    h.join(3, "Cy", 20ms);
    h.say(3, Leave{}, 30ms);
    CHECK(h.isClosed(3));
    // Changes go out in batches at most every lobby interval (200 ms).
    h.tick(199ms);
    CHECK(h.count<Lobby>(1) == 1);
    h.tick(200ms);
    CHECK(h.count<Lobby>(1) == 2);
    const Lobby* change = h.last<Lobby>(1);
    CHECK_FALSE(change->reset);
    CHECK(change->joined == std::vector<std::string>{"Bo", "Cy"});
    CHECK(change->left == std::vector<std::string>{"Cy"});
    CHECK(change->playerCount == 2);
    // Bo's reset list already held Ana and Bo: he hears only what came after it.
    const Lobby* bo = h.last<Lobby>(2);
    CHECK(bo->joined == std::vector<std::string>{"Cy"});
    const std::size_t before = h.count<Lobby>(1);
    h.tick(500ms);
    CHECK(h.count<Lobby>(1) == before); // nothing changed, nothing sent
}

TEST_CASE("HostProtocol: the lobby of 250 students costs each a list once, then changes",
          "[net][host]")
{
    HostHarness h;
    for (ConnectionId id = 1; id <= 250; ++id)
    {
        h.join(id, "student" + std::to_string(id), std::chrono::milliseconds(id));
        h.tick(std::chrono::milliseconds(id) * 4); // a lobby batch every 200 ms or so
    }
    h.tick(2000ms);
    // A full list every batch would be ~250 names x 5 a second to each; changes cost far less.
    std::size_t total = 0;
    for (const auto& [id, sent] : h.bytes)
        total += sent;
    CHECK(total < 250U * 6000U);
    const Lobby* first = h.last<Lobby>(1);
    REQUIRE(first != nullptr);
    CHECK(first->playerCount == 250);
    CHECK(first->joined.size() <= 20);
}

TEST_CASE("HostProtocol: no join within the hello timeout drops the connection", "[net][host]")
{
    HostHarness h;
    h.open(1, 0ms);
    h.tick(5000ms);
    CHECK_FALSE(h.isClosed(1));
    h.tick(5001ms);
    CHECK(h.refusal(1) == Reason::Timeout);
    CHECK(h.isClosed(1));
    CHECK(h.host.countConnections() == 0);
}

TEST_CASE("HostProtocol: a joined student is pinged and dropped after 10 s of silence",
          "[net][host]")
{
    HostHarness h;
    h.join(1, "Ana", 0ms);
    h.join(2, "Bo", 0ms);
    h.tick(2000ms);
    const Ping* ping = h.last<Ping>(1);
    REQUIRE(ping != nullptr);
    h.say(2, Pong{ping->id}, 9000ms); // Bo answers, Ana stays silent
    h.tick(10000ms);
    CHECK_FALSE(h.isClosed(1));
    h.tick(10001ms);
    CHECK(h.refusal(1) == Reason::Timeout);
    CHECK_FALSE(h.isClosed(2));
    CHECK(h.host.getClassroom().countConnected() == 1);
    // A student's own ping is answered.
    h.say(2, Ping{77}, 10002ms);
    REQUIRE(h.last<Pong>(2) != nullptr);
    CHECK(h.last<Pong>(2)->id == 77);
}

TEST_CASE("HostProtocol: messages out of order or malformed drop only their sender", "[net][host]")
{
    HostHarness h;
    h.join(9, "Honest", 0ms);
    h.open(1, 0ms);
    h.say(1, Answer{0, {"a"}}, 1ms);
    CHECK(h.refusal(1) == Reason::OutOfOrder);
    h.join(2, "Twice", 1ms);
    h.say(2, Join{kProtocolVersion, "K7QX9M", "Again"}, 2ms);
    CHECK(h.refusal(2) == Reason::OutOfOrder);
    h.open(3, 0ms);
    DecodeResult bad;
    bad.error = Reason::BadMessage;
    bad.detail = "not JSON";
    h.host.receive(3, bad, 3ms);
    h.collect();
    CHECK(h.refusal(3) == Reason::BadMessage);
    h.open(4, 0ms);
    h.say(4, Join{2, "K7QX9M", "Old"}, 3ms);
    CHECK(h.refusal(4) == Reason::WrongVersion);
    CHECK(h.host.getClassroom().countConnected() == 1);
    CHECK_FALSE(h.isClosed(9));
}

TEST_CASE("HostProtocol: wrong codes are limited per address and logged once", "[net][host]")
{
    HostHarness h;
    ConnectionId id = 1;
    for (int i = 0; i < 5; ++i, ++id)
    {
        h.open(id, 0ms, "10.0.0.66");
        h.say(id, Join{kProtocolVersion, "WRONG" + std::to_string(i), "Guess"}, 1ms);
        CHECK(h.refusal(id) == Reason::WrongCode);
    }
    // Past the limit even the right code is refused from that address, for a minute.
    for (int i = 0; i < 20; ++i, ++id)
    {
        h.open(id, 0ms, "10.0.0.66");
        h.say(id, Join{kProtocolVersion, i == 0 ? "WRONG" : "K7QX9M", "Guess"}, 2ms);
        CHECK(h.refusal(id) == (i == 0 ? Reason::WrongCode : Reason::TooManyTries));
    }
    std::size_t logs = 0;
    for (const HostEvent& event : h.events)
        logs += event.kind == HostEvent::Kind::Log ? 1 : 0;
    CHECK(logs == 2); // the first wrong code and the limit, not 25 lines
    // Another address is not affected, and the limit passes with the window.
    h.join(100, "Ana", 3ms, "10.0.0.7");
    h.open(101, 60001ms, "10.0.0.66");
    h.say(101, Join{kProtocolVersion, "K7QX9M", "Guess"}, 60001ms);
    CHECK(h.last<Welcome>(101) != nullptr);
}

TEST_CASE("HostProtocol: the class code is accepted in any letter case and with spaces",
          "[net][host]")
{
    HostHarness h; // the class code is K7QX9M
    ConnectionId id = 1;
    for (const char* typed : {"K7QX9M", "k7qx9m", "K7qx9M", " k7qx 9m "})
    {
        h.open(id, 0ms, "10.0.0." + std::to_string(id));
        h.say(id, Join{kProtocolVersion, typed, "Student" + std::to_string(id)}, 1ms);
        INFO(typed);
        CHECK(h.last<Welcome>(id) != nullptr);
        ++id;
    }
    h.open(id, 0ms, "10.0.0.99");
    h.say(id, Join{kProtocolVersion, "k7qx9n", "Wrong"}, 1ms);
    CHECK(h.refusal(id) == Reason::WrongCode);
}

TEST_CASE("HostProtocol: rejoining needs the secret token, not the nickname", "[net][host]")
{
    core::ClassSettings settings;
    settings.closeWhenAllAnswered = false;
    HostHarness h(settings);
    const std::string token = h.join(1, "Ana", 0ms);
    h.join(2, "Bo", 0ms);
    REQUIRE(h.host.command(core::HostCommand::Start, 10ms) == core::ClassRefusal::None);
    h.collect();
    h.say(1, Answer{0, {"a"}}, 20ms);
    REQUIRE(h.last<Ack>(1)->accepted);
    h.host.closed(1, Reason::None, 30ms); // Ana's Wi-Fi drops
    h.collect();
    // Someone else with the code and her nickname gets nothing.
    h.open(3, 40ms, "10.0.0.9");
    h.say(3, Join{kProtocolVersion, "K7QX9M", "ana"}, 40ms);
    CHECK(h.refusal(3) == Reason::NicknameTaken);
    h.open(4, 40ms, "10.0.0.9");
    h.say(4, Rejoin{kProtocolVersion, "K7QX9M", "token-2x"}, 40ms);
    CHECK(h.refusal(4) == Reason::BadToken);
    // Ana comes back with her token: same seat, her answer kept and shown.
    h.open(5, 50ms);
    h.say(5, Rejoin{kProtocolVersion, "K7QX9M", token}, 50ms);
    const Welcome* back = h.last<Welcome>(5);
    REQUIRE(back != nullptr);
    CHECK(back->rejoined);
    CHECK(back->nickname == "Ana");
    CHECK(back->phase == WirePhase::Question);
    REQUIRE(h.last<QuestionShow>(5) != nullptr);
    CHECK(h.last<QuestionShow>(5)->answered == std::vector<std::string>{"a"});
    // The same token from a second tab takes the seat over; the first is told.
    h.open(6, 60ms);
    h.say(6, Rejoin{kProtocolVersion, "K7QX9M", token}, 60ms);
    CHECK(h.refusal(5) == Reason::Replaced);
    CHECK(h.last<Welcome>(6) != nullptr);
    CHECK(h.host.getClassroom().countConnected() == 2);
}

TEST_CASE("HostProtocol: a kick frees the seat and voids the token", "[net][host]")
{
    core::ClassSettings settings;
    settings.maxPlayers = 2;
    HostHarness h(settings);
    const std::string token = h.join(1, "Rude", 0ms);
    h.join(2, "Ana", 0ms);
    h.open(3, 0ms);
    h.say(3, Join{kProtocolVersion, "K7QX9M", "Bo"}, 1ms);
    CHECK(h.refusal(3) == Reason::ClassFull);
    REQUIRE(h.host.kick("rude", 2ms) == core::ClassRefusal::None);
    h.collect();
    REQUIRE(h.last<Kick>(1) != nullptr);
    CHECK(h.isClosed(1));
    h.join(4, "Bo", 3ms);
    h.open(5, 4ms);
    h.say(5, Rejoin{kProtocolVersion, "K7QX9M", token}, 4ms);
    CHECK(h.refusal(5) == Reason::BadToken);
}

TEST_CASE("HostProtocol: student text is escaped before it reaches the console", "[net][host]")
{
    HostHarness h;
    h.open(1, 0ms);
    h.say(1, Join{kProtocolVersion, "K7QX9M", "\x1B]0;owned\x07\nrefused forged line"}, 1ms);
    CHECK(h.refusal(1) == Reason::BadNickname);
    bool logged = false;
    for (const HostEvent& event : h.events)
    {
        for (char c : event.text)
            CHECK((c >= 0x20 && c < 0x7F));
        logged = logged || event.text.find("\\x1B]0;owned\\x07\\x0Arefused") != std::string::npos;
    }
    CHECK(logged);
    CHECK(escapeForLog("a\\b\xC3\xA9") == "a\\\\b\\xC3\\xA9");
    CHECK(escapeForLog(std::string(100, 'x'), 8) == "xxxxxxxx...");
}

TEST_CASE("HostProtocol: a question, its answers, the reveal, the leaderboard and the end",
          "[net][host]")
{
    core::ClassSettings settings;
    settings.timeLimit = 20000ms;
    HostHarness h(settings, 2);
    h.join(1, "Ana", 0ms);
    h.join(2, "Bo", 0ms);
    REQUIRE(h.host.command(core::HostCommand::Start, 1000ms) == core::ClassRefusal::None);
    h.collect();
    const QuestionShow* question = h.last<QuestionShow>(1);
    REQUIRE(question != nullptr);
    CHECK(question->options.size() == 4);
    CHECK(question->options[1].label == "B");
    CHECK(question->options[1].text.toPlain() == "Option b");
    CHECK(question->timeLeftMs == 20000);
    h.say(1, Answer{0, {correctOf(0)}}, 2000ms);
    CHECK(h.last<Ack>(1)->accepted);
    h.say(1, Answer{0, {"b"}}, 2100ms);
    CHECK(h.last<Ack>(1)->reason == Reason::AlreadyAnswered);
    CHECK(h.last<Ack>(1)->text == describe(Reason::AlreadyAnswered));
    // Pause and resume reach everyone; an answer in between is refused, not lost.
    REQUIRE(h.host.command(core::HostCommand::Pause, 3000ms) == core::ClassRefusal::None);
    h.collect();
    CHECK(h.last<Pause>(2)->timeLeftMs == 18000);
    h.say(2, Answer{0, {"b"}}, 3500ms);
    CHECK(h.last<Ack>(2)->reason == Reason::Paused);
    // A student joining now sees the question and the pause.
    h.join(3, "Late", 3600ms);
    CHECK(h.last<QuestionShow>(3)->timeLeftMs == 18000);
    CHECK(h.last<Pause>(3) != nullptr);
    REQUIRE(h.host.command(core::HostCommand::Resume, 4000ms) == core::ClassRefusal::None);
    h.collect();
    CHECK(h.last<Resume>(2) != nullptr);
    h.say(2, Answer{0, {"b"}}, 4500ms);
    for (ConnectionId id = 1; id <= 3; ++id)
        h.say(id, Pong{1}, 22000ms); // they answer pings, so nobody times out
    h.tick(23000ms);                 // the countdown closes the round
    const Reveal* reveal = h.last<Reveal>(1);
    REQUIRE(reveal != nullptr);
    CHECK(reveal->correctIds == std::vector<std::string>{correctOf(0)});
    CHECK(reveal->you.correct);
    CHECK(reveal->you.points == 1000);
    CHECK(reveal->options[0].rationale.toPlain() == "Why a");
    CHECK(reveal->explanation.toPlain() == "Because 1.");
    CHECK(reveal->answeredCount == 2);
    CHECK(h.last<Reveal>(3)->you.optionIds.empty());
    REQUIRE(h.host.command(core::HostCommand::Next, 24000ms) == core::ClassRefusal::None);
    h.collect();
    const Leaderboard* board = h.last<Leaderboard>(2);
    REQUIRE(board != nullptr);
    CHECK(board->top.front().nickname == "Ana");
    CHECK(board->you.rank == 2);
    CHECK(board->you.of == 3);
    REQUIRE(h.host.command(core::HostCommand::End, 25000ms) == core::ClassRefusal::None);
    h.collect();
    CHECK(h.last<End>(1)->you.rank == 1);
    CHECK(h.last<End>(3)->you.of == 3);
}

TEST_CASE("HostProtocol: a typed answer is read by the host; bad text gets its reason and does "
          "not count",
          "[net][host][dose]")
{
    const core::Pack pack = quiz::test::makeDosePack();
    core::ClassSettings settings;
    settings.closeWhenAllAnswered = false;
    HostHarness h({*pack.findQuestion("dose-bolus")}, settings);
    h.join(1, "Ana", 0ms);
    h.join(2, "Ben", 0ms);
    REQUIRE(h.host.command(core::HostCommand::Start, 10ms) == core::ClassRefusal::None);
    h.collect();
    const QuestionShow* shown = h.last<QuestionShow>(1);
    REQUIRE(shown != nullptr);
    CHECK(shown->kind == QuestionKind::Numeric);
    CHECK(shown->unit == std::optional<std::string>("mL"));
    CHECK(shown->round == std::optional<std::uint32_t>(1));
    CHECK(shown->options.empty());
    const core::Draw* draw = h.host.getClassroom().getDraw(0);
    REQUIRE(draw != nullptr);
    h.say(1, Answer{0, {}, std::string("12 mL")}, 1000ms);
    REQUIRE(h.last<Ack>(1) != nullptr);
    CHECK_FALSE(h.last<Ack>(1)->accepted);
    CHECK(h.last<Ack>(1)->reason == Reason::BadNumber);
    CHECK_FALSE(h.last<Ack>(1)->text.empty());
    CHECK(h.host.getClassroom().countAnswered() == 0);
    std::string right = core::formatNumber(core::roundTo(draw->answer, 1), 1);
    std::replace(right.begin(), right.end(), '.', ',');
    h.say(1, Answer{0, {}, right}, 1500ms);
    CHECK(h.last<Ack>(1)->accepted);
    h.say(2, Answer{0, {}, core::formatNumber(core::roundTo(draw->mistakeValues[0], 1), 1)},
          1600ms);
    CHECK(h.last<Ack>(2)->accepted);
    REQUIRE(h.host.command(core::HostCommand::Reveal, 2000ms) == core::ClassRefusal::None);
    h.collect();
    const Reveal* ana = h.last<Reveal>(1);
    const Reveal* ben = h.last<Reveal>(2);
    REQUIRE(ana != nullptr);
    REQUIRE(ben != nullptr);
    CHECK(ana->you.correct);
    CHECK(ana->answerText == std::optional<std::string>(
                                 core::formatNumber(core::roundTo(draw->answer, 1), 1) + " mL"));
    REQUIRE(ben->you.mistake);
    CHECK(ben->you.mistake->toPlain().find("pounds") != std::string::npos);
    CHECK(ben->you.critical);
    REQUIRE(ben->groups);
    REQUIRE(ben->groups->size() == 4);
    CHECK((*ben->groups)[0].count == 1);
    CHECK((*ben->groups)[1].count == 1);
    CHECK((*ben->groups)[1].kind == "mistake");
}

namespace
{

std::vector<core::Question> stepsQuestions()
{
    core::LoadResult loaded =
        core::PackLoader().loadFile(std::string(QUIZ_TEST_DATA_DIR) + "/packs/steps/steps.xml");
    REQUIRE(loaded.pack);
    return {*loaded.pack->findQuestion("or-1"), *loaded.pack->findQuestion("ma-1")};
}

Answer orderAnswer(std::uint32_t index, std::vector<std::string> letters)
{
    Answer answer{index, {}};
    answer.order = std::move(letters);
    return answer;
}

} // namespace

TEST_CASE("HostProtocol: ordering and matching questions go out in letters, come back in "
          "letters, and are scored and revealed with each step's rationale",
          "[net][host][steps]")
{
    core::ClassSettings settings;
    settings.closeWhenAllAnswered = false;
    settings.seed = 5;
    HostHarness h(stepsQuestions(), settings);
    h.join(1, "Ana", 0ms);
    h.join(2, "Ben", 0ms);
    REQUIRE(h.host.command(core::HostCommand::Start, 10ms) == core::ClassRefusal::None);
    h.collect();
    const QuestionShow* shown = h.last<QuestionShow>(1);
    REQUIRE(shown != nullptr);
    CHECK(shown->kind == QuestionKind::Ordering);
    CHECK(shown->options.empty());
    REQUIRE(shown->items);
    REQUIRE(shown->items->size() == 5);
    CHECK((*shown->items)[0].id == "A");
    const core::ClassSteps& steps = h.host.getClassroom().getSteps(0);
    std::vector<std::string> right(5);
    for (std::size_t position = 0; position < 5; ++position)
        right[steps.itemOrder[position]] = core::classOptionLetter(position);
    CHECK(right != std::vector<std::string>{"A", "B", "C", "D", "E"});
    CHECK((*shown->items)[static_cast<std::size_t>(right[0][0] - 'A')].text.toPlain().rfind(
              "Check the order", 0) == 0);

    h.say(2, orderAnswer(0, {right[0], right[1], right[2], right[3]}), 500ms);
    CHECK(h.last<Ack>(2)->reason == Reason::WrongCount);
    h.say(2, orderAnswer(0, {right[0], right[1], right[2], right[3], "F"}), 600ms);
    CHECK(h.last<Ack>(2)->reason == Reason::UnknownOption);
    Answer matches{0, {}};
    matches.matches = std::vector<WireMatch>{{"1", "A"}};
    h.say(2, matches, 700ms);
    CHECK(h.last<Ack>(2)->reason == Reason::UnknownOption);
    CHECK(h.host.getClassroom().countAnswered() == 0);
    h.say(1, orderAnswer(0, right), 1000ms);
    CHECK(h.last<Ack>(1)->accepted);
    std::vector<std::string> reversed(right.rbegin(), right.rend());
    h.say(2, orderAnswer(0, reversed), 1100ms);
    CHECK(h.last<Ack>(2)->accepted);
    REQUIRE(h.host.command(core::HostCommand::Reveal, 2000ms) == core::ClassRefusal::None);
    h.collect();
    const Reveal* ana = h.last<Reveal>(1);
    const Reveal* ben = h.last<Reveal>(2);
    REQUIRE(ana != nullptr);
    REQUIRE(ben != nullptr);
    CHECK(ana->you.correct);
    CHECK(ana->you.right == std::optional<std::uint32_t>(4));
    CHECK(ana->you.of == std::optional<std::uint32_t>(4));
    CHECK(ana->you.order == std::optional<std::vector<std::string>>(right));
    CHECK(ana->correctIds == right);
    CHECK_FALSE(ben->you.correct);
    CHECK(ben->you.right == std::optional<std::uint32_t>(0));
    REQUIRE(ben->steps);
    REQUIRE(ben->steps->size() == 5);
    CHECK((*ben->steps)[4].label == right[4]);
    CHECK((*ben->steps)[4].rationale.toPlain() ==
          "Rubbing the site raises the risk of a haematoma.");
    REQUIRE(ben->groups);
    REQUIRE(ben->groups->size() == 3);
    CHECK((*ben->groups)[0].count == 1);
    CHECK((*ben->groups)[1].kind == "partial");
    CHECK((*ben->groups)[1].count == 0);
    CHECK((*ben->groups)[2].count == 1);

    REQUIRE(h.host.command(core::HostCommand::Next, 3000ms) == core::ClassRefusal::None);
    REQUIRE(h.host.command(core::HostCommand::Next, 3100ms) == core::ClassRefusal::None);
    h.collect();
    shown = h.last<QuestionShow>(1);
    REQUIRE(shown != nullptr);
    CHECK(shown->kind == QuestionKind::Matching);
    REQUIRE(shown->prompts);
    REQUIRE(shown->choices);
    CHECK(shown->prompts->size() == 3);
    CHECK(shown->choices->size() == 4);
    CHECK((*shown->prompts)[1].text.toPlain() == "Warfarin");
    const core::ClassSteps& pairs = h.host.getClassroom().getSteps(1);
    const auto letterOf = [&](std::size_t pair)
    {
        const auto it = std::find(pairs.choiceOrder.begin(), pairs.choiceOrder.end(), pair);
        return core::classOptionLetter(static_cast<std::size_t>(it - pairs.choiceOrder.begin()));
    };
    Answer partial{1, {}};
    partial.matches = std::vector<WireMatch>{{"1", letterOf(0)}, {"2", letterOf(1)}};
    h.say(2, partial, 3500ms);
    CHECK(h.last<Ack>(2)->reason == Reason::WrongCount);
    partial.matches->push_back({"3", letterOf(3)}); // the distractor
    h.say(2, partial, 3600ms);
    CHECK(h.last<Ack>(2)->accepted);
    Answer all{1, {}};
    all.matches =
        std::vector<WireMatch>{{"1", letterOf(0)}, {"2", letterOf(1)}, {"3", letterOf(2)}};
    h.say(1, all, 3700ms);
    CHECK(h.last<Ack>(1)->accepted);
    REQUIRE(h.host.command(core::HostCommand::Reveal, 4000ms) == core::ClassRefusal::None);
    h.collect();
    ana = h.last<Reveal>(1);
    ben = h.last<Reveal>(2);
    CHECK(ana->you.correct);
    CHECK(ana->you.order ==
          std::optional<std::vector<std::string>>({letterOf(0), letterOf(1), letterOf(2)}));
    CHECK_FALSE(ben->you.correct);
    CHECK(ben->you.points == 0);
    CHECK(ben->you.right == std::optional<std::uint32_t>(2));
    CHECK(ben->you.of == std::optional<std::uint32_t>(3));
    REQUIRE(ben->steps);
    CHECK((*ben->steps)[1].choice == std::optional<std::string>(letterOf(1)));
    CHECK((*ben->steps)[1].answer->toPlain() == "Vitamin K (phytonadione)");
    CHECK(ben->correctIds == std::vector<std::string>{letterOf(0), letterOf(1), letterOf(2)});
}

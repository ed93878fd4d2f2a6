#include "net/Protocol.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

using namespace quiz;
using namespace quiz::net;

namespace
{

core::RichText rich(const std::string& text)
{
    return core::RichText::fromPlain(text);
}

/// One example of every message type, as README.md shows them.
std::vector<Message> examples()
{
    core::RichText stem;
    stem.append("Give ");
    stem.append("protamine", true);
    stem.append(" within 2 h");
    stem.appendBreak();
    stem.append("CO");
    stem.append("2", false, false, core::Script::Sub);
    QuestionShow question{
        2,         15,
        "mech-03", QuestionKind::Multiple,
        stem,      {{"a", "A", rich("Platelets fall by 50%")}, {"b", "B", rich("New thrombosis")}},
        30000,     30000,
        {},        {},
        {},        {},
        {},        {},
        {},        {}};
    Reveal reveal{2,
                  {"a", "b"},
                  {{"a", "A", 12, rich("A fall of more than 50% is typical.")},
                   {"b", "B", 9, rich("Thrombosis, not bleeding, is the danger.")}},
                  rich("HIT is prothrombotic."),
                  20,
                  {{"a"}, false, true, false, 500, {}, {}, {}, {}, {}},
                  2300,
                  0,
                  {},
                  {},
                  {}};
    return {
        Join{3, "K7QX9M", "Ana"},
        Rejoin{3, "K7QX9M", "9f1c2e4a7b3d5e6f8a9b0c1d2e3f4a5b"},
        Answer{2, {"b", "d"}},
        Leave{},
        Ping{41},
        Pong{41},
        Welcome{"Ana", "9f1c2e4a7b3d5e6f8a9b0c1d2e3f4a5b", false, 0, WirePhase::Lobby,
                "Heparin basics", 15},
        Lobby{3, false, false, {"Dev"}, {"Ben"}},
        question,
        Ack{2, false, Reason::AlreadyAnswered, describe(Reason::AlreadyAnswered)},
        Pause{2, 12000},
        Resume{2, 12000},
        reveal,
        Leaderboard{{{1, "Chi", 3400, 3}, {2, "Ana", 2300, 2}}, {2, 2300, 2, 20}},
        End{{{1, "Chi", 9100, 9}}, {4, 7200, 7, 20}},
        Kick{describe(Reason::Kicked)},
        Refuse{Reason::NicknameTaken, describe(Reason::NicknameTaken), true},
    };
}

std::string goldenPath(const Message& message)
{
    return std::string(QUIZ_TEST_DATA_DIR) + "/net/messages/" + getType(message) + ".json";
}

Sender senderOf(const Message& message)
{
    const bool student =
        std::holds_alternative<Join>(message) || std::holds_alternative<Rejoin>(message) ||
        std::holds_alternative<Answer>(message) || std::holds_alternative<Leave>(message) ||
        std::holds_alternative<Ping>(message) || std::holds_alternative<Pong>(message);
    return student ? Sender::Student : Sender::Host;
}

Reason refusalOf(const std::string& text)
{
    const DecodeResult result = decode(text, Sender::Student);
    CHECK_FALSE(result.message.has_value());
    CHECK_FALSE(result.detail.empty());
    return result.error;
}

} // namespace

TEST_CASE("Protocol: every message type encodes to its reviewed JSON and decodes back",
          "[net][protocol]")
{
    // QUIZ_WRITE_GOLDENS=1 rewrites the files (then read them before committing).
    const bool write = std::getenv("QUIZ_WRITE_GOLDENS") != nullptr;
    REQUIRE(examples().size() == std::variant_size_v<Message>);
    for (const Message& message : examples())
    {
        INFO(getType(message));
        const std::string text = encode(message);
        if (write)
            std::ofstream(goldenPath(message)) << text << '\n';
        std::ifstream file(goldenPath(message));
        REQUIRE(file.good());
        std::stringstream golden;
        golden << file.rdbuf();
        CHECK(golden.str() == text + "\n");
        const DecodeResult back = decode(text, senderOf(message));
        REQUIRE(back.message.has_value());
        CHECK(*back.message == message);
    }
}

TEST_CASE("Protocol: comparison follows every field", "[net][protocol]")
{
    Reveal a = std::get<Reveal>(examples()[12]);
    Reveal b = a;
    CHECK(a == b);
    b.you.points += 1;
    CHECK(a != b);
    b = a;
    b.options[1].rationale = rich("changed");
    CHECK(a != b);
}

TEST_CASE("Protocol: each side may send only its own messages", "[net][protocol]")
{
    const std::string joined = encode(std::get<Welcome>(examples()[6]));
    CHECK(decode(joined, Sender::Student).error == Reason::BadMessage);
    CHECK(decode(joined, Sender::Host).message.has_value());
    const std::string answer = encode(Answer{1, {"a"}});
    CHECK(decode(answer, Sender::Host).error == Reason::BadMessage);
    // Pings go both ways.
    CHECK(decode(encode(Ping{1}), Sender::Host).message.has_value());
    CHECK(decode(encode(Ping{1}), Sender::Student).message.has_value());
}

TEST_CASE("Protocol: malformed student messages are refused with a reason", "[net][protocol]")
{
    CHECK(refusalOf("") == Reason::BadMessage);
    CHECK(refusalOf("not json") == Reason::BadMessage);
    CHECK(refusalOf("[1,2]") == Reason::BadMessage);
    CHECK(refusalOf(R"({"question":1})") == Reason::BadMessage);   // no type
    CHECK(refusalOf(R"({"type":7})") == Reason::BadMessage);       // type not a string
    CHECK(refusalOf(R"({"type":"shout"})") == Reason::BadMessage); // unknown type
    CHECK(refusalOf(R"({"type":"answer","question":1})") == Reason::BadMessage); // missing field
    CHECK(refusalOf(R"({"type":"answer","question":-1,"options":["a"]})") == Reason::BadMessage);
    CHECK(refusalOf(R"({"type":"answer","question":1.5,"options":["a"]})") == Reason::BadMessage);
    CHECK(refusalOf(R"({"type":"answer","question":4294967296,"options":["a"]})") ==
          Reason::BadMessage);
    CHECK(refusalOf(R"({"type":"answer","question":"1","options":["a"]})") == Reason::BadMessage);
    CHECK(refusalOf(R"({"type":"answer","question":1,"options":[1]})") == Reason::BadMessage);
    CHECK(refusalOf(R"({"type":"join","version":3,"code":"A","nickname":null})") ==
          Reason::BadMessage);
    // Invalid UTF-8, raw or escaped as a lone surrogate.
    CHECK(refusalOf("{\"type\":\"join\",\"version\":3,\"code\":\"A\",\"nickname\":\"\xC0\xAF\"}") ==
          Reason::BadMessage);
    CHECK(refusalOf(
              "{\"type\":\"join\",\"version\":3,\"code\":\"A\",\"nickname\":\"\xED\xA0\x80\"}") ==
          Reason::BadMessage);
    CHECK(refusalOf(R"({"type":"join","version":3,"code":"A","nickname":"\ud800"})") ==
          Reason::BadMessage);
    // Caps on fields and on the whole message.
    std::string many = R"({"type":"answer","question":1,"options":[)";
    for (int i = 0; i < 17; ++i)
        many += std::string(i == 0 ? "" : ",") + "\"a\"";
    CHECK(refusalOf(many + "]}") == Reason::BadMessage);
    CHECK(refusalOf(encode(Join{3, std::string(17, 'A'), "Ana"})) == Reason::BadMessage);
    CHECK(refusalOf(encode(Join{3, "A", std::string(97, 'x')})) == Reason::BadMessage);
    CHECK(refusalOf(encode(Rejoin{3, "A", std::string(65, 'f')})) == Reason::BadMessage);
    CHECK(refusalOf(encode(Join{3, "A", "Ana"}) + std::string(4096, ' ')) == Reason::TooBig);
}

TEST_CASE("Protocol: unknown fields are ignored so a later page can add some", "[net][protocol]")
{
    const DecodeResult result =
        decode(R"({"type":"answer","question":1,"options":["a"],"sentAt":123})", Sender::Student);
    REQUIRE(result.message.has_value());
    CHECK(std::get<Answer>(*result.message) == Answer{1, {"a"}});
}

TEST_CASE("Protocol: an empty text run is dropped on decoding, as encoding drops it",
          "[net][protocol]")
{
    // Found by the protocol fuzzer: {"t":"","b":true} decoded to a run the encoder leaves out,
    // so the message did not survive a second trip.
    const DecodeResult first =
        decode(R"({"type":"question","question":2,"total":15,"id":"q","kind":"multiple",)"
               R"("stem":[{"t":"Give "},{"t":"","b":true},{"br":true},{"t":"CO"}],)"
               R"("options":[],"timeLimit":30000,"timeLeft":30000,"answered":[]})",
               Sender::Host);
    REQUIRE(first.message);
    const QuestionShow& shown = std::get<QuestionShow>(*first.message);
    REQUIRE(shown.stem.runs.size() == 3);
    CHECK(shown.stem.runs[0].text == "Give ");
    CHECK(shown.stem.runs[1].lineBreak);
    CHECK(shown.stem.runs[2].text == "CO");
    const DecodeResult again = decode(encode(*first.message), Sender::Host);
    REQUIRE(again.message);
    CHECK(*again.message == *first.message);
}

TEST_CASE("Protocol: a numeric question's optional fields travel when set and are absent when not",
          "[net][protocol][dose]")
{
    // An answer without "value" (every client before numeric questions) still decodes.
    const DecodeResult plain =
        decode(R"({"type":"answer","question":1,"options":["a"]})", Sender::Student);
    REQUIRE(plain.message);
    CHECK_FALSE(std::get<Answer>(*plain.message).value);
    CHECK(encode(Answer{1, {"a"}}).find("value") == std::string::npos);
    const std::string typed = encode(Answer{0, {}, std::string("12,5")});
    CHECK(typed == R"({"type":"answer","question":0,"options":[],"value":"12,5"})");
    const DecodeResult back = decode(typed, Sender::Student);
    REQUIRE(back.message);
    CHECK(std::get<Answer>(*back.message).value == std::optional<std::string>("12,5"));
    // A value of the wrong type is refused, as any bad field is.
    CHECK_FALSE(
        decode(R"({"type":"answer","question":0,"options":[],"value":12.5})", Sender::Student)
            .message);
    CHECK_FALSE(decode(R"({"type":"answer","question":0,"options":[],"value":")" +
                           std::string(100, '1') + "\"}",
                       Sender::Student)
                    .message);

    QuestionShow show;
    show.kind = QuestionKind::Numeric;
    show.unit = "mL";
    show.round = 1;
    show.rule = "Round to the nearest tenth (1 decimal place)";
    const std::string text = encode(show);
    CHECK(text.find(R"("kind":"numeric")") != std::string::npos);
    CHECK(text.find("\"unit\":\"mL\",\"round\":1,\"rule\":\"Round to the nearest tenth") !=
          std::string::npos);
    CHECK(text.find("answeredValue") == std::string::npos);
    const DecodeResult shown = decode(text, Sender::Host);
    REQUIRE(shown.message);
    CHECK(std::get<QuestionShow>(*shown.message) == show);

    Reveal reveal;
    reveal.answerText = "1.2 mL";
    reveal.groups = std::vector<RevealGroup>{{"correct", "Correct", 3, false},
                                             {"mistake", "You used pounds.", 1, true}};
    reveal.you.value = "2.6 mL";
    reveal.you.mistake = core::RichText::fromPlain("You used pounds.");
    const DecodeResult revealed = decode(encode(reveal), Sender::Host);
    REQUIRE(revealed.message);
    CHECK(std::get<Reveal>(*revealed.message) == reveal);
    CHECK(toString(Reason::BadNumber) == std::string("bad-number"));
}

TEST_CASE("Protocol: ordering and matching questions carry their items, prompts and choices, "
          "and answers in letters",
          "[net][protocol][steps]")
{
    Answer order{0, {}};
    order.order = std::vector<std::string>{"C", "A", "B"};
    const std::string orderText = encode(order);
    CHECK(orderText == R"({"type":"answer","question":0,"options":[],"order":["C","A","B"]})");
    const DecodeResult orderBack = decode(orderText, Sender::Student);
    REQUIRE(orderBack.message);
    CHECK(std::get<Answer>(*orderBack.message) == order);

    Answer matches{1, {}};
    matches.matches = std::vector<WireMatch>{{"1", "B"}, {"2", "B"}};
    const std::string matchText = encode(matches);
    CHECK(matchText == R"({"type":"answer","question":1,"options":[],"matches":[{"prompt":"1",)"
                       R"("choice":"B"},{"prompt":"2","choice":"B"}]})");
    const DecodeResult matchBack = decode(matchText, Sender::Student);
    REQUIRE(matchBack.message);
    CHECK(std::get<Answer>(*matchBack.message) == matches);

    // Malformed whatever the question: an item placed twice, a prompt given twice, too many,
    // the wrong type. Two prompts may take the same choice (above).
    for (const char* bad :
         {R"({"type":"answer","question":0,"options":[],"order":["C","A","C"]})",
          R"({"type":"answer","question":0,"options":[],"matches":[{"prompt":"1","choice":"A"},)"
          R"({"prompt":"1","choice":"B"}]})",
          R"({"type":"answer","question":0,"options":[],"order":"CAB"})",
          R"({"type":"answer","question":0,"options":[],"matches":[{"prompt":"1"}]})"})
    {
        const DecodeResult refused = decode(bad, Sender::Student);
        CHECK_FALSE(refused.message);
        CHECK(refused.error == Reason::BadMessage);
    }
    std::string many = R"({"type":"answer","question":0,"options":[],"order":[)";
    for (int i = 0; i < 17; ++i)
        many += (i > 0 ? ",\"" : "\"") + std::to_string(i) + "\"";
    CHECK_FALSE(decode(many + "]}", Sender::Student).message);

    QuestionShow show;
    show.kind = QuestionKind::Matching;
    show.prompts = std::vector<WireOption>{{"1", "1", rich("Warfarin")}};
    show.choices =
        std::vector<WireOption>{{"A", "A", rich("Naloxone")}, {"B", "B", rich("Vitamin K")}};
    show.rule = "Only every prompt matched right earns the points.";
    const std::string shownText = encode(show);
    CHECK(shownText.find(R"("kind":"matching")") != std::string::npos);
    CHECK(shownText.find("\"items\"") == std::string::npos);
    const DecodeResult shown = decode(shownText, Sender::Host);
    REQUIRE(shown.message);
    CHECK(std::get<QuestionShow>(*shown.message) == show);
    show.kind = QuestionKind::Ordering;
    show.prompts.reset();
    show.choices.reset();
    show.items = std::vector<WireOption>{{"A", "A", rich("Inject")}, {"B", "B", rich("Check")}};
    CHECK(encode(show).find(R"("kind":"ordering")") != std::string::npos);
    CHECK(std::get<QuestionShow>(*decode(encode(show), Sender::Host).message) == show);

    Reveal reveal;
    reveal.correctIds = {"B", "A"};
    reveal.steps = std::vector<RevealStep>{
        {"1", rich("Warfarin"), std::string("B"), rich("Vitamin K"), rich("It is the antidote.")}};
    reveal.groups = std::vector<RevealGroup>{{"correct", "All right", 2, false},
                                             {"partial", "Partly right", 1, false},
                                             {"wrong", "Wrong", 0, false}};
    reveal.you.order = std::vector<std::string>{"A", "B"};
    reveal.you.right = 0;
    reveal.you.of = 1;
    const std::string revealText = encode(reveal);
    CHECK(revealText.find(R"("you":{"options":[],"correct":false,"partial":false,)"
                          R"("critical":false,"points":0,"order":["A","B"],"right":0,"of":1})") !=
          std::string::npos);
    const DecodeResult revealed = decode(revealText, Sender::Host);
    REQUIRE(revealed.message);
    CHECK(std::get<Reveal>(*revealed.message) == reveal);
    CHECK(toString(Reason::WrongCount) == std::string("wrong-count"));
    CHECK(toString(Reason::RepeatedId) == std::string("repeated-id"));
}

TEST_CASE("Protocol: the fuzz corpus's ordering and matching messages decode, and every corpus "
          "message that decodes re-encodes to an equal one",
          "[net][protocol][steps]")
{
    const std::string folder = std::string(QUIZ_TEST_DATA_DIR) + "/net/corpus/";
    for (const char* name :
         {"answer-order.json", "answer-matches.json", "question-ordering.json",
          "question-matching.json", "reveal-ordering.json", "reveal-matching.json"})
    {
        std::ifstream in(folder + name);
        std::stringstream text;
        text << in.rdbuf();
        std::string message = text.str();
        while (!message.empty() && message.back() == '\n')
            message.pop_back();
        const bool student = std::string(name).rfind("answer", 0) == 0;
        const DecodeResult decoded = decode(message, student ? Sender::Student : Sender::Host);
        INFO(name << ": " << decoded.detail);
        REQUIRE(decoded.message);
        // The fuzz target's invariant, on these shapes.
        const DecodeResult again =
            decode(encode(*decoded.message), student ? Sender::Student : Sender::Host);
        REQUIRE(again.message);
        CHECK(*again.message == *decoded.message);
        CHECK(encode(*decoded.message) == message);
    }
}

#include "core/classroom/Classroom.hpp"

#include <catch2/catch.hpp>

using namespace quiz::core;
using namespace std::chrono_literals;

namespace
{

Option opt(const std::string& id, bool correct)
{
    Option option;
    option.id = id;
    option.correct = correct;
    option.text = RichText::fromPlain("option " + id);
    return option;
}

/// Three single-answer questions (correct: b, a, c) and one select-all (a and c).
std::vector<Question> questions()
{
    std::vector<Question> out;
    const char* keys[] = {"b", "a", "c"};
    for (int i = 0; i < 3; ++i)
    {
        Question q;
        q.id = "q" + std::to_string(i + 1);
        q.stem = RichText::fromPlain("Question " + std::to_string(i + 1));
        for (const char* id : {"a", "b", "c"})
            q.options.push_back(opt(id, std::string(id) == keys[i]));
        out.push_back(q);
    }
    Question multi;
    multi.id = "q4";
    multi.type = QuestionType::Multiple;
    multi.options = {opt("a", true), opt("b", false), opt("c", true)};
    out.push_back(multi);
    return out;
}

std::size_t joinOk(Classroom& c, const std::string& name)
{
    const JoinOutcome outcome = c.join(name, 0ms);
    REQUIRE(outcome.refusal == ClassRefusal::None);
    return outcome.player;
}

void host(Classroom& c, HostCommand command, std::chrono::milliseconds now = 0ms)
{
    REQUIRE(c.command(ClassRole::Host, command, now) == ClassRefusal::None);
}

} // namespace

TEST_CASE("Classroom: a full game scores accuracy and counts each option", "[core][classroom]")
{
    Classroom c(questions());
    const std::size_t ana = joinOk(c, "Ana");
    const std::size_t bo = joinOk(c, "Bo");
    CHECK(c.getPhase() == ClassPhase::Lobby);
    host(c, HostCommand::Start);
    REQUIRE(c.getPhase() == ClassPhase::Question);

    CHECK(c.answer(ana, 0, {"b"}, 1000ms) == ClassRefusal::None);
    CHECK(c.getPhase() == ClassPhase::Question); // Bo has not answered yet
    CHECK(c.countAnswered() == 1);
    CHECK(c.answer(bo, 0, {"c"}, 2000ms) == ClassRefusal::None);
    // Everyone connected answered: the round closes by itself.
    REQUIRE(c.getPhase() == ClassPhase::Reveal);
    CHECK(c.getPlayers()[ana].score == 1000);
    CHECK(c.getPlayers()[bo].score == 0);
    CHECK(c.getStats(0).optionCounts == std::vector<std::size_t>{0, 1, 1});
    CHECK(c.getStats(0).answered == 2);
    CHECK(c.getStats(0).correct == 1);

    host(c, HostCommand::Next);
    CHECK(c.getPhase() == ClassPhase::Leaderboard);
    host(c, HostCommand::Next);
    CHECK(c.getCurrentIndex() == 1);
    CHECK(c.answer(ana, 1, {"a"}, 0ms) == ClassRefusal::None);
    host(c, HostCommand::Reveal); // the instructor does not wait for Bo
    CHECK(c.getPlayers()[ana].score == 2000);
    CHECK(c.getPlayers()[bo].answers[1].answered == false);

    host(c, HostCommand::Next);
    host(c, HostCommand::Next);
    host(c, HostCommand::Skip); // question 3 dropped unscored
    CHECK(c.getQuestionState(2) == QuestionState::Skipped);
    REQUIRE(c.getCurrentIndex() == 3);
    CHECK(c.answer(ana, 3, {"a", "b", "c"}, 0ms) == ClassRefusal::None);
    CHECK(c.answer(bo, 3, {"a", "c"}, 0ms) == ClassRefusal::None);
    CHECK(c.getPlayers()[ana].answers[3].partial);
    CHECK(c.getPlayers()[ana].score == 2500); // plus-minus: (2 - 1) / 2
    CHECK(c.getPlayers()[bo].score == 1000);
    CHECK(c.getStats(3).optionCounts == std::vector<std::size_t>{2, 1, 2});
    host(c, HostCommand::Next);
    host(c, HostCommand::Next);
    CHECK(c.getPhase() == ClassPhase::Finished);

    const std::vector<ClassStanding> standings = c.getStandings();
    REQUIRE(standings.size() == 2);
    CHECK(standings[0].player == ana);
    CHECK(standings[1].rank == 2);
}

TEST_CASE("Classroom: answers are refused outside the answer phase and for unknown options",
          "[core][classroom][validation]")
{
    Classroom c(questions());
    const std::size_t ana = joinOk(c, "Ana");
    joinOk(c, "Bo");
    CHECK(c.answer(ana, 0, {"b"}, 0ms) == ClassRefusal::NotAnswerPhase);
    host(c, HostCommand::Start);
    CHECK(c.answer(ana, 0, {"z"}, 0ms) == ClassRefusal::UnknownOption);
    CHECK(c.answer(ana, 0, {}, 0ms) == ClassRefusal::EmptyAnswer);
    CHECK(c.answer(ana, 0, {"a", "b"}, 0ms) == ClassRefusal::TooManyOptions);
    CHECK(c.answer(ana, 1, {"a"}, 0ms) == ClassRefusal::WrongQuestion);
    CHECK(c.answer(99, 0, {"a"}, 0ms) == ClassRefusal::UnknownPlayer);
    CHECK(c.countAnswered() == 0); // none of those was acted on
    CHECK(c.answer(ana, 0, {"b"}, 0ms) == ClassRefusal::None);
    CHECK(c.answer(ana, 0, {"a"}, 0ms) == ClassRefusal::AlreadyAnswered);
    host(c, HostCommand::Pause);
    CHECK(c.command(ClassRole::Host, HostCommand::Pause, 0ms) == ClassRefusal::NothingToDo);
    host(c, HostCommand::Reveal);
    CHECK(c.answer(ana, 0, {"b"}, 0ms) == ClassRefusal::NotAnswerPhase);
    CHECK(c.getPlayers()[ana].answers[0].optionIds == std::vector<std::string>{"b"});
}

TEST_CASE("Classroom: a student's pacing command is refused and changes nothing",
          "[core][classroom][validation]")
{
    Classroom c(questions());
    joinOk(c, "Ana");
    for (HostCommand command : {HostCommand::Start, HostCommand::End, HostCommand::Lock})
        CHECK(c.command(ClassRole::Student, command, 0ms) == ClassRefusal::NotHost);
    CHECK(c.getPhase() == ClassPhase::Lobby);
    CHECK_FALSE(c.isLocked());
}

TEST_CASE("Classroom: nicknames are checked and duplicates refused", "[core][classroom]")
{
    Classroom c(questions());
    joinOk(c, "  Ana ");
    CHECK(c.getPlayers()[0].nickname == "Ana");
    CHECK(c.join("ana", 0ms).refusal == ClassRefusal::DuplicateNickname);
    CHECK(c.join("", 0ms).refusal == ClassRefusal::BadNickname);
    CHECK(c.join("   ", 0ms).refusal == ClassRefusal::BadNickname);
    CHECK(c.join("tab\there", 0ms).refusal == ClassRefusal::BadNickname);
    CHECK(c.join(std::string(25, 'x'), 0ms).refusal == ClassRefusal::BadNickname);
    CHECK(c.join("bad\xC3", 0ms).refusal == ClassRefusal::BadNickname);
    CHECK(c.join("Zoë", 0ms).refusal == ClassRefusal::None);
}

TEST_CASE("Classroom: a dropped player rejoins their own record and keeps the score",
          "[core][classroom][rejoin]")
{
    Classroom c(questions());
    const std::size_t ana = joinOk(c, "Ana");
    const std::size_t bo = joinOk(c, "Bo");
    host(c, HostCommand::Start);
    CHECK(c.answer(ana, 0, {"b"}, 0ms) == ClassRefusal::None);
    CHECK(c.answer(bo, 0, {"b"}, 0ms) == ClassRefusal::None);
    host(c, HostCommand::Next);
    host(c, HostCommand::Next);
    // Bo drops mid-question; the round then closes when Ana (the only one left) answers.
    c.disconnect(bo, 10ms);
    CHECK(c.answer(ana, 1, {"a"}, 20ms) == ClassRefusal::None);
    CHECK(c.getPhase() == ClassPhase::Reveal);
    host(c, HostCommand::Lock); // a locked lobby still lets a dropped player back in
    // The nickname alone is not enough: it stays taken while Bo's record is kept.
    CHECK(c.join("BO", 30ms).refusal == ClassRefusal::DuplicateNickname);
    CHECK(c.rejoin(bo, 30ms) == ClassRefusal::None);
    CHECK(c.getPlayers()[bo].connected);
    CHECK(c.getPlayers()[bo].score == 1000);
    CHECK(c.rejoin(bo, 30ms) == ClassRefusal::DuplicateNickname); // already in
    CHECK(c.join("Cy", 30ms).refusal == ClassRefusal::LobbyLocked);
}

TEST_CASE("Classroom: a late joiner plays from the current question", "[core][classroom]")
{
    Classroom c(questions());
    const std::size_t ana = joinOk(c, "Ana");
    host(c, HostCommand::Start);
    CHECK(c.answer(ana, 0, {"b"}, 0ms) == ClassRefusal::None);
    host(c, HostCommand::Next);
    host(c, HostCommand::Next);
    const std::size_t late = joinOk(c, "Late");
    CHECK(c.answer(late, 1, {"a"}, 0ms) == ClassRefusal::None);
    CHECK(c.getPhase() == ClassPhase::Question); // Ana still to answer
    CHECK(c.answer(ana, 1, {"c"}, 0ms) == ClassRefusal::None);
    CHECK(c.getPlayers()[late].score == 1000);
    CHECK(c.getPlayers()[late].answers[0].answered == false);
}

TEST_CASE("Classroom: a kicked player leaves the standings and cannot come back",
          "[core][classroom]")
{
    Classroom c(questions());
    joinOk(c, "Ana");
    joinOk(c, "Rude");
    CHECK(c.kick("rude", 0ms) == ClassRefusal::None);
    CHECK(c.kick("nobody", 0ms) == ClassRefusal::UnknownPlayer);
    CHECK(c.join("Rude", 0ms).refusal == ClassRefusal::Kicked);
    CHECK(c.getStandings().size() == 1);
    CHECK(c.countConnected() == 1);
}

TEST_CASE("Classroom: speed bonus and streaks are off by default and reward only correct answers",
          "[core][classroom][scoring]")
{
    SECTION("default: time does not matter")
    {
        Classroom c(questions());
        const std::size_t ana = joinOk(c, "Ana");
        host(c, HostCommand::Start);
        CHECK(c.answer(ana, 0, {"b"}, 1ms) == ClassRefusal::None);
        CHECK(c.getPlayers()[ana].score == 1000);
    }
    SECTION("speed bonus falls linearly over the countdown")
    {
        ClassSettings settings;
        settings.speedBonus = true;
        settings.timeLimit = 10000ms;
        Classroom c(questions(), settings);
        const std::size_t ana = joinOk(c, "Ana");
        const std::size_t bo = joinOk(c, "Bo");
        host(c, HostCommand::Start, 1000ms);
        CHECK(c.answer(ana, 0, {"b"}, 1000ms) == ClassRefusal::None); // instant: +500
        CHECK(c.answer(bo, 0, {"a"}, 1000ms) == ClassRefusal::None);  // wrong: no bonus
        CHECK(c.getPlayers()[ana].score == 1500);
        CHECK(c.getPlayers()[bo].score == 0);
        host(c, HostCommand::Next);
        host(c, HostCommand::Next, 20000ms);
        CHECK(c.answer(ana, 1, {"a"}, 25000ms) == ClassRefusal::None); // half the time: +250
        c.advance(30000ms);                                            // countdown over
        CHECK(c.getPhase() == ClassPhase::Reveal);
        CHECK(c.getPlayers()[ana].answers[1].points == 1250);
    }
    SECTION("streaks add a growing bonus and reset on a miss")
    {
        ClassSettings settings;
        settings.streaks = true;
        Classroom c(questions(), settings);
        const std::size_t ana = joinOk(c, "Ana");
        host(c, HostCommand::Start);
        CHECK(c.answer(ana, 0, {"b"}, 0ms) == ClassRefusal::None);
        host(c, HostCommand::Next);
        host(c, HostCommand::Next);
        CHECK(c.answer(ana, 1, {"a"}, 0ms) == ClassRefusal::None);
        CHECK(c.getPlayers()[ana].streak == 2);
        CHECK(c.getPlayers()[ana].score == 2100);
        host(c, HostCommand::Next);
        host(c, HostCommand::Next);
        CHECK(c.answer(ana, 2, {"a"}, 0ms) == ClassRefusal::None);
        CHECK(c.getPlayers()[ana].streak == 0);
        CHECK(c.getPlayers()[ana].bestStreak == 2);
    }
}

TEST_CASE("Classroom: pause stops the countdown and refuses answers", "[core][classroom]")
{
    ClassSettings settings;
    settings.timeLimit = 10000ms;
    Classroom c(questions(), settings);
    const std::size_t ana = joinOk(c, "Ana");
    joinOk(c, "Bo");
    host(c, HostCommand::Start, 0ms);
    host(c, HostCommand::Pause, 4000ms);
    CHECK(c.answer(ana, 0, {"b"}, 5000ms) == ClassRefusal::Paused);
    c.advance(60000ms);
    CHECK(c.getPhase() == ClassPhase::Question);
    CHECK(c.getTimeLeft(60000ms) == 6000ms);
    host(c, HostCommand::Resume, 60000ms);
    CHECK(c.getTimeLeft(61000ms) == 5000ms);
    c.advance(66000ms);
    CHECK(c.getPhase() == ClassPhase::Reveal);
}

TEST_CASE("Classroom: back shows the previous reveal and the left question is asked again",
          "[core][classroom]")
{
    Classroom c(questions());
    const std::size_t ana = joinOk(c, "Ana");
    CHECK(c.command(ClassRole::Host, HostCommand::Back, 0ms) == ClassRefusal::NothingToDo);
    host(c, HostCommand::Start);
    CHECK(c.command(ClassRole::Host, HostCommand::Back, 0ms) == ClassRefusal::NothingToDo);
    CHECK(c.answer(ana, 0, {"b"}, 0ms) == ClassRefusal::None);
    host(c, HostCommand::Next);
    host(c, HostCommand::Next);
    CHECK(c.answer(ana, 1, {"a"}, 0ms) == ClassRefusal::None);
    CHECK(c.getPlayers()[ana].score == 2000);
    host(c, HostCommand::Back);
    CHECK(c.getPhase() == ClassPhase::Reveal);
    CHECK(c.getCurrentIndex() == 0);
    CHECK(c.getPlayers()[ana].score == 1000); // question 2 no longer counts
    host(c, HostCommand::Next);
    host(c, HostCommand::Next);
    CHECK(c.getCurrentIndex() == 1);
    CHECK(c.answer(ana, 1, {"a"}, 0ms) == ClassRefusal::None);
    CHECK(c.getPlayers()[ana].score == 2000); // counted once
}

TEST_CASE("Classroom: end finishes early and scores the open question", "[core][classroom]")
{
    Classroom c(questions());
    const std::size_t ana = joinOk(c, "Ana");
    joinOk(c, "Bo");
    host(c, HostCommand::Start);
    CHECK(c.answer(ana, 0, {"b"}, 0ms) == ClassRefusal::None);
    host(c, HostCommand::End);
    CHECK(c.getPhase() == ClassPhase::Finished);
    CHECK(c.getPlayers()[ana].score == 1000);
    CHECK(c.join("New", 0ms).refusal == ClassRefusal::ClassFinished);
    CHECK(c.command(ClassRole::Host, HostCommand::Next, 0ms) == ClassRefusal::NothingToDo);
}

TEST_CASE("Classroom: results CSV lists players, answers and option counts",
          "[core][classroom][csv]")
{
    Classroom c(questions());
    const std::size_t ana = joinOk(c, "Ana");
    const std::size_t eq = joinOk(c, "=cmd,x");
    host(c, HostCommand::Start);
    CHECK(c.answer(ana, 0, {"b"}, 1200ms) == ClassRefusal::None);
    CHECK(c.answer(eq, 0, {"a"}, 900ms) == ClassRefusal::None);
    host(c, HostCommand::End);
    const std::string csv = formatResultsCsv(c);
    CHECK(csv.find("kind,rank,nickname,score,correct,question,question_id,question_text,option,"
                   "option_text,chosen,result,points,time_ms,count\n") == 0);
    CHECK(csv.find("player,1,Ana,1000,1,,,,,,,,,,\n") != std::string::npos);
    CHECK(csv.find("player,2,\"'=cmd,x\",0,0,,,,,,,,,,\n") != std::string::npos);
    // What the class saw: the letter of the option and the question's text, not internal ids.
    CHECK(csv.find("answer,1,Ana,,,1,q1,Question 1,,,B,correct,1000,1200,\n") != std::string::npos);
    CHECK(csv.find("answer,2,\"'=cmd,x\",,,1,q1,Question 1,,,A,wrong,0,900,\n") !=
          std::string::npos);
    CHECK(csv.find("option,,,,,1,q1,Question 1,A,option a,,distractor,,,1\n") != std::string::npos);
    CHECK(csv.find("option,,,,,1,q1,Question 1,B,option b,,correct,,,1\n") != std::string::npos);
    CHECK(csv.find("option,,,,,1,q1,Question 1,C,option c,,distractor,,,0\n") != std::string::npos);
    CHECK(csv.find(",q2,") == std::string::npos); // never asked
}

TEST_CASE("Classroom: picking questions is seeded and honours topics and count",
          "[core][classroom]")
{
    Pack pack;
    pack.topics = {{"dose", "Dosing", "", 0, 0},
                   {"aptt", "aPTT", "dose", 1, 0},
                   {"rev", "Reversal", "", 0, 0}};
    for (int i = 0; i < 10; ++i)
    {
        Question q = questions()[0];
        q.id = "d" + std::to_string(i);
        q.topicId = i < 4 ? "aptt" : (i < 8 ? "rev" : "dose");
        q.options.push_back(opt("d", false));
        q.options.back().fixed = true;
        pack.questions.push_back(q);
    }
    pack.questions[9].status = QuestionStatus::Draft;
    const auto a = pickClassQuestions(pack, {"dose"}, 0, 7);
    CHECK(a.size() == 5); // d0..d3 under aptt, d8 under dose; d9 is a draft
    for (const Question& q : a)
        CHECK(q.options.back().id == "d"); // fixed option kept its place
    const auto b = pickClassQuestions(pack, {"dose"}, 0, 7);
    for (std::size_t i = 0; i < a.size(); ++i)
        CHECK(a[i].id == b[i].id);
    CHECK(pickClassQuestions(pack, {}, 3, 1).size() == 3);
    CHECK(optionLabel("ABC", 1) == "B");
    CHECK(optionLabel("abc", 0) == "a");
    CHECK(optionLabel("123", 2) == "3");
    CHECK(optionLabel("none", 2).empty());
    CHECK(optionLabel("ABC", 26) == "27"); // past Z, the number
}

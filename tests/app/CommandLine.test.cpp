#include "app/commands/CommandLine.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace quiz::app;

namespace
{

const std::string kData = QUIZ_TEST_DATA_DIR;
const std::string kValid = kData + "/packs/valid/basics.xml";

/// One in-process run of the command line, with the game replaced by recorders.
struct Run
{
    int exit = -1;
    std::string out;
    std::string err;
    std::optional<GameArgs> game;
    std::optional<PlayArgs> play;
    std::string dataDir; ///< what the game or play was given
};

Run run(const std::vector<std::string>& args, bool withGame = true)
{
    Run result;
    std::ostringstream out;
    std::ostringstream err;
    CommandContext context;
    context.dataDir = "/default/questions";
    context.today = "2026-11-25";
    context.out = &out;
    context.err = &err;
    GameEntry game;
    game.minWindow = {800, 600};
    game.runGame = [&result](const GameArgs& a, const CommandContext& c)
    {
        result.game = a;
        result.dataDir = c.dataDir;
        return 0;
    };
    game.runPlay = [&result](const PlayArgs& a, const CommandContext& c)
    {
        result.play = a;
        result.dataDir = c.dataDir;
        return 0;
    };
    result.exit = runCommandLine(args, context, withGame ? &game : nullptr);
    result.out = out.str();
    result.err = err.str();
    return result;
}

bool has(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("Command line: with no command the game gets its options, typed", "[cli][args]")
{
    const Run r = run({"--window", "1024x768", "--mute", "--script=s.txt", "--data-dir", "packs"});
    REQUIRE(r.exit == 0);
    REQUIRE(r.game);
    REQUIRE(r.game->window);
    CHECK(r.game->window->width == 1024);
    CHECK(r.game->window->height == 768);
    CHECK(r.game->mute);
    CHECK_FALSE(r.game->fullscreen);
    CHECK(r.game->script == "s.txt");
    CHECK(r.dataDir == "packs");
    const Run plain = run({});
    REQUIRE(plain.game);
    CHECK_FALSE(plain.game->window);
    CHECK(plain.dataDir == "/default/questions");
}

TEST_CASE("Command line: a window size is WxH within the game's limits", "[cli][args]")
{
    const Run shape = run({"--window", "1024by768"});
    CHECK(shape.exit == 2);
    CHECK_FALSE(shape.game);
    CHECK(shape.err == "heparin-quiz: --window needs WIDTHxHEIGHT, e.g. 1280x720 (got "
                       "'1024by768')\nTry 'heparin-quiz --help'.\n");
    const Run small = run({"--window", "640x480"});
    CHECK(small.exit == 2);
    CHECK(has(small.err, "--window must be at least 800x600 and at most 16384x16384"));
    CHECK(run({"--window", "x768"}).exit == 2);
    CHECK(run({"--window", "1024x"}).exit == 2);
    CHECK(run({"--window", "99999999999x768"}).exit == 2);
}

TEST_CASE("Command line: play fills its typed options", "[cli][args]")
{
    const Run r = run({"play", "--pack", "p1", "--pack=p2", "--topic", "t1", "--count", "5",
                       "--mode", "exam", "--seed", "4294967295", "--timer", "30", "--fullscreen"});
    REQUIRE(r.exit == 0);
    REQUIRE(r.play);
    CHECK(r.play->packs == std::vector<std::string>{"p1", "p2"});
    CHECK(r.play->topics == std::vector<std::string>{"t1"});
    CHECK(r.play->count == 5);
    CHECK(r.play->mode == quiz::core::Mode::Exam);
    CHECK(r.play->seed == std::optional<std::uint32_t>(4294967295U));
    CHECK(r.play->timerSeconds == 30);
    CHECK(r.play->game.fullscreen);
    const Run defaults = run({"play", "--pack", "p1"});
    REQUIRE(defaults.play);
    CHECK(defaults.play->count == 10);
    CHECK(defaults.play->mode == quiz::core::Mode::Tutor);
    CHECK_FALSE(defaults.play->seed);
}

TEST_CASE("Command line: --player names the player for play and for the game", "[cli][args]")
{
    const Run play = run({"play", "--pack", "p1", "--player", "Zoë Müller"});
    REQUIRE(play.exit == 0);
    REQUIRE(play.play);
    CHECK(play.play->game.player == "Zoë Müller");
    const Run game = run({"--player=Ben"});
    REQUIRE(game.game);
    CHECK(game.game->player == "Ben");
    const Run none = run({"play", "--pack", "p1"});
    REQUIRE(none.play);
    CHECK(none.play->game.player.empty());
    const Run empty = run({"play", "--pack", "p1", "--player", " "});
    CHECK(empty.exit == 2);
    CHECK_FALSE(empty.play);
    CHECK(has(empty.err, "heparin-quiz play: --player is not a usable player name: a player "
                         "name cannot be empty"));
    CHECK(has(run({"--player", std::string(41, 'a')}).err, "at most 40 characters"));
    CHECK(has(run({"play", "--help"}).out, "--player NAME"));
}

TEST_CASE("Command line: out-of-range, malformed and unknown values exit 2 and say why",
          "[cli][args]")
{
    const Run big = run({"play", "--pack", "p", "--count", "10001"});
    CHECK(big.exit == 2);
    CHECK_FALSE(big.play);
    CHECK(big.err == "heparin-quiz play: --count must be between 0 and 10000, not 10001\n"
                     "Try 'heparin-quiz play --help'.\n");
    CHECK(has(run({"play", "--pack", "p", "--count", "7x"}).err,
              "--count needs a whole number, not '7x'"));
    CHECK(has(run({"play", "--pack", "p", "--seed", "4294967296"}).err,
              "--seed must be between 0 and 4294967295, not 4294967296"));
    CHECK(has(run({"play", "--pack", "p", "--seed", "-1"}).err, "--seed must be between"));
    CHECK(has(run({"play", "--pack", "p", "--mode", "quiz"}).err,
              "--mode must be tutor or exam, not 'quiz'"));
    const Run noPack = run({"play"});
    CHECK(noPack.exit == 2);
    CHECK(has(noPack.err, "--pack is required"));
    const Run typo = run({"play", "--pack", "p", "--cont", "3"});
    CHECK(typo.exit == 2);
    CHECK(has(typo.err, "unknown option '--cont' (did you mean '--count'?)"));
    CHECK(run({"play", "--pack"}).err ==
          "heparin-quiz play: --pack needs a value (ID)\nTry 'heparin-quiz play --help'.\n");
    CHECK(has(run({"--data-dir"}).err, "heparin-quiz: --data-dir needs a value (DIR)"));
}

TEST_CASE("Command line: unknown commands and options get a did-you-mean", "[cli][usage]")
{
    const Run command = run({"chek", kValid});
    CHECK(command.exit == 2);
    CHECK(command.err == "heparin-quiz: unknown command 'chek' (did you mean 'check'?)\nTry "
                         "'heparin-quiz --help'.\n");
    const Run option = run({"--fulscreen"});
    CHECK(option.exit == 2);
    CHECK_FALSE(option.game);
    CHECK(has(option.err, "unknown option '--fulscreen' (did you mean '--fullscreen'?)"));
    const Run far = run({"--zzzzzzzz"});
    CHECK(far.err == "heparin-quiz: unknown option '--zzzzzzzz'\nTry 'heparin-quiz --help'.\n");
    CHECK(has(run({"list", "--jsn"}).err, "heparin-quiz list: unknown option '--jsn' (did you mean "
                                          "'--json'?)"));
    CHECK(has(run({"export", "--player", "A", "stray"}).err, "unexpected argument 'stray'"));
    CHECK(has(run({"export-moodle", kValid, kValid, "-o", "x.xml"}).err, "unexpected argument"));
    CHECK(has(run({"export-moodle", kValid, "list", "-o", "x.xml"}).err,
              "unexpected argument 'list'"));
}

TEST_CASE("Command line: --data-dir goes before or after the command", "[cli][args]")
{
    const std::string dir = kData + "/packs/valid";
    for (const auto& args : {std::vector<std::string>{"--data-dir", dir, "list"},
                             std::vector<std::string>{"list", "--data-dir", dir},
                             std::vector<std::string>{"list", "--data-dir=" + dir}})
    {
        const Run r = run(args);
        CHECK(r.exit == 0);
        CHECK(has(r.out, "org.example.heparin-basics"));
    }
    const Run play = run({"play", "--pack", "p", "--data-dir", "mine"});
    CHECK(play.dataDir == "mine");
}

TEST_CASE("Command line: the game's options do not go with another command", "[cli][usage]")
{
    const Run before = run({"--mute", "check", kValid});
    CHECK(before.exit == 2);
    CHECK(has(before.err, "heparin-quiz check: --mute is an option of the game, not of 'check'"));
    const Run after = run({"check", "--mute", kValid});
    CHECK(after.exit == 2);
    CHECK(has(after.err, "unknown option '--mute'"));
}

TEST_CASE("Command line: every command has its own help", "[cli][usage]")
{
    for (const char* command :
         {"check", "list", "import", "export", "export-moodle", "play", "host"})
    {
        const Run help = run({command, "--help"});
        INFO(command);
        CHECK(help.exit == 0);
        CHECK(help.out.rfind(std::string("usage: heparin-quiz ") + command + " [options]", 0) == 0);
        CHECK(has(help.out, "  -h, --help"));
        CHECK(has(help.out, "  --data-dir DIR"));
        CHECK(help.err.empty());
    }
    const Run play = run({"play", "-h"});
    CHECK(has(play.out, "  --pack ID               pack to play (required) (repeatable)\n"));
    CHECK(has(play.out, "  --window WxH            window size in pixels (min 800x600)\n"));
    const Run check = run({"check", "--help"});
    CHECK(has(check.out, "usage: heparin-quiz check [options] PATH...\n"));
    CHECK(has(check.out, "PATH: pack files, or folders searched for *.xml\n"));
    CHECK(has(run({"list", "--help"}).out, "usage: heparin-quiz list [options] [PATH...]\n"));
    const Run top = run({"--help"});
    CHECK(top.exit == 0);
    CHECK(has(top.out, "usage: heparin-quiz [--data-dir DIR] [COMMAND] [options]\n"));
    CHECK(has(top.out, "  --window WxH --fullscreen --mute"));
    CHECK(has(top.out, "  export-moodle   write a pack as Moodle XML\n"));
    CHECK(has(top.out, "  --version "));
}

TEST_CASE("Command line: host checks its values before it opens a socket", "[cli][args]")
{
    const Run noPack = run({"host"});
    CHECK(noPack.exit == 2);
    CHECK(noPack.err == "heparin-quiz host: --pack is required\nTry 'heparin-quiz host --help'.\n");
    CHECK(has(run({"host", "--pack", "p", "--web-port", "65536"}).err,
              "--web-port must be between 0 and 65535, not 65536"));
    CHECK(has(run({"host", "--pack", "p", "--discovery-port", "x"}).err,
              "--discovery-port needs a whole number, not 'x'"));
    CHECK(has(run({"host", "--pack", "p", "--code", "ABCDEFGHIJKLMNOPQ"}).err,
              "--code is at most 16 characters"));
    CHECK(has(run({"host", "--pack", "p", "--time-limt", "5"}).err,
              "unknown option '--time-limt' (did you mean '--time-limit'?)"));
    const Run help = run({"host", "--help"});
    CHECK(has(help.out, "  --discovery-port N      UDP port answering LAN class searches"));
    CHECK(has(help.out, "wait players N [S]")); // the console's commands are part of the help
    // A pack that is not there is an input error (1), not a usage error.
    const Run missing = run({"--data-dir", kData + "/packs/valid", "host", "--pack", "no.such"});
    CHECK(missing.exit == 1);
    CHECK(has(missing.err, "no pack with id 'no.such'"));
}

TEST_CASE("Command line: a build without the game has neither play nor game options",
          "[cli][usage]")
{
    const Run none = run({}, false);
    CHECK(none.exit == 1);
    CHECK(has(none.err, "this build has no game window"));
    CHECK(run({"play", "--pack", "p"}, false).exit == 2);
    CHECK(run({"--mute"}, false).exit == 2);
    const std::string help = run({"--help"}, false).out;
    CHECK_FALSE(has(help, "  play "));
    CHECK_FALSE(has(help, "--window"));
    CHECK(run({"list", kValid}, false).exit == 0);
}

TEST_CASE("Command line: import and export refuse bad values before doing anything", "[cli][args]")
{
    const std::string gift = kData + "/import/gift/heparin.gift";
    CHECK(has(run({"import", "--from", "aiken", gift, "-o", "x.xml"}).err,
              "--from must be moodle, gift or qti, not 'aiken'"));
    CHECK(has(run({"import", "--pack-id", "Bad Id", gift, "-o", "x.xml"}).err,
              "--pack-id must match [a-z0-9][a-z0-9._-]{2,63}"));
    const Run noOut = run({"import", gift});
    CHECK(noOut.exit == 2);
    CHECK(has(noOut.err, "--output is required"));
    CHECK(has(run({"export", "--player", "A", "--format", "xml"}).err,
              "--format must be csv or json, not 'xml'"));
}

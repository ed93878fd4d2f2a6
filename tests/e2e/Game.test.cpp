// End to end: the real executable replays scripted rounds under a display (xvfb-run) and the
// results JSON it writes is checked answer by answer.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace
{

const std::string kExe = QUIZ_GAME_EXE;
const std::string kSource = QUIZ_SOURCE_DIR;
const std::string kPacks = kSource + "/tests/data/ui/packs";

std::string readFile(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

fs::path freshDir(const std::string& name)
{
    const fs::path dir = fs::path(QUIZ_BINARY_DIR) / "e2e-output" / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

int run(const std::string& arguments)
{
    const std::string command = "'" + kExe + "' " + arguments;
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/// Runs the game on the test packs with `options` and the script `script`; screenshots go
/// into `dir`, the results to dir/results.json and the profile to dir/profile. `tail` is added
/// last (e.g. a stderr redirection).
int runScript(const fs::path& dir, const std::string& options, const std::string& script,
              const std::string& tail = "")
{
    return run("--data-dir '" + kPacks + "' " + options + " --script '" + script +
               "' --screenshot-dir '" + dir.string() + "' --results '" +
               (dir / "results.json").string() + "' --profile-dir '" + (dir / "profile").string() +
               "'" + tail);
}

/// The JSON object of one question in the results, by id (the writer is compact).
std::string questionEntry(const std::string& json, const std::string& id)
{
    const std::size_t start = json.find("{\"id\":\"" + id + "\"");
    if (start == std::string::npos)
        return {};
    return json.substr(start, json.find('}', start) - start + 1);
}

bool has(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("Game: a scripted tutor round by keyboard and mouse writes the expected results",
          "[e2e][display]")
{
    const fs::path dir = freshDir("tutor");
    const int code = runScript(dir,
                               "play --pack org.heparinquiz.test-demo --mode tutor --seed 7 "
                               "--count 0 --window 1280x720",
                               kSource + "/tests/e2e/tutor.script",
                               " 2>'" + (dir / "stderr.txt").string() + "'");
    REQUIRE(code == 0);
    // Sounds are on: without an audio device the round is silent and says so once (after
    // what the sound back ends print at the first cue), never once per cue.
    const std::string errors = readFile(dir / "stderr.txt");
    const std::string notice = "no audio device could be opened; playing without sound";
    if (!errors.empty())
    {
        CHECK(has(errors, notice));
        CHECK(errors.find(notice) == errors.rfind(notice));
        CHECK_FALSE(has(errors, "An internal OpenAL call failed"));
    }
    const std::string json = readFile(dir / "results.json");
    INFO(json);
    CHECK(has(json, "\"pack\":\"org.heparinquiz.test-demo\""));
    CHECK(has(json, "\"mode\":\"tutor\""));
    CHECK(has(json, "\"seed\":7"));
    CHECK(has(json, "\"finished\":true"));
    CHECK(has(json, "\"score\":3.33333"));
    CHECK(has(json, "\"max\":6"));
    CHECK(has(json, "\"criticalErrors\":1"));

    CHECK(has(questionEntry(json, "mech-01"), "\"chosen\":[\"a\"],\"correct\":true"));
    CHECK(has(questionEntry(json, "mech-01"), "\"hintsUsed\":1"));
    CHECK(has(questionEntry(json, "mech-02"), "\"chosen\":[\"c\"],\"correct\":false"));
    CHECK(has(questionEntry(json, "safe-02"), "\"chosen\":[\"b\"]"));
    CHECK(has(questionEntry(json, "safe-02"), "\"critical\":true"));
    CHECK(has(questionEntry(json, "mon-01"), "\"chosen\":[\"b\"],\"correct\":true"));
    CHECK(has(questionEntry(json, "mon-02"),
              "\"chosen\":[\"a\",\"c\",\"d\"],\"correct\":false,\"partial\":true,"
              "\"points\":0.333333"));
    CHECK(has(questionEntry(json, "safe-01"), "\"chosen\":[\"false\"],\"correct\":true"));

    for (const char* shot : {"tutor-question", "tutor-hint", "tutor-feedback", "tutor-critical",
                             "tutor-multiple", "tutor-partial", "tutor-results"})
        CHECK(fs::file_size(dir / (std::string(shot) + ".png")) > 1000);
    // The missed questions are remembered for "Review missed" on the title screen.
    CHECK(has(readFile(dir / "profile" / "missed.txt"), "org.heparinquiz.test-demo mech-02"));
}

TEST_CASE("Game: a scripted exam round at 800x600 writes the expected results", "[e2e][display]")
{
    const fs::path dir = freshDir("exam");
    const int code = runScript(dir,
                               "play --pack org.heparinquiz.test-demo --mode exam --seed 7 "
                               "--count 0 --window 800x600 --mute",
                               kSource + "/tests/e2e/exam.script");
    REQUIRE(code == 0);
    const std::string json = readFile(dir / "results.json");
    INFO(json);
    CHECK(has(json, "\"mode\":\"exam\""));
    CHECK(has(json, "\"score\":4,"));
    CHECK(has(json, "\"criticalErrors\":1"));
    CHECK(has(json, "\"correctCount\":4"));
    CHECK(has(questionEntry(json, "mon-01"), "\"chosen\":[\"a\"],\"correct\":false"));
    CHECK(has(questionEntry(json, "mon-02"), "\"chosen\":[\"a\",\"b\",\"d\"],\"correct\":true"));
    CHECK(has(questionEntry(json, "safe-01"), "\"chosen\":[\"true\"]"));
    CHECK(has(questionEntry(json, "safe-01"), "\"critical\":true"));
    CHECK(fs::file_size(dir / "exam-results.png") > 1000);
}

TEST_CASE("Game: a scripted projector class game exports team answers and hands as CSV",
          "[e2e][display][class]")
{
    const fs::path dir = freshDir("projector");
    const int code = runScript(dir, "--window 1280x720", kSource + "/tests/e2e/projector.script");
    REQUIRE(code == 0);
    const std::string csv = readFile(dir / "profile" / "class-results-projector.csv");
    INFO(csv);
    // Script mode fixes the seed, so safe-02 comes first with its options as a, b, c.
    CHECK(has(csv, "player,1,Team 4,0,0,"));
    CHECK(has(csv, "answer,1,Team 2,,,1,safe-02,,b,wrong,0,"));
    CHECK(has(csv, "answer,1,Team 1,,,1,safe-02,,,none,0,,"));
    CHECK(has(csv, "option,,,,,1,safe-02,b,,distractor,,,1\n"));
    CHECK(has(csv, "hands,,,,,1,safe-02,a,,correct,,,2\n"));
    CHECK(has(csv, "hands,,,,,1,safe-02,c,,distractor,,,1\n"));
    for (const char* shot : {"projector-question", "projector-reveal", "projector-final"})
        CHECK(fs::file_size(dir / (std::string(shot) + ".png")) > 1000);
}

TEST_CASE("Game: set-up by mouse and keyboard starts the exam round that was chosen",
          "[e2e][display]")
{
    const fs::path dir = freshDir("menus");
    const int code = runScript(dir, "--window 1280x720", kSource + "/tests/e2e/menus.script");
    REQUIRE(code == 0);
    const std::string json = readFile(dir / "results.json");
    INFO(json);
    CHECK(has(json, "\"mode\":\"exam\""));
    CHECK(has(json, "\"seed\":42"));
    CHECK(has(json, "\"score\":5,"));
    CHECK(has(json, "\"max\":6,"));
    CHECK(has(json, "\"criticalErrors\":0"));
    CHECK(has(questionEntry(json, "mech-02"), "\"chosen\":[\"b\"],\"correct\":false"));
    CHECK(has(questionEntry(json, "mon-02"), "\"chosen\":[\"a\",\"b\",\"d\"],\"correct\":true"));
    CHECK(fs::file_size(dir / "menus-title.png") > 1000);
}

TEST_CASE("Game: Review missed on the title screen replays the missed questions only",
          "[e2e][display]")
{
    const fs::path dir = freshDir("review");
    fs::create_directories(dir / "profile");
    std::ofstream(dir / "profile" / "missed.txt") << "org.heparinquiz.test-demo mon-01\n";
    const int code = runScript(dir, "", kSource + "/tests/e2e/review.script");
    REQUIRE(code == 0);
    const std::string json = readFile(dir / "results.json");
    INFO(json);
    CHECK(has(json, "\"mode\":\"tutor\""));
    CHECK(has(json, "\"max\":1,"));
    CHECK_FALSE(questionEntry(json, "mon-01").empty());
}

TEST_CASE("Game: a question whose timer runs out is recorded unanswered", "[e2e][display]")
{
    const fs::path dir = freshDir("timer");
    std::ofstream(dir / "timer.script") << "wait 5200\nshot timed-out\nkey Enter\nquit\n";
    const int code =
        runScript(dir, "play --pack org.heparinquiz.test-demo --count 1 --timer 5 --seed 3 --mute",
                  (dir / "timer.script").string());
    REQUIRE(code == 0);
    const std::string json = readFile(dir / "results.json");
    INFO(json);
    CHECK(has(json, "\"timerSeconds\":5"));
    CHECK(has(json, "\"chosen\":[],\"correct\":false"));
    CHECK(has(json, "\"timedOut\":true,\"timeMs\":5000"));
}

TEST_CASE("Game: settings changed by keyboard are saved in the profile", "[e2e][display]")
{
    const fs::path dir = freshDir("settings");
    // Title: Down to Settings, Enter; Down to high contrast, Space; Down twice to sound, Space.
    std::ofstream(dir / "settings.script")
        << "key Down\nkey Enter\nkey Down\nkey Space\nkey Down\nkey Space\n"
           "shot settings\nkey Escape\nshot title\nquit\n";
    const int code = runScript(dir, "", (dir / "settings.script").string());
    REQUIRE(code == 0);
    const std::string saved = readFile(dir / "profile" / "settings.ini");
    INFO(saved);
    CHECK(has(saved, "high-contrast=true"));
    CHECK(has(saved, "sound=false"));
    CHECK(has(saved, "fullscreen=false"));
}

TEST_CASE("Game: play --topic limits the round to that topic and its subtopics", "[e2e][display]")
{
    const fs::path dir = freshDir("topic");
    std::ofstream(dir / "topic.script") << "key 1\nkey 1\nquit\n";
    const int code = runScript(
        dir, "play --pack org.heparinquiz.test-demo --topic mech --count 0 --mode exam --mute",
        (dir / "topic.script").string());
    REQUIRE(code == 0);
    const std::string json = readFile(dir / "results.json");
    INFO(json);
    CHECK(has(json, "\"max\":2,"));
    CHECK_FALSE(questionEntry(json, "mech-01").empty());
    CHECK_FALSE(questionEntry(json, "mech-02").empty());
    CHECK(questionEntry(json, "mon-01").empty());
}

TEST_CASE("Game: bad command lines exit with 2 and say what is wrong", "[e2e]")
{
    const fs::path dir = freshDir("usage");
    const std::string err = (dir / "err.txt").string();
    CHECK(run("play --mode exam 2>'" + err + "'") == 2);
    CHECK(has(readFile(err), "--pack is required"));
    CHECK(run("play --pack x --mode quiz 2>'" + err + "'") == 2);
    CHECK(has(readFile(err), "--mode must be 'tutor' or 'exam'"));
    CHECK(run("--window 640x480 2>'" + err + "'") == 2);
    CHECK(has(readFile(err), "at least 800x600"));
    CHECK(run("--windw 800x600 2>'" + err + "'") == 2);
    CHECK(has(readFile(err), "did you mean '--window'"));
}

TEST_CASE("Game: a bad script line is reported with its line number before any window opens",
          "[e2e]")
{
    const fs::path dir = freshDir("bad-script");
    std::ofstream(dir / "bad.script") << "key Enter\njump 3\n";
    const std::string err = (dir / "err.txt").string();
    CHECK(run("--data-dir '" + kPacks + "' --script '" + (dir / "bad.script").string() + "' 2>'" +
              err + "'") == 2);
    CHECK(has(readFile(err), "bad.script:2: unknown command 'jump'"));
}

TEST_CASE("Game: playing a pack that does not exist is refused", "[e2e]")
{
    const fs::path dir = freshDir("no-pack");
    const std::string err = (dir / "err.txt").string();
    CHECK(run("--data-dir '" + kPacks + "' play --pack no.such.pack 2>'" + err + "'") == 2);
    CHECK(has(readFile(err), "no pack with id 'no.such.pack'"));
    CHECK(run("--data-dir '" + kPacks + "' play --pack org.heparinquiz.test-demo --topic nope 2>'" +
              err + "'") == 2);
    CHECK(has(readFile(err), "no topic 'nope' in the chosen packs"));
}

TEST_CASE("Game: a missing font is a clear error and a non-zero exit", "[e2e]")
{
    const fs::path dir = freshDir("no-font");
    const std::string err = (dir / "err.txt").string();
    CHECK(run("--data-dir '" + kPacks + "' --font-dir /nonexistent 2>'" + err + "'") == 1);
    CHECK(has(readFile(err), "cannot load the font '/nonexistent/DejaVuSans.ttf'"));
}

TEST_CASE("Game: a player's mistakes come back as due reviews after a restart with the same "
          "profile folder",
          "[e2e][display][progress]")
{
    const fs::path dir = freshDir("progress");
    const std::string data = "--data-dir '" + kPacks + "'";
    const std::string common = " --window 1280x720 --profile-dir '" + (dir / "profile").string() +
                               "' --screenshot-dir '" + dir.string() + "'";
    // 1. Create the player on the title screen.
    REQUIRE(run(data + common + " --script '" + kSource + "/tests/e2e/new-player.script'") == 0);
    CHECK(has(readFile(dir / "profile" / "last-profile.txt"), "ana"));
    // 2. A tutor round, quit after three answers (two of them wrong).
    REQUIRE(run(data + " play --pack org.heparinquiz.test-demo --mode tutor --seed 7 --count 0" +
                common + " --script '" + kSource + "/tests/e2e/confident-mistakes.script'") == 0);
    // 3. Start again: the title offers the review, which plays exactly the two mistakes.
    const fs::path results = dir / "review.json";
    REQUIRE(run(data + common + " --results '" + results.string() + "' --script '" + kSource +
                "/tests/e2e/review-due.script'") == 0);
    const std::string json = readFile(results);
    INFO(json);
    CHECK(has(json, "\"finished\":true"));
    std::size_t answered = 0;
    for (std::size_t at = json.find("{\"id\":\""); at != std::string::npos;
         at = json.find("{\"id\":\"", at + 1))
        ++answered;
    CHECK(answered == 2);
    CHECK_FALSE(questionEntry(json, "mech-02").empty());
    CHECK_FALSE(questionEntry(json, "safe-02").empty());
    CHECK(questionEntry(json, "mech-01").empty());
    for (const char* shot : {"players-created", "title-with-player", "confidence-asked",
                             "title-review-due", "review-results"})
        CHECK(fs::file_size(dir / (std::string(shot) + ".png")) > 1000);

    // Every answer is in the player's history with its confidence and mode.
    const fs::path exported = dir / "history.csv";
    REQUIRE(run("export --player Ana --profile-dir '" + (dir / "profile").string() +
                "' --output '" + exported.string() + "'") == 0);
    const std::string csv = readFile(exported);
    INFO(csv);
    CHECK(has(csv, "sure"));
    CHECK(has(csv, "unsure"));
    CHECK(has(csv, "guess"));
    CHECK(has(csv, "review"));
    std::size_t lines = 0;
    for (const char c : csv)
        lines += c == '\n' ? 1U : 0U;
    CHECK(lines == 1 + 3 + 2); // header, the round's three answers, the review's two
}

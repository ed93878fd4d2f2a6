// End to end: the real executable replays scripted rounds under a display (xvfb-run) and the
// results JSON it writes is checked answer by answer.
#include "Screenshot.hpp"

#include <SFML/Graphics/Image.hpp>
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using Json = nlohmann::json;

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

/// The results file the game wrote; a file that is missing or not JSON fails the test.
Json readResults(const fs::path& path)
{
    const std::string text = readFile(path);
    INFO(path.string() << ":\n" << text);
    REQUIRE(Json::accept(text));
    return Json::parse(text);
}

/// The entry of question `id` in the results, or null when it was not played.
Json questionEntry(const Json& results, const std::string& id)
{
    for (const Json& question : results.at("questions"))
    {
        if (question.at("id") == id)
            return question;
    }
    return nullptr;
}

Json ids(std::initializer_list<const char*> list)
{
    Json array = Json::array();
    for (const char* id : list)
        array.push_back(id);
    return array;
}

bool has(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("Game: a scripted round types numbers: letters are refused, a right answer with a "
          "comma or a point counts, and named mistakes are recorded",
          "[e2e][display][dose]")
{
    const fs::path dir = freshDir("dose");
    fs::create_directories(dir / "profile");
    std::ofstream(dir / "profile" / "settings.ini") << "ask-confidence=false\n";
    const int code = run("--data-dir '" + kSource +
                         "/tests/data/ui/dose' play --pack org.heparinquiz.test-dose "
                         "--mode tutor --seed 7 --count 0 --window 1280x720 --mute --script '" +
                         kSource + "/tests/e2e/dose.script' --screenshot-dir '" + dir.string() +
                         "' --results '" + (dir / "results.json").string() + "' --profile-dir '" +
                         (dir / "profile").string() + "'");
    REQUIRE(code == 0);
    const Json json = readResults(dir / "results.json");
    INFO(json.dump());
    REQUIRE(json["questions"].size() == 4);
    CHECK(json["finished"] == true);
    const Json rate = questionEntry(json, "dose-rate");
    // "2x" left the field at "2" with a message; the number typed after it is what counted.
    CHECK(rate["typed"].get<double>() == Approx(23.4));
    CHECK(rate["correct"] == true);
    const Json caseRate = questionEntry(json, "case-rate");
    CHECK(caseRate["correct"] == true);
    CHECK(caseRate["case"] == "case-postop");
    const Json caseUp = questionEntry(json, "case-up");
    CHECK(caseUp["correct"] == false);
    CHECK(caseUp["mistake"] == 0);
    CHECK(has(caseUp["mistakeText"].get<std::string>(), "only the increase"));
    const Json bolus = questionEntry(json, "dose-bolus");
    CHECK(bolus["typed"].get<double>() == Approx(2.5));
    CHECK(bolus["mistake"] == 0);
    CHECK(has(bolus["mistakeText"].get<std::string>(), "pounds (154 lb)"));
    CHECK(bolus["critical"] == true);
    CHECK(json["criticalErrors"] == 1);
    for (const char* shot : {"dose-letters", "dose-right", "dose-case", "dose-mistake"})
        CHECK(screenshotProblem(dir / (std::string(shot) + ".png"), 1280, 720).empty());
}

TEST_CASE("Game: the screenshot check refuses a blank frame, a one-colour panel and a wrong size",
          "[e2e]")
{
    const fs::path dir = freshDir("screenshot-check");
    sf::Image blank;
    blank.create(1280, 720, sf::Color(22, 27, 38));
    REQUIRE(blank.saveToFile((dir / "blank.png").string()));
    CHECK(screenshotProblem(dir / "blank.png", 1280, 720).find("looks blank") != std::string::npos);
    sf::Image panel = blank;
    for (unsigned y = 100; y < 400; ++y)
        for (unsigned x = 100; x < 900; ++x)
            panel.setPixel(x, y, sf::Color(36, 48, 70));
    REQUIRE(panel.saveToFile((dir / "panel.png").string()));
    CHECK(screenshotProblem(dir / "panel.png", 1280, 720).find("looks blank") != std::string::npos);
    CHECK(screenshotProblem(dir / "panel.png", 800, 600).find("not the window's 800x600") !=
          std::string::npos);
    CHECK(screenshotProblem(dir / "missing.png", 1280, 720).find("missing") != std::string::npos);
    // A frame with varied content passes.
    sf::Image drawn = panel;
    for (unsigned y = 0; y < 200; ++y)
        for (unsigned x = 0; x < 400; ++x)
            drawn.setPixel(x, y,
                           sf::Color(static_cast<sf::Uint8>(x), static_cast<sf::Uint8>(y), 90));
    REQUIRE(drawn.saveToFile((dir / "drawn.png").string()));
    CHECK(screenshotProblem(dir / "drawn.png", 1280, 720).empty());
}

TEST_CASE("Game: an imported QTI item answered wrongly shows its incorrect feedback, not the "
          "correct one",
          "[e2e][display][import]")
{
    const fs::path dir = freshDir("qti-wrong");
    fs::create_directories(dir / "packs");
    REQUIRE(
        run("import --from qti '" + kSource +
            "/tests/data/import/qti/v21/aptt-feedback.xml' --pack-id org.example.qti-aptt -o '" +
            (dir / "packs" / "qti-aptt.xml").string() + "' > '" + (dir / "import.log").string() +
            "' 2>&1") == 0);
    fs::create_directories(dir / "profile");
    std::ofstream(dir / "profile" / "settings.ini") << "ask-confidence=false\n";
    const int code = run("--data-dir '" + (dir / "packs").string() +
                         "' play --pack org.example.qti-aptt --mode tutor --seed 3 --count 0 "
                         "--window 1280x720 --mute --script '" +
                         kSource + "/tests/e2e/qti-wrong.script' --screenshot-dir '" +
                         dir.string() + "' --results '" + (dir / "results.json").string() +
                         "' --profile-dir '" + (dir / "profile").string() + "'");
    REQUIRE(code == 0);
    const Json json = readResults(dir / "results.json");
    INFO(json.dump());
    REQUIRE(json["questions"].size() == 1);
    const Json& answer = json["questions"][0];
    CHECK(answer["correct"] == false);
    CHECK(answer["chosenText"][0].get<std::string>().find("Increase the rate") == 0);
    CHECK(answer["outcome"] == "incorrect");
    REQUIRE(answer["feedback"].size() == 1);
    const std::string shown = answer["feedback"][0].get<std::string>();
    CHECK(shown.rfind("Not quite.", 0) == 0);
    CHECK(shown.find("Correct.") == std::string::npos);
    CHECK(screenshotProblem(dir / "qti-wrong-feedback.png", 1280, 720).empty());
}

TEST_CASE("Game: a scripted tutor round by keyboard and mouse writes the expected results",
          "[e2e][display]")
{
    const fs::path dir = freshDir("tutor");
    // The round itself: the Sure / Unsure / Guess question a player's tutor answers get (a
    // first start makes a player) is the progress test's.
    fs::create_directories(dir / "profile");
    std::ofstream(dir / "profile" / "settings.ini") << "ask-confidence=false\n";
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
    const Json json = readResults(dir / "results.json");
    INFO(json.dump());
    CHECK(json["pack"] == "org.heparinquiz.test-demo");
    CHECK(json["mode"] == "tutor");
    CHECK(json["seed"] == 7);
    CHECK(json["finished"] == true);
    CHECK(json["score"].get<double>() == Approx(3.0 + 1.0 / 3.0));
    CHECK(json["max"] == 6);
    CHECK(json["criticalErrors"] == 1);

    const Json mech01 = questionEntry(json, "mech-01");
    CHECK(mech01["chosenIds"] == ids({"a"}));
    CHECK(mech01["correct"] == true);
    CHECK(mech01["hintsUsed"] == 1);
    const Json mech02 = questionEntry(json, "mech-02");
    CHECK(mech02["chosenIds"] == ids({"c"}));
    CHECK(mech02["correct"] == false);
    const Json safe02 = questionEntry(json, "safe-02");
    CHECK(safe02["chosenIds"] == ids({"b"}));
    CHECK(safe02["critical"] == true);
    const Json mon01 = questionEntry(json, "mon-01");
    CHECK(mon01["chosenIds"] == ids({"b"}));
    CHECK(mon01["correct"] == true);
    const Json mon02 = questionEntry(json, "mon-02");
    CHECK(mon02["chosenIds"] == ids({"a", "c", "d"}));
    CHECK(mon02["correct"] == false);
    CHECK(mon02["partial"] == true);
    CHECK(mon02["points"].get<double>() == Approx(1.0 / 3.0));
    const Json safe01 = questionEntry(json, "safe-01");
    CHECK(safe01["chosenIds"] == ids({"false"}));
    CHECK(safe01["correct"] == true);

    for (const char* shot : {"tutor-question", "tutor-hint", "tutor-feedback", "tutor-critical",
                             "tutor-multiple", "tutor-partial", "tutor-results"})
        CHECK(screenshotProblem(dir / (std::string(shot) + ".png"), 1280, 720).empty());
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
    const Json json = readResults(dir / "results.json");
    INFO(json.dump());
    CHECK(json["mode"] == "exam");
    CHECK(json["score"] == 4);
    CHECK(json["criticalErrors"] == 1);
    CHECK(json["correctCount"] == 4);
    CHECK(questionEntry(json, "mon-01")["chosenIds"] == ids({"a"}));
    CHECK(questionEntry(json, "mon-01")["correct"] == false);
    CHECK(questionEntry(json, "mon-02")["chosenIds"] == ids({"a", "b", "d"}));
    CHECK(questionEntry(json, "mon-02")["correct"] == true);
    CHECK(questionEntry(json, "safe-01")["chosenIds"] == ids({"true"}));
    CHECK(questionEntry(json, "safe-01")["critical"] == true);
    CHECK(screenshotProblem(dir / "exam-results.png", 800, 600).empty());
}

TEST_CASE("Game: a scripted projector class game exports team answers and hands as CSV",
          "[e2e][display][class]")
{
    const fs::path dir = freshDir("projector");
    const int code = runScript(dir, "--window 1280x720", kSource + "/tests/e2e/projector.script");
    REQUIRE(code == 0);
    // Named by date and time, so the next class does not overwrite it.
    std::vector<fs::path> exports;
    for (const fs::directory_entry& entry : fs::directory_iterator(dir / "profile"))
    {
        const std::string name = entry.path().filename().string();
        if (name.rfind("class-results-projector-", 0) == 0)
            exports.push_back(entry.path());
    }
    REQUIRE(exports.size() == 1);
    CHECK(exports.front().filename().string().size() ==
          std::string("class-results-projector-YYYYMMDD-HHMMSS.csv").size());
    const std::string csv = readFile(exports.front());
    INFO(csv);
    // Script mode fixes the seed, so safe-02 comes first with its options as a, b, c: the class
    // saw them as A, B, C, and the CSV says so, with the question's text.
    const std::string stem =
        "A nurse prepares a subcutaneous heparin injection. Which action is correct?";
    CHECK(has(csv, "player,1,Team 4,0,0,"));
    CHECK(has(csv, "answer,1,Team 2,,,1,safe-02," + stem + ",,,B,wrong,0,"));
    CHECK(has(csv, "answer,1,Team 1,,,1,safe-02," + stem + ",,,,none,0,,"));
    CHECK(has(csv, "option,,,,,1,safe-02," + stem + ",B,"));
    CHECK(has(csv, ",distractor,,,1\n"));
    // The option text holds a comma, so it is quoted.
    CHECK(has(csv, "hands,,,,,1,safe-02," + stem + ",A,\"Inject into the abdominal fat,"));
    CHECK(has(csv, ",correct,,,2\n"));
    CHECK(has(csv, ",distractor,,,1\n"));
    for (const char* shot : {"projector-question", "projector-reveal", "projector-final"})
        CHECK(screenshotProblem(dir / (std::string(shot) + ".png"), 1280, 720).empty());
}

TEST_CASE("Game: set-up by mouse and keyboard starts the exam round that was chosen",
          "[e2e][display]")
{
    const fs::path dir = freshDir("menus");
    const int code = runScript(dir, "--window 1280x720", kSource + "/tests/e2e/menus.script");
    REQUIRE(code == 0);
    const Json json = readResults(dir / "results.json");
    INFO(json.dump());
    CHECK(json["mode"] == "exam");
    CHECK(json["seed"] == 42);
    CHECK(json["score"] == 5);
    CHECK(json["max"] == 6);
    CHECK(json["criticalErrors"] == 0);
    CHECK(questionEntry(json, "mech-02")["chosenIds"] == ids({"b"}));
    CHECK(questionEntry(json, "mech-02")["correct"] == false);
    CHECK(questionEntry(json, "mon-02")["chosenIds"] == ids({"a", "b", "d"}));
    CHECK(questionEntry(json, "mon-02")["correct"] == true);
    CHECK(screenshotProblem(dir / "menus-title.png", 1280, 720).empty());
}

TEST_CASE("Game: Review missed on the title screen replays the missed questions only",
          "[e2e][display]")
{
    const fs::path dir = freshDir("review");
    // A shared computer where a player exists but nobody is chosen: the last round's misses.
    fs::create_directories(dir / "profile" / "profiles" / "someone");
    std::ofstream(dir / "profile" / "profiles" / "someone" / "name.txt") << "Someone";
    std::ofstream(dir / "profile" / "missed.txt") << "org.heparinquiz.test-demo mon-01\n";
    const int code = runScript(dir, "", kSource + "/tests/e2e/review.script");
    REQUIRE(code == 0);
    const Json json = readResults(dir / "results.json");
    INFO(json.dump());
    CHECK(json["mode"] == "tutor");
    CHECK(json["max"] == 1);
    CHECK_FALSE(questionEntry(json, "mon-01").is_null());
}

TEST_CASE("Game: a question whose timer runs out is recorded unanswered", "[e2e][display]")
{
    const fs::path dir = freshDir("timer");
    std::ofstream(dir / "timer.script") << "wait 5200\nshot timed-out\nkey Enter\nquit\n";
    const int code =
        runScript(dir, "play --pack org.heparinquiz.test-demo --count 1 --timer 5 --seed 3 --mute",
                  (dir / "timer.script").string());
    REQUIRE(code == 0);
    const Json json = readResults(dir / "results.json");
    INFO(json.dump());
    CHECK(json["timerSeconds"] == 5);
    REQUIRE(json["questions"].size() == 1);
    const Json& question = json["questions"][0];
    CHECK(question["chosen"] == Json::array());
    CHECK(question["correct"] == false);
    CHECK(question["timedOut"] == true);
    CHECK(question["timeMs"] == 5000);
}

TEST_CASE("Game: settings changed by keyboard are saved in the profile", "[e2e][display]")
{
    const fs::path dir = freshDir("settings");
    // Title: Down six times from Continue to Settings (past Play, Statistics, Choose player and
    // the class games), Enter; Down to high contrast, Space; Down twice to sound, Space.
    std::ofstream(dir / "settings.script")
        << "key Down\nkey Down\nkey Down\nkey Down\nkey Down\nkey Down\nkey Enter\n"
           "key Down\nkey Space\nkey Down\nkey Space\n"
           "shot settings\nkey Escape\nshot title\nquit\n";
    const int code = runScript(dir, "", (dir / "settings.script").string());
    REQUIRE(code == 0);
    const std::string saved = readFile(dir / "profile" / "settings.ini");
    INFO(saved);
    CHECK(has(saved, "high-contrast=true"));
    CHECK(has(saved, "sound=false"));
    CHECK(has(saved, "fullscreen=false"));
}

TEST_CASE("Game: an explicit --window beats a fullscreen saved in the settings", "[e2e][display]")
{
    const fs::path dir = freshDir("window-over-fullscreen");
    fs::create_directories(dir / "profile");
    std::ofstream(dir / "profile" / "settings.ini") << "fullscreen=true\n";
    std::ofstream(dir / "window.script") << "shot window\nquit\n";
    REQUIRE(runScript(dir, "--window 1024x700 --mute", (dir / "window.script").string()) == 0);
    // The PNG header holds the width and height as big-endian numbers at bytes 16 and 20.
    const std::string png = readFile(dir / "window.png");
    REQUIRE(png.size() > 24);
    const auto number = [&png](std::size_t at)
    {
        unsigned value = 0;
        for (std::size_t i = at; i < at + 4; ++i)
            value = value * 256U + static_cast<unsigned char>(png[i]);
        return value;
    };
    CHECK(number(16) == 1024);
    CHECK(number(20) == 700);
}

TEST_CASE("Game: play --topic limits the round to that topic and its subtopics", "[e2e][display]")
{
    const fs::path dir = freshDir("topic");
    std::ofstream(dir / "topic.script") << "key 1\nkey Enter\nkey 1\nkey Enter\nquit\n";
    const int code = runScript(
        dir, "play --pack org.heparinquiz.test-demo --topic mech --count 0 --mode exam --mute",
        (dir / "topic.script").string());
    REQUIRE(code == 0);
    const Json json = readResults(dir / "results.json");
    INFO(json.dump());
    CHECK(json["max"] == 2);
    CHECK_FALSE(questionEntry(json, "mech-01").is_null());
    CHECK_FALSE(questionEntry(json, "mech-02").is_null());
    CHECK(questionEntry(json, "mon-01").is_null());
}

TEST_CASE("Game: bad command lines exit with 2 and say what is wrong", "[e2e]")
{
    const fs::path dir = freshDir("usage");
    const std::string err = (dir / "err.txt").string();
    CHECK(run("play --mode exam 2>'" + err + "'") == 2);
    CHECK(has(readFile(err), "--pack is required"));
    CHECK(run("play --pack x --mode quiz 2>'" + err + "'") == 2);
    CHECK(has(readFile(err), "--mode must be tutor or exam, not 'quiz'"));
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
    const Json json = readResults(results);
    INFO(json.dump());
    CHECK(json["finished"] == true);
    CHECK(json["questions"].size() == 2);
    CHECK_FALSE(questionEntry(json, "mech-02").is_null());
    CHECK_FALSE(questionEntry(json, "safe-02").is_null());
    CHECK(questionEntry(json, "mech-01").is_null());
    for (const char* shot : {"players-created", "title-with-player", "confidence-asked",
                             "title-review-due", "review-results"})
        CHECK(screenshotProblem(dir / (std::string(shot) + ".png"), 1280, 720).empty());

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

TEST_CASE("Game: play tells a player whose history was damaged before the first question, on "
          "screen and on stderr, and the notice stays until dismissed",
          "[e2e][display][progress]")
{
    const fs::path dir = freshDir("progress-notice");
    const fs::path profile = dir / "profile";
    const std::string data = "--data-dir '" + kPacks + "' ";
    const std::string common = " --window 1280x720 --profile-dir '" + profile.string() +
                               "' --screenshot-dir '" + dir.string() + "'";
    REQUIRE(run(data + common + " --script '" + kSource + "/tests/e2e/new-player.script'") == 0);
    fs::path database;
    // Ana's: the first start also made a player for the account.
    for (const auto& entry : fs::recursive_directory_iterator(profile))
        if (entry.path().filename() == "progress.sqlite" &&
            readFile(entry.path().parent_path() / "name.txt") == "Ana")
            database = entry.path();
    REQUIRE_FALSE(database.empty());
    const std::string garbage(3000, '#');
    std::ofstream(database, std::ios::binary | std::ios::trunc) << garbage;

    const fs::path err = dir / "stderr.txt";
    REQUIRE(run(data + "play --pack org.heparinquiz.test-demo --mode tutor --seed 7 --mute" +
                common + " --script '" + kSource + "/tests/e2e/progress-notice.script' 2>'" +
                err.string() + "'") == 0);
    const std::string told = readFile(err);
    INFO(told);
    CHECK(has(told, "heparin-quiz: The progress file " + database.string() + " could not be read"));
    CHECK(has(told, "a fresh history was started"));
    CHECK(told.find("could not be read") == told.rfind("could not be read")); // said once
    std::size_t kept = 0;
    for (const auto& entry : fs::directory_iterator(database.parent_path()))
        if (has(entry.path().filename().string(), "progress.sqlite.corrupt-"))
            kept += readFile(entry.path()) == garbage ? 1U : 0U;
    CHECK(kept == 1);

    // The box's amber stripe (left edge, top of the window) is over the question and the
    // feedback, and gone once dismissed.
    const sf::Color amber(247, 186, 72); // the normal palette's critical (ui/Theme.cpp)
    auto stripe = [&](const char* shot)
    {
        sf::Image image;
        REQUIRE(image.loadFromFile((dir / (std::string(shot) + ".png")).string()));
        return image.getPixel(142, 40);
    };
    CHECK(stripe("notice-question") == amber);
    CHECK(stripe("notice-feedback") == amber);
    CHECK(stripe("notice-dismissed") != amber);
}

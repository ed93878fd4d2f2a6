// Measures the game's performance budgets against a minimal SFML program, side by side under
// the same X server. Prints `figure NAME VALUE UNIT` lines and `budget` verdicts, and exits 1
// when a budget is missed: peak memory at most 1.5x the bare window's, idle CPU under 2%.
// Run it under a display big enough for 1920x1080: xvfb-run -a -s "-screen 0 1920x1080x24"
#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace
{

const std::string kGame = QUIZ_GAME_EXE;
const std::string kMinimal = QUIZ_MINIMAL_EXE;
const std::string kPacks = std::string(QUIZ_SOURCE_DIR) + "/tests/data/ui/packs";
const std::string kWork = QUIZ_BINARY_DIR;

struct Outcome
{
    double wallMs = 0.0;
    long maxRssKb = 0;
    int exitCode = -1;
};

pid_t spawn(const std::vector<std::string>& args, const std::string& stdoutPath)
{
    const pid_t pid = fork();
    if (pid == 0)
    {
        const int out = open(stdoutPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (out >= 0)
        {
            dup2(out, 1);
            dup2(out, 2);
        }
        std::vector<char*> argv;
        for (const std::string& arg : args)
            argv.push_back(const_cast<char*>(arg.c_str()));
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    return pid;
}

Outcome runToEnd(const std::vector<std::string>& args, const std::string& stdoutPath = "/dev/null")
{
    Outcome outcome;
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = spawn(args, stdoutPath);
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    outcome.wallMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    outcome.maxRssKb = usage.ru_maxrss;
    outcome.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return outcome;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

void writeFile(const std::string& path, const std::string& text)
{
    std::ofstream(path) << text;
}

std::vector<std::string> gameArgs(const std::string& window, const std::string& script)
{
    std::vector<std::string> args = {kGame,
                                     "--data-dir",
                                     kPacks,
                                     "play",
                                     "--pack",
                                     "org.heparinquiz.test-demo",
                                     "--seed",
                                     "7",
                                     "--mute",
                                     "--window",
                                     window,
                                     "--profile-dir",
                                     kWork + "/bench-profile"};
    if (!script.empty())
    {
        args.push_back("--script");
        args.push_back(script);
    }
    return args;
}

/// CPU time (user + system) of a running process in seconds, from /proc.
double cpuSeconds(pid_t pid)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    std::getline(in, line);
    std::istringstream fields(line.substr(line.rfind(')') + 2));
    std::string field;
    unsigned long long utime = 0;
    unsigned long long stime = 0;
    for (int i = 3; i <= 15 && fields >> field; ++i)
    {
        if (i == 14)
            utime = std::stoull(field);
        if (i == 15)
            stime = std::stoull(field);
    }
    return static_cast<double>(utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

bool budget(const char* name, double value, double limit)
{
    const bool ok = value <= limit;
    std::printf("budget %s %.2f <= %.2f %s\n", name, value, limit, ok ? "ok" : "EXCEEDED");
    return ok;
}

} // namespace

int main()
{
    // Without a display, run again under Xvfb at 1920x1080 (as CI does for every benchmark).
    const char* display = std::getenv("DISPLAY");
    if (display == nullptr || display[0] == '\0')
    {
        // Resolve our own path now: under xvfb-run, /proc/self would name another process.
        char self[4096] = {};
        if (readlink("/proc/self/exe", self, sizeof self - 1) <= 0)
            return 1;
        execlp("xvfb-run", "xvfb-run", "-a", "-s", "-screen 0 1920x1080x24", self,
               static_cast<char*>(nullptr));
        std::cerr << "ui_bench: no DISPLAY and xvfb-run is not available\n";
        return 1;
    }
    const std::string quitScript = kWork + "/bench-quit.script";
    writeFile(quitScript, "quit\n");

    // Cold start to the first presented frame: the game shows its first question and quits at
    // once; the minimal program opens a window and presents one frame. Alternate, take medians.
    std::vector<double> gameMs;
    std::vector<double> minimalMs;
    long gameRss = 0;
    long minimalRss = 0;
    for (int i = 0; i < 7; ++i)
    {
        const Outcome minimal = runToEnd({kMinimal});
        const Outcome game = runToEnd(gameArgs("1280x720", quitScript));
        if (minimal.exitCode != 0 || game.exitCode != 0)
        {
            std::cerr << "ui_bench: a program failed (is there a display? run under xvfb-run)\n";
            return 1;
        }
        minimalMs.push_back(minimal.wallMs);
        gameMs.push_back(game.wallMs);
        minimalRss = std::max(minimalRss, minimal.maxRssKb);
        gameRss = std::max(gameRss, game.maxRssKb);
    }
    std::printf("figure startup_minimal_sfml %.1f ms\n", median(minimalMs));
    std::printf("figure startup_game %.1f ms\n", median(gameMs));
    std::printf("figure startup_ratio %.2f x\n", median(gameMs) / median(minimalMs));
    std::printf("figure peak_memory_minimal_sfml %.1f MiB\n",
                static_cast<double>(minimalRss) / 1024.0);
    std::printf("figure peak_memory_game %.1f MiB\n", static_cast<double>(gameRss) / 1024.0);
    const double memoryRatio = static_cast<double>(gameRss) / static_cast<double>(minimalRss);
    std::printf("figure peak_memory_ratio %.2f x\n", memoryRatio);
    bool ok = budget("peak_memory_ratio", memoryRatio, 1.5);
    std::fflush(stdout);

    // Idle CPU on a question screen waiting for input, over 10 seconds.
    const pid_t idle = spawn(gameArgs("1280x720", ""), kWork + "/bench-idle.log");
    std::this_thread::sleep_for(std::chrono::seconds(2));
    const double before = cpuSeconds(idle);
    std::this_thread::sleep_for(std::chrono::seconds(10));
    const double after = cpuSeconds(idle);
    kill(idle, SIGTERM);
    waitpid(idle, nullptr, 0);
    const double idlePercent = (after - before) / 10.0 * 100.0;
    std::printf("figure idle_cpu_question_screen %.2f %%\n", idlePercent);
    ok = budget("idle_cpu_question_screen_percent", idlePercent, 2.0) && ok;
    std::fflush(stdout);

    // Frame time while animating at 1920x1080 (screen transitions replayed every 10 frames).
    // 1000 frames: the 99th percentile of 300 would be the third-slowest frame alone, which
    // one scheduling hiccup of the X server moves by milliseconds.
    const std::string framesScript = kWork + "/bench-frames.script";
    writeFile(framesScript, "wait 500\nframes 1000\nquit\n");
    const std::string framesLog = kWork + "/bench-frames.log";
    const Outcome frames = runToEnd(gameArgs("1920x1080", framesScript), framesLog);
    std::ifstream log(framesLog);
    std::string line;
    while (std::getline(log, line))
    {
        if (line.rfind("figure ", 0) == 0)
            std::printf("%s (1920x1080)\n", line.c_str());
    }
    // The floor: a minimal SFML program only clearing and presenting at the same size.
    const std::string baseLog = kWork + "/bench-frames-minimal.log";
    runToEnd({kMinimal, "--frames", "1000", "1920", "1080"}, baseLog);
    std::ifstream baseline(baseLog);
    while (std::getline(baseline, line))
    {
        if (line.rfind("figure frame_time_", 0) == 0)
            std::printf("figure minimal_sfml_%s (1920x1080, clear and present only)\n",
                        line.substr(7).c_str());
    }
    return frames.exitCode == 0 && ok ? 0 : 1;
}

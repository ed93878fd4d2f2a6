// net_load: WebSocket students on loopback against a class host in its own process. Each
// student answers every question the moment it arrives; 15 questions. Prints `figure` lines:
// joined, lost answers, answer-to-ack p50/p99/max, question broadcast spread p99, and the host
// process's peak memory and CPU time. Usage: net_load [STUDENTS...] (default 200 500 1000).
// Everything is on 127.0.0.x; every wait is bounded, so a run always ends by itself.
#include "net/Fixtures.hpp"
#include "net/HostServer.hpp"
#include "net/Swarm.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace quiz;
using namespace quiz::net;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

namespace
{

constexpr int kQuestions = 15;

/// The host side, in the child process: waits for `students`, plays kQuestions questions
/// (each closes when all have answered), ends, then writes "RSS_KB CPU_MS" to `report`.
int runHost(int students, int portPipe, int report)
{
    core::ClassSettings settings;
    settings.maxPlayers = 1000;
    HostConfig config;
    config.port = 0;
    config.bindAddress = "127.0.0.1";
    config.classCode = "BENCH1";
    config.maxConnections = 1000;
    HostServer host(test::makeQuestions(kQuestions), settings, config);
    const core::Outcome<unsigned short> port = host.listen();
    const unsigned short value = port.isOk() ? port.getValue() : 0;
    if (write(portPipe, &value, sizeof value) != sizeof value || value == 0)
        return 1;
    const auto start = Clock::now();
    const auto now = [start]
    { return std::chrono::duration_cast<milliseconds>(Clock::now() - start); };
    milliseconds phaseAt{0};
    bool ended = false;
    while (now() < milliseconds{180000})
    {
        host.waitForActivity(milliseconds{1});
        host.poll(now());
        (void)host.takeEvents();
        const core::Classroom& room = host.getClassroom();
        if (room.getPhase() == core::ClassPhase::Lobby &&
            (room.countConnected() >= static_cast<std::size_t>(students) ||
             now() > milliseconds{30000}))
        {
            (void)host.command(core::HostCommand::Start, now());
            phaseAt = now();
        }
        // A short look at each reveal and leaderboard, as a class would take.
        else if ((room.getPhase() == core::ClassPhase::Reveal ||
                  room.getPhase() == core::ClassPhase::Leaderboard) &&
                 now() - phaseAt > milliseconds{100})
        {
            (void)host.command(core::HostCommand::Next, now());
            phaseAt = now();
        }
        else if (room.getPhase() == core::ClassPhase::Question &&
                 now() - phaseAt > milliseconds{20000})
        {
            (void)host.command(core::HostCommand::Reveal, now()); // somebody never answered
            phaseAt = now();
        }
        if (room.getPhase() == core::ClassPhase::Finished && !ended)
        {
            ended = true;
            phaseAt = now();
        }
        if (ended && now() - phaseAt > milliseconds{1000})
            break;
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const long cpuMs = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000L +
                       (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000L;
    const std::string line = std::to_string(usage.ru_maxrss) + " " + std::to_string(cpuMs) + " " +
                             std::to_string(now().count()) + "\n";
    return write(report, line.data(), line.size()) == static_cast<ssize_t>(line.size()) ? 0 : 1;
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(index, values.size() - 1)];
}

struct Seat
{
    bool joined = false;
    bool finished = false;
    std::vector<Clock::time_point> questionAt = std::vector<Clock::time_point>(kQuestions);
    std::vector<Clock::time_point> sentAt = std::vector<Clock::time_point>(kQuestions);
    std::vector<double> ackMs = std::vector<double>(kQuestions, -1.0);
    int sent = 0;
};

void figure(int students, const char* name, double value, const char* unit)
{
    std::printf("figure net_ws_%d_%s %.2f %s\n", students, name, value, unit);
}

int runStudents(int students)
{
    int portPipe[2];
    int report[2];
    if (pipe(portPipe) != 0 || pipe(report) != 0)
        return 1;
    const pid_t child = fork();
    if (child == 0)
        _exit(runHost(students, portPipe[1], report[1]));
    unsigned short port = 0;
    if (read(portPipe[0], &port, sizeof port) != sizeof port || port == 0)
        return 1;

    std::vector<Seat> seats(static_cast<std::size_t>(students));
    test::Swarm swarm(port);
    swarm.onText = [&seats](test::Swarm& self, test::Swarm::Student& student,
                            const std::string& text, Clock::time_point at)
    {
        Seat& seat = seats[student.index];
        const nlohmann::json m = nlohmann::json::parse(text, nullptr, false);
        const std::string type = m.value("type", "");
        if (type == "question")
        {
            const auto q = m["question"].get<std::size_t>();
            self.send(student, encode(Answer{static_cast<std::uint32_t>(q),
                                             {m["options"][0]["id"].get<std::string>()}}));
            if (q < kQuestions)
            {
                seat.questionAt[q] = at;
                seat.sentAt[q] = Clock::now();
                ++seat.sent;
            }
        }
        else if (type == "ack" && m.value("accepted", false))
        {
            const auto q = m["question"].get<std::size_t>();
            if (q < kQuestions)
                seat.ackMs[q] =
                    std::chrono::duration<double, std::milli>(at - seat.sentAt[q]).count();
        }
        else if (type == "ping")
            self.send(student, encode(Pong{m["id"].get<std::uint32_t>()}));
        else if (type == "joined")
            seat.joined = true;
        else if (type == "final")
            seat.finished = true;
    };
    for (int i = 0; i < students; ++i)
        swarm.add(test::loopbackAddress(static_cast<std::size_t>(i)),
                  encode(Join{kProtocolVersion, "BENCH1", "student" + std::to_string(i)}));
    swarm.start(); // everybody connects at once
    int status = 0;
    waitpid(child, &status, 0);
    swarm.stop();
    char line[128] = {};
    const ssize_t got = read(report[0], line, sizeof line - 1);
    long rssKb = 0;
    long cpuMs = 0;
    long wallMs = 1;
    if (got > 0)
        std::sscanf(line, "%ld %ld %ld", &rssKb, &cpuMs, &wallMs);

    std::vector<double> acks;
    std::vector<double> spread;
    int joined = 0;
    int lost = 0;
    for (int q = 0; q < kQuestions; ++q)
    {
        Clock::time_point first = Clock::time_point::max();
        for (const Seat& seat : seats)
        {
            if (seat.ackMs[static_cast<std::size_t>(q)] >= 0.0 || seat.joined)
                first = std::min(first,
                                 seat.questionAt[static_cast<std::size_t>(q)] == Clock::time_point{}
                                     ? first
                                     : seat.questionAt[static_cast<std::size_t>(q)]);
        }
        for (const Seat& seat : seats)
        {
            const auto at = seat.questionAt[static_cast<std::size_t>(q)];
            if (at != Clock::time_point{})
                spread.push_back(std::chrono::duration<double, std::milli>(at - first).count());
        }
    }
    for (const Seat& seat : seats)
    {
        joined += seat.joined ? 1 : 0;
        for (int q = 0; q < seat.sent && q < kQuestions; ++q)
        {
            if (seat.ackMs[static_cast<std::size_t>(q)] < 0.0)
                ++lost;
            else
                acks.push_back(seat.ackMs[static_cast<std::size_t>(q)]);
        }
        if (seat.joined && seat.sent < kQuestions)
            lost += kQuestions - seat.sent; // a question that never arrived is an answer lost
    }
    figure(students, "joined", joined, "students");
    figure(students, "lost_answers", lost, "answers");
    figure(students, "ack_p50", percentile(acks, 0.50), "ms");
    figure(students, "ack_p99", percentile(acks, 0.99), "ms");
    figure(students, "ack_max", acks.empty() ? 0.0 : *std::max_element(acks.begin(), acks.end()),
           "ms");
    figure(students, "broadcast_spread_p99", percentile(spread, 0.99), "ms");
    figure(students, "host_peak_rss", static_cast<double>(rssKb) / 1024.0, "MiB");
    figure(students, "host_cpu", static_cast<double>(cpuMs), "ms");
    figure(students, "host_cpu_share",
           100.0 * static_cast<double>(cpuMs) / static_cast<double>(wallMs), "%");
    std::fflush(stdout);
    const bool ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    if (students == 200 &&
        (lost != 0 || percentile(acks, 0.99) >= 20.0 || percentile(spread, 0.99) >= 25.0))
        std::printf("budget at 200 missed: 0 lost, ack p99 < 20 ms, broadcast p99 < 25 ms\n");
    return ok ? 0 : 1;
}

} // namespace

int main(int argc, char** argv)
{
    std::vector<int> counts;
    for (int i = 1; i < argc; ++i)
        counts.push_back(std::clamp(std::atoi(argv[i]), 1, 1000));
    if (counts.empty())
        counts = {200, 500, 1000};
    int failures = 0;
    for (int students : counts)
        failures += runStudents(students);
    return failures == 0 ? 0 : 1;
}

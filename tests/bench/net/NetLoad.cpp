// net_load: one class host and 200 student clients on 127.0.0.1, 20 questions, every client
// answering at the same instant. The host runs in a child process so its CPU time and peak
// memory are its own. Prints `figure NAME VALUE UNIT` lines and `budget` verdicts; exits 1 if
// a client was lost or a budget was missed. Stops by itself (hard limit 120 s).
#include "net/ClassClient.hpp"
#include "net/HostServer.hpp"

#include <SFML/Network/SocketSelector.hpp>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace quiz;
using std::chrono::milliseconds;

namespace
{

constexpr int kClients = 200;
constexpr int kQuestions = 20;
constexpr milliseconds kHardLimit{120000};

std::int64_t nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

milliseconds nowMs()
{
    return milliseconds{nowNs() / 1000000};
}

std::vector<core::Question> makeQuestions()
{
    std::vector<core::Question> out;
    for (int i = 0; i < kQuestions; ++i)
    {
        core::Question q;
        q.id = "load-" + std::to_string(i + 1);
        q.stem = core::RichText::fromPlain("A question of realistic length about heparin, its "
                                           "monitoring and its reversal, number " +
                                           std::to_string(i + 1) + "?");
        q.explanation = core::RichText::fromPlain(std::string(400, 'e'));
        for (const char* id : {"a", "b", "c", "d"})
        {
            core::Option option;
            option.id = id;
            option.text = core::RichText::fromPlain(std::string("An option of some length ") + id);
            option.rationale = core::RichText::fromPlain(std::string(300, 'r'));
            option.correct = std::string(id) == "b";
            q.options.push_back(option);
        }
        out.push_back(q);
    }
    return out;
}

bool writeAll(int fd, const void* data, std::size_t size)
{
    const auto* bytes = static_cast<const char*>(data);
    while (size > 0)
    {
        const ssize_t n = write(fd, bytes, size);
        if (n <= 0)
            return false;
        bytes += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

bool readAll(int fd, void* data, std::size_t size)
{
    auto* bytes = static_cast<char*>(data);
    while (size > 0)
    {
        const ssize_t n = read(fd, bytes, size);
        if (n <= 0)
            return false;
        bytes += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

/// What the host process reports back at the end.
struct HostReport
{
    std::int64_t questionSent[kQuestions] = {};
    std::int64_t revealSent[kQuestions] = {};
    std::int32_t dropped = 0;
    std::int32_t finished = 0;
};

/// The host process: serves the class and paces it as fast as the room allows.
int runHost(int fd)
{
    net::HostConfig config;
    config.bindAddress = sf::IpAddress::LocalHost;
    config.port = 0;
    config.classCode = "LOAD";
    core::ClassSettings settings;
    settings.closeWhenAllAnswered = false; // revealed below, so the send instant is known
    net::HostServer server(makeQuestions(), settings, config);
    if (!server.listen().empty())
        return 1;
    const std::uint16_t port = server.getPort();
    writeAll(fd, &port, sizeof port);

    HostReport report;
    const milliseconds start = nowMs();
    milliseconds phaseAt = start;
    milliseconds finishedAt{0};
    while (nowMs() - start < kHardLimit)
    {
        server.waitForActivity(milliseconds{1});
        const milliseconds now = nowMs() - start;
        server.poll(now);
        for (const net::HostEvent& event : server.takeEvents())
        {
            if (event.kind == net::HostEvent::Kind::Left &&
                server.getClassroom().getPhase() != core::ClassPhase::Finished)
                ++report.dropped;
        }
        const core::Classroom& c = server.getClassroom();
        const auto index = c.getCurrentIndex();
        switch (c.getPhase())
        {
        case core::ClassPhase::Lobby:
            if (c.countConnected() == kClients)
            {
                report.questionSent[0] = nowNs();
                (void)server.command(core::HostCommand::Start, now);
            }
            break;
        case core::ClassPhase::Question:
            if (c.countAnswered() == kClients)
            {
                report.revealSent[index] = nowNs();
                (void)server.command(core::HostCommand::Reveal, now);
                phaseAt = now;
            }
            break;
        case core::ClassPhase::Reveal:
            if (now - phaseAt >= milliseconds{100})
            {
                (void)server.command(core::HostCommand::Next, now);
                phaseAt = now;
            }
            break;
        case core::ClassPhase::Leaderboard:
            if (now - phaseAt >= milliseconds{100})
            {
                if (index + 1 < kQuestions)
                    report.questionSent[index + 1] = nowNs();
                (void)server.command(core::HostCommand::Next, now);
                phaseAt = now;
            }
            break;
        case core::ClassPhase::Finished:
            if (finishedAt.count() == 0)
                finishedAt = now;
            report.finished = 1;
            // Linger until the students have read the end and left (or 5 s).
            if (server.countConnections() == 0 || now - finishedAt > milliseconds{5000})
            {
                writeAll(fd, &report, sizeof report);
                return 0;
            }
            break;
        }
    }
    writeAll(fd, &report, sizeof report);
    return 2;
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const auto rank =
        static_cast<std::size_t>(p / 100.0 * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(rank, values.size() - 1)];
}

void figure(const char* name, double value, const char* unit)
{
    std::printf("figure %s %.3f %s\n", name, value, unit);
}

bool budget(const char* name, double value, double limit)
{
    const bool ok = value < limit;
    std::printf("budget %s %.3f < %.3f %s\n", name, value, limit, ok ? "ok" : "EXCEEDED");
    return ok;
}

void raiseFileLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return;
    const rlim_t wanted = 2 * kClients + 64;
    if (limit.rlim_cur < wanted)
    {
        limit.rlim_cur = std::min(wanted, limit.rlim_max);
        setrlimit(RLIMIT_NOFILE, &limit);
    }
    getrlimit(RLIMIT_NOFILE, &limit);
    std::printf("open file limit %llu (need %llu)\n",
                static_cast<unsigned long long>(limit.rlim_cur),
                static_cast<unsigned long long>(wanted));
}

} // namespace

int main()
{
    raiseFileLimit();
    int pipeFds[2];
    if (pipe(pipeFds) != 0)
        return 1;
    const pid_t child = fork();
    if (child < 0)
        return 1;
    if (child == 0)
    {
        close(pipeFds[0]);
        _exit(runHost(pipeFds[1]));
    }
    close(pipeFds[1]);
    std::uint16_t port = 0;
    if (!readAll(pipeFds[0], &port, sizeof port))
    {
        std::fprintf(stderr, "net_load: the host did not start\n");
        return 1;
    }

    const std::int64_t wallStart = nowNs();
    std::vector<std::unique_ptr<net::ClassClient>> clients;
    sf::SocketSelector selector;
    for (int i = 0; i < kClients; ++i)
    {
        net::ClientConfig config;
        config.address = sf::IpAddress::LocalHost; // loopback only, always
        config.port = port;
        config.classCode = "LOAD";
        config.nickname = "bot" + std::to_string(i);
        clients.push_back(std::make_unique<net::ClassClient>(config));
        if (!clients.back()->connect(milliseconds{3000}, nowMs()).empty())
        {
            std::fprintf(stderr, "net_load: client %d could not connect\n", i);
            kill(child, SIGKILL);
            return 1;
        }
        selector.add(clients.back()->getSocket());
    }

    // Per question: when each client saw it, sent its answer, got its ack, saw the reveal.
    std::vector<std::vector<std::int64_t>> questionAt(kQuestions,
                                                      std::vector<std::int64_t>(kClients));
    std::vector<std::vector<std::int64_t>> revealAt(kQuestions,
                                                    std::vector<std::int64_t>(kClients));
    std::vector<std::int64_t> sentAt(kClients);
    std::vector<double> ackMs;
    std::vector<int> questionsSeen(kClients, 0);
    int ended = 0;
    int answeredRounds = 0;
    bool failed = false;
    while (ended < kClients)
    {
        if (nowNs() - wallStart > kHardLimit.count() * 1000000)
        {
            std::fprintf(stderr, "net_load: gave up after the hard time limit\n");
            failed = true;
            break;
        }
        if (!selector.wait(sf::milliseconds(50)))
            continue;
        for (int i = 0; i < kClients; ++i)
        {
            net::ClassClient& client = *clients[static_cast<std::size_t>(i)];
            if (!client.isConnected() || !selector.isReady(client.getSocket()))
                continue;
            client.poll(nowMs());
            const std::int64_t t = nowNs();
            for (const net::Message& message : client.takeMessages())
            {
                if (const auto* q = std::get_if<net::QuestionShow>(&message))
                {
                    questionAt[q->index][static_cast<std::size_t>(i)] = t;
                    ++questionsSeen[static_cast<std::size_t>(i)];
                }
                else if (const auto* r = std::get_if<net::Reveal>(&message))
                    revealAt[r->index][static_cast<std::size_t>(i)] = t;
                else if (const auto* a = std::get_if<net::Ack>(&message))
                {
                    if (!a->accepted)
                        failed = true;
                    ackMs.push_back(static_cast<double>(t - sentAt[static_cast<std::size_t>(i)]) /
                                    1e6);
                }
                else if (std::holds_alternative<net::End>(message))
                    ++ended;
            }
            if (!client.isConnected())
            {
                std::fprintf(stderr, "net_load: client %d lost: %s\n", i,
                             client.getCloseReason().c_str());
                failed = true;
                ++ended;
            }
        }
        // Once every client shows the question, all of them answer in one burst.
        const bool allSeen = std::all_of(questionsSeen.begin(), questionsSeen.end(),
                                         [&](int n) { return n > answeredRounds; });
        if (allSeen && answeredRounds < kQuestions)
        {
            for (int i = 0; i < kClients; ++i)
            {
                static const char* ids[] = {"a", "b", "c", "d"};
                sentAt[static_cast<std::size_t>(i)] = nowNs();
                clients[static_cast<std::size_t>(i)]->sendAnswer(
                    static_cast<std::uint16_t>(answeredRounds), {ids[i % 4]});
            }
            ++answeredRounds;
        }
    }
    int lost = 0;
    for (const auto& client : clients)
        lost += client->isConnected() ? 0 : 1;
    clients.clear(); // students leave; the host notices and stops

    HostReport report;
    const bool gotReport = readAll(pipeFds[0], &report, sizeof report);
    int status = 0;
    rusage usage{};
    if (!gotReport)
        kill(child, SIGKILL);
    wait4(child, &status, 0, &usage);
    const double wallSeconds = static_cast<double>(nowNs() - wallStart) / 1e9;

    std::vector<double> questionLast;
    std::vector<double> revealLast;
    for (int q = 0; q < kQuestions && gotReport; ++q)
    {
        const auto qi = static_cast<std::size_t>(q);
        questionLast.push_back(
            static_cast<double>(*std::max_element(questionAt[qi].begin(), questionAt[qi].end()) -
                                report.questionSent[q]) /
            1e6);
        revealLast.push_back(
            static_cast<double>(*std::max_element(revealAt[qi].begin(), revealAt[qi].end()) -
                                report.revealSent[q]) /
            1e6);
    }
    const double cpu = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                       static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;

    figure("net_load_clients", kClients, "count");
    figure("net_load_questions", kQuestions, "count");
    figure("net_load_answers_acked", static_cast<double>(ackMs.size()), "count");
    figure("net_load_clients_lost", lost + (gotReport ? report.dropped : 0), "count");
    figure("net_answer_ack_p50", percentile(ackMs, 50), "ms");
    figure("net_answer_ack_p99", percentile(ackMs, 99), "ms");
    figure("net_answer_ack_max", percentile(ackMs, 100), "ms");
    figure("net_question_last_client_median", percentile(questionLast, 50), "ms");
    figure("net_question_last_client_max", percentile(questionLast, 100), "ms");
    figure("net_reveal_last_client_median", percentile(revealLast, 50), "ms");
    figure("net_reveal_last_client_max", percentile(revealLast, 100), "ms");
    figure("net_host_cpu", cpu, "s");
    figure("net_host_cpu_share", 100.0 * cpu / wallSeconds, "%");
    figure("net_host_peak_rss", static_cast<double>(usage.ru_maxrss) / 1024.0, "MiB");
    figure("net_load_wall", wallSeconds, "s");
    // Latencies on a 2-core machine depend on what else runs; say how busy it was.
    double load[1] = {0.0};
    if (getloadavg(load, 1) == 1)
        figure("machine_load_average_1min", load[0], "runnable");

    bool ok = !failed && gotReport && report.finished == 1 && lost == 0 && report.dropped == 0 &&
              ackMs.size() == static_cast<std::size_t>(kClients * kQuestions);
    ok &= budget("net_answer_ack_p99_ms", percentile(ackMs, 99), 20.0);
    ok &= budget("net_question_last_client_max_ms", percentile(questionLast, 100), 25.0);
    ok &= budget("net_reveal_last_client_max_ms", percentile(revealLast, 100), 25.0);
    std::printf("%s\n", ok ? "net_load: PASS" : "net_load: FAIL");
    return ok ? 0 : 1;
}

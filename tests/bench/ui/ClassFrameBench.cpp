// How long the host's per-frame poll takes in a live class: 200 bot students on loopback join,
// then answer every question at the same instant; each frame's ClassGame::advance() is timed.
// Prints `figure NAME VALUE UNIT` lines. Usage: class_frame_bench [students] [questions]
#include "net/Bot.hpp"
#include "ui/ClassGame.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

using namespace quiz;
using Clock = std::chrono::steady_clock;

namespace
{

std::vector<core::Question> makeQuestions(int count)
{
    std::vector<core::Question> out;
    for (int i = 0; i < count; ++i)
    {
        core::Question q;
        q.id = "q" + std::to_string(i + 1);
        q.stem = core::RichText::fromPlain("Question " + std::to_string(i + 1));
        for (const char* id : {"a", "b", "c", "d"})
        {
            core::Option option;
            option.id = id;
            option.text = core::RichText::fromPlain(id);
            option.correct = std::string(id) == "a";
            q.options.push_back(option);
        }
        out.push_back(q);
    }
    return out;
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const std::size_t index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1));
    return values[index];
}

} // namespace

int main(int argc, char** argv)
{
    const int students = argc > 1 ? std::atoi(argv[1]) : 200;
    const int questions = argc > 2 ? std::atoi(argv[2]) : 20;
    core::ClassSettings settings;
    net::HostConfig config;
    config.bindAddress = "127.0.0.1";
    config.port = 0;
    config.classCode = "BENC";
    auto server = std::make_unique<net::HostServer>(makeQuestions(questions), settings, config);
    if (const core::Outcome<unsigned short> listening = server->listen(); !listening.isOk())
    {
        std::fprintf(stderr, "cannot listen: %s\n", listening.getMessage().c_str());
        return 1;
    }
    const unsigned short port = server->getPort();
    ui::ClassGame game(std::move(server), "127.0.0.1", "BENC");

    std::vector<std::unique_ptr<net::Bot>> bots;
    std::chrono::milliseconds now{0};
    for (int i = 0; i < students; ++i)
    {
        net::ClientConfig client;
        client.port = port;
        client.classCode = "BENC";
        client.nickname = "bot" + std::to_string(i);
        // One loopback address each: the host allows 50 connections per address.
        client.localAddress =
            "127.0." + std::to_string(1 + i / 200) + "." + std::to_string(1 + i % 200);
        bots.push_back(std::make_unique<net::Bot>(client, std::vector<std::string>{}));
        bots.back()->setHolding(true);
        if (!bots.back()->connect(std::chrono::milliseconds(2000), now).empty())
        {
            std::fprintf(stderr, "bot %d could not connect\n", i);
            return 1;
        }
    }
    std::vector<double> frames;
    const auto frame = [&]
    {
        const Clock::time_point start = Clock::now();
        game.advance(std::chrono::milliseconds(1));
        frames.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
        now += std::chrono::milliseconds(1);
        for (auto& bot : bots)
            bot->poll(now);
    };
    const auto until = [&](auto done)
    {
        for (int i = 0; i < 20000 && !done(); ++i)
            frame();
        return done();
    };
    if (!until(
            [&]
            { return game.getClassroom().countConnected() == static_cast<std::size_t>(students); }))
    {
        std::fprintf(stderr, "not every bot joined\n");
        return 1;
    }
    frames.clear();
    (void)game.command(core::HostCommand::Start);
    for (int q = 0; q < questions; ++q)
    {
        until(
            [&]
            {
                return std::all_of(bots.begin(), bots.end(),
                                   [&](const auto& bot) { return bot->countQuestionsSeen() > q; });
            });
        for (auto& bot : bots)
            bot->answerNow(); // everybody at the same instant
        if (!until([&] { return game.getClassroom().getPhase() == core::ClassPhase::Reveal; }))
        {
            std::fprintf(stderr, "question %d did not close\n", q + 1);
            return 1;
        }
        (void)game.command(core::HostCommand::Next);
        (void)game.command(core::HostCommand::Next);
    }
    std::printf("figure class_students %d count\n", students);
    std::printf("figure class_connected_at_end %zu count\n", game.getClassroom().countConnected());
    std::printf("figure class_host_frame_poll_p50 %.3f ms\n", percentile(frames, 0.50));
    std::printf("figure class_host_frame_poll_p99 %.3f ms\n", percentile(frames, 0.99));
    std::printf("figure class_host_frame_poll_max %.3f ms\n", percentile(frames, 1.0));
    std::printf("figure class_host_frames %zu count\n", frames.size());
    return 0;
}

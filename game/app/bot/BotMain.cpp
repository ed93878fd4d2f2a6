// heparin-quiz-bot: a scripted student for rehearsals and tests. It joins a class, answers
// from a plan, prints what it did, and exits when the class ends (0) or it is turned away (1).
#include "app/commands/ArgParser.hpp"
#include "net/Bot.hpp"

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <thread>

using namespace quiz;
using std::chrono::milliseconds;

namespace
{

std::vector<std::string> splitCommas(const std::string& text)
{
    std::vector<std::string> items;
    std::string current;
    for (char c : text)
    {
        if (c == ',')
        {
            items.push_back(current);
            current.clear();
        }
        else
            current += c;
    }
    if (!text.empty())
        items.push_back(current);
    return items;
}

std::string joinIds(const std::vector<std::string>& ids)
{
    std::string out;
    for (const std::string& id : ids)
        out += (out.empty() ? "" : ";") + id;
    return out.empty() ? "-" : out;
}

} // namespace

int main(int argc, char** argv)
{
    std::string host = "127.0.0.1";
    long long port = 47100;
    std::string code;
    std::string name;
    std::string answers;
    long long crashAt = 0;
    bool garbage = false;
    std::string tokenFile;
    app::ArgParser parser("heparin-quiz-bot",
                          "A scripted student: joins a class and answers from a plan.");
    parser.addOption("host", &host, "ADDRESS", "class address (default 127.0.0.1)");
    parser.addInt("port", &port, 1, 65535, "N", "class port (default 47100)");
    parser.addOption("code", &code, "CODE", "class code");
    parser.addOption("name", &name, "NAME", "nickname");
    parser.addOption("answers", &answers, "PLAN",
                     "answers per question, comma-separated: ids joined by ';', '-' for no "
                     "answer, '' for the first option (the default for every question)");
    parser.addInt("crash-at", &crashAt, 0, 10000, "N",
                  "die abruptly (exit 3) when question N (1-based) arrives, before answering");
    parser.addFlag("garbage", &garbage, "connect and send garbage instead of a hello");
    parser.addOption("token-file", &tokenFile, "FILE",
                     "keep the rejoin token here; rejoin with it when the file exists");
    const app::ParseResult parsed = parser.parse(std::vector<std::string>(argv + 1, argv + argc));
    if (parsed.status == app::ParseResult::Status::Help)
    {
        std::cout << parser.usage();
        return 0;
    }
    if (!parsed.isOk() || (name.empty() && !garbage))
    {
        std::cerr << parser.formatError(parsed.isOk() ? "--name is required" : parsed.message);
        return 2;
    }

    const auto start = std::chrono::steady_clock::now();
    const auto now = [start]
    { return std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() - start); };
    if (garbage)
    {
        net::ClientConfig config;
        config.address = sf::IpAddress(host);
        config.port = static_cast<unsigned short>(port);
        config.sayHello = false;
        net::ClassClient client(config);
        if (!client.connect(milliseconds{2000}, now()).empty())
            return 1;
        client.sendRaw("\x7F not a message {");
        // The host must hang up on us; wait for that (or give up after 5 s).
        while (now() < milliseconds{5000})
        {
            client.poll(now());
            if (!client.isConnected())
            {
                std::cout << "garbage: host closed the connection (" << client.getCloseReason()
                          << ")\n";
                return 0;
            }
            std::this_thread::sleep_for(milliseconds{5});
        }
        std::cout << "garbage: host kept the connection\n";
        return 1;
    }

    net::ClientConfig config;
    config.address = sf::IpAddress(host);
    config.port = static_cast<unsigned short>(port);
    config.classCode = code;
    config.nickname = name;
    // A bot that crashed comes back as a browser would: with the secret it was given.
    if (!tokenFile.empty())
        std::getline(std::ifstream(tokenFile) >> std::ws, config.rejoinToken);
    net::Bot bot(config, splitCommas(answers));
    bot.setHolding(true);
    const std::string error = bot.connect(milliseconds{3000}, now());
    if (!error.empty())
    {
        std::cerr << name << ": " << error << '\n';
        return 1;
    }
    std::size_t reveals = 0;
    int seen = 0;
    bool welcomed = false;
    while (bot.getClient().isConnected())
    {
        bot.poll(now());
        if (bot.getWelcome() && !welcomed)
        {
            welcomed = true;
            if (!tokenFile.empty())
                std::ofstream(tokenFile) << bot.getWelcome()->token << '\n';
            std::cout << "welcome " << bot.getWelcome()->nickname
                      << " rejoined=" << bot.getWelcome()->rejoined
                      << " score=" << bot.getWelcome()->score << std::endl;
        }
        if (bot.countQuestionsSeen() > seen)
        {
            seen = bot.countQuestionsSeen();
            const int index = bot.getClient().getQuestion()->index;
            if (crashAt > 0 && index + 1 == crashAt)
            {
                std::cout << "crash at question " << crashAt << std::endl;
                std::_Exit(3); // no goodbye: the kernel closes the socket, as in a real crash
            }
            if (bot.answerNow())
                std::cout << "answer " << index + 1 << ' '
                          << joinIds(bot.getSent()[static_cast<std::size_t>(index)]) << std::endl;
        }
        for (; reveals < bot.getReveals().size(); ++reveals)
        {
            const net::Reveal& r = bot.getReveals()[reveals];
            std::cout << "reveal " << r.index + 1 << " correct=" << r.you.correct
                      << " points=" << r.you.points << " score=" << r.score << std::endl;
        }
        if (bot.getRefuse())
        {
            std::cout << "refused " << bot.getRefuse()->text << std::endl;
            return 1;
        }
        if (bot.isFinished())
        {
            std::cout << "end rank=" << bot.getEnd()->you.rank
                      << " score=" << bot.getEnd()->you.score << std::endl;
            return 0;
        }
        std::this_thread::sleep_for(milliseconds{2});
    }
    std::cout << "disconnected: " << bot.getClient().getCloseReason() << std::endl;
    return 1;
}

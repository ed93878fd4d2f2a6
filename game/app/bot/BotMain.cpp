// heparin-quiz-bot: a scripted student for rehearsals and tests. It joins a class, answers
// from a plan, prints what it did, and exits when the class ends (0) or it is turned away (1).
#include "app/commands/CliSupport.hpp"
#include "net/Bot.hpp"

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <optional>
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

/// The bot's command line, filled by CLI11.
struct BotArgs
{
    std::string host = "127.0.0.1";
    unsigned short port = 47100;
    std::string code;
    std::string name;
    std::string answers;
    int crashAt = 0;
    bool garbage = false;
};

/// Returns std::nullopt to go on, else the exit code.
std::optional<int> parseArgs(int argc, char** argv, BotArgs& args)
{
    CLI::App cli("A scripted student: joins a class and answers from a plan.", "heparin-quiz-bot");
    app::configureApp(cli);
    cli.add_option("--host", args.host, "class address (default 127.0.0.1)")->type_name("ADDRESS");
    cli.add_option("--port", args.port, "class port (default 47100)")
        ->type_name("N")
        ->check(app::inRange(1, 65535));
    cli.add_option("--code", args.code, "class code")->type_name("CODE");
    cli.add_option("--name", args.name, "nickname (required unless --garbage)")->type_name("NAME");
    cli.add_option("--answers", args.answers,
                   "answers per question, comma-separated: ids joined by ';', '-' for no "
                   "answer, '' for the first option (the default for every question)")
        ->type_name("PLAN");
    cli.add_option("--crash-at", args.crashAt,
                   "die abruptly (exit 3) when question N (1-based) arrives, before answering")
        ->type_name("N")
        ->check(app::inRange(0, 10000));
    cli.add_flag("--garbage", args.garbage, "connect and send garbage instead of a hello");
    if (const std::optional<int> exit = app::parseOrExit(
            cli, std::vector<std::string>(argv + 1, argv + argc), std::cout, std::cerr))
        return exit;
    if (args.name.empty() && !args.garbage)
    {
        std::cerr << app::formatUsageError(cli, "--name is required");
        return 2;
    }
    return std::nullopt;
}

} // namespace

int main(int argc, char** argv)
{
    BotArgs args;
    if (const std::optional<int> exit = parseArgs(argc, argv, args))
        return *exit;
    const std::string& host = args.host;
    const unsigned short port = args.port;
    const std::string& name = args.name;
    const int crashAt = args.crashAt;

    const auto start = std::chrono::steady_clock::now();
    const auto now = [start]
    { return std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() - start); };
    if (args.garbage)
    {
        sf::TcpSocket socket;
        if (socket.connect(sf::IpAddress(host), port, sf::seconds(2)) != sf::Socket::Done)
            return 1;
        const std::string junk = "\x7F\xFF\xFF\xFFGET / HTTP/1.1\r\n\r\n";
        (void)socket.send(junk.data(), junk.size());
        // The host must hang up on us; wait for that (or give up after 5 s).
        char byte = 0;
        std::size_t got = 0;
        socket.setBlocking(false);
        while (now() < milliseconds{5000})
        {
            const sf::Socket::Status status = socket.receive(&byte, 1, got);
            if (status == sf::Socket::Disconnected || status == sf::Socket::Error)
            {
                std::cout << "garbage: host closed the connection\n";
                return 0;
            }
            std::this_thread::sleep_for(milliseconds{5});
        }
        std::cout << "garbage: host kept the connection\n";
        return 1;
    }

    net::ClientConfig config;
    config.address = sf::IpAddress(host);
    config.port = port;
    config.classCode = args.code;
    config.nickname = name;
    net::Bot bot(config, splitCommas(args.answers));
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
            std::cout << "reveal " << r.index + 1 << " correct=" << r.correct
                      << " points=" << r.points << " score=" << r.score << std::endl;
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

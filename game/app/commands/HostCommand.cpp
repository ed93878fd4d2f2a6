#include "HostCommand.hpp"

#include "Paths.hpp"
#include "core/classroom/ClassSetup.hpp"
#include "core/pack/PackChecker.hpp"
#include "core/util/AtomicFile.hpp"
#include "net/Discovery.hpp"
#include "net/HostServer.hpp"
#include "net/LanAddresses.hpp"

#include <chrono>
#include <cstring>
#include <deque>
#include <filesystem>
#include <iostream>
#include <memory>
#include <mutex>
#include <random>
#include <sstream>
#include <thread>

namespace quiz::app
{

using namespace quiz::net; // the console is a thin layer over the host

using std::chrono::milliseconds;

namespace
{

/// Lines read from standard input on a helper thread, so the host loop never blocks on it.
struct InputQueue
{
    std::mutex mutex;
    std::deque<std::string> lines;
    bool closed = false;

    bool pop(std::string& line)
    {
        std::lock_guard<std::mutex> lock(mutex);
        if (lines.empty())
            return false;
        line = std::move(lines.front());
        lines.pop_front();
        return true;
    }
};

void readInput(const std::shared_ptr<InputQueue>& queue)
{
    std::string line;
    while (std::getline(std::cin, line))
    {
        std::lock_guard<std::mutex> lock(queue->mutex);
        queue->lines.push_back(line);
    }
    std::lock_guard<std::mutex> lock(queue->mutex);
    queue->closed = true;
}

/// The pack named by `name`: a pack file path, or the id of a pack in the data folder.
std::optional<core::Pack> findPack(const std::string& name, const app::CommandContext& context)
{
    core::CheckOptions options;
    options.today = context.today;
    const bool isFile = std::filesystem::is_regular_file(name);
    if (!isFile && context.dataDir.empty())
    {
        *context.err << "heparin-quiz host: " << app::describeMissingDataDir(context.executableDir)
                     << ", or a pack file\n";
        return std::nullopt;
    }
    const std::vector<core::CheckedPack> packs =
        core::loadAndCheckAll({isFile ? name : context.dataDir}, options);
    for (const core::CheckedPack& checked : packs)
    {
        const bool match = isFile || (checked.pack && checked.pack->id == name);
        if (!match)
            continue;
        for (const core::Diagnostic& d : checked.diagnostics.getAll())
        {
            if (d.severity == core::Severity::Error)
                *context.err << d.format() << '\n';
        }
        if (checked.pack)
            return checked.pack;
        *context.err << "heparin-quiz host: " << checked.path << " has errors\n";
        return std::nullopt;
    }
    *context.err << "heparin-quiz host: no pack with id '" << name << "' in " << context.dataDir
                 << " (try 'heparin-quiz list')\n";
    return std::nullopt;
}

/// Runs the console: commands in, events out. Waits ("wait players 30") hold later commands
/// back, so a script can pace a class without guessing delays.
class Console
{
public:
    Console(HostServer& server, const app::CommandContext& context, std::string resultsPath)
        : m_server(server), m_out(*context.out), m_err(*context.err),
          m_resultsPath(std::move(resultsPath))
    {
    }

    int run()
    {
        auto input = std::make_shared<InputQueue>();
        std::thread([input] { readInput(input); }).detach();
        const auto start = std::chrono::steady_clock::now();
        const auto clock = [start] {
            return std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() -
                                                            start);
        };
        while (!m_quit)
        {
            m_server.waitForActivity(milliseconds{5});
            const milliseconds now = clock();
            m_server.poll(now);
            printEvents(now);
            if (waiting(now))
                continue;
            std::string line;
            if (input->pop(line))
                execute(line, now);
            else
            {
                std::lock_guard<std::mutex> lock(input->mutex);
                if (input->closed && input->lines.empty())
                    m_inputClosed = true;
            }
            if (m_inputClosed)
                finish(now);
        }
        return m_failed ? app::kExitFailure : app::kExitOk;
    }

private:
    enum class Wait
    {
        None,
        Players,
        Answered,
        Answers,
        Phase,
        Sleep
    };

    void printEvents(milliseconds now)
    {
        for (const HostEvent& event : m_server.takeEvents())
        {
            if (event.kind == HostEvent::Kind::AnswerCount)
            {
                m_countLine = "answered " + std::to_string(event.answered) + "/" +
                              std::to_string(event.connected);
                continue;
            }
            m_out << event.text << '\n';
        }
        // Live counts are batched for the console too: one line at most every half second.
        if (!m_countLine.empty() && m_server.getClassroom().isAnswering() &&
            now - m_lastCount >= milliseconds{500})
        {
            m_out << m_countLine << '\n';
            m_lastCount = now;
            m_countLine.clear();
        }
        m_out.flush();
    }

    bool waiting(milliseconds now)
    {
        if (m_wait == Wait::None)
            return false;
        const core::Classroom& c = m_server.getClassroom();
        bool done = false;
        switch (m_wait)
        {
        case Wait::None:
            break;
        case Wait::Players:
            done = c.countConnected() >= m_waitCount;
            break;
        case Wait::Answered:
            done = !c.isAnswering() || c.countAnswered() >= c.countConnected();
            break;
        case Wait::Answers:
            done = !c.isAnswering() || c.countAnswered() >= m_waitCount;
            break;
        case Wait::Phase:
            done = m_waitPhase == core::toString(c.getPhase());
            break;
        case Wait::Sleep:
            done = now >= m_waitUntil;
            break;
        }
        if (!done && m_wait != Wait::Sleep && now >= m_waitUntil)
        {
            m_err << "wait timed out\n";
            m_failed = true;
            done = true;
        }
        if (done)
            m_wait = Wait::None;
        return !done;
    }

    void execute(const std::string& line, milliseconds now)
    {
        std::istringstream words(line);
        std::string verb;
        words >> verb;
        if (verb.empty() || verb[0] == '#')
            return;
        const std::pair<const char*, core::HostCommand> pacing[] = {
            {"start", core::HostCommand::Start},   {"reveal", core::HostCommand::Reveal},
            {"next", core::HostCommand::Next},     {"skip", core::HostCommand::Skip},
            {"back", core::HostCommand::Back},     {"pause", core::HostCommand::Pause},
            {"resume", core::HostCommand::Resume}, {"lock", core::HostCommand::Lock},
            {"unlock", core::HostCommand::Unlock}, {"end", core::HostCommand::End}};
        for (const auto& [name, command] : pacing)
        {
            if (verb == name)
            {
                const core::ClassRefusal refusal = m_server.command(command, now);
                if (refusal != core::ClassRefusal::None)
                    m_err << verb << ": " << core::toString(refusal) << '\n';
                else if (command == core::HostCommand::Lock || command == core::HostCommand::Unlock)
                    m_out << (command == core::HostCommand::Lock ? "locked\n" : "unlocked\n");
                if (command == core::HostCommand::End ||
                    m_server.getClassroom().getPhase() == core::ClassPhase::Finished)
                    onFinished();
                return;
            }
        }
        if (verb == "kick")
        {
            std::string name;
            std::getline(words >> std::ws, name);
            if (m_server.kick(name, now) != core::ClassRefusal::None)
                m_err << "kick: no player '" << name << "'\n";
        }
        else if (verb == "wait")
            startWait(words, now);
        else if (verb == "sleep")
        {
            long long ms = 0;
            words >> ms;
            m_wait = Wait::Sleep;
            m_waitUntil = now + milliseconds{std::max(0LL, ms)};
        }
        else if (verb == "status")
            printStatus();
        else if (verb == "help")
            m_out << hostCommandHelp();
        else if (verb == "quit")
            finish(now);
        else
            m_err << "unknown command '" << verb << "' (try 'help')\n";
    }

    void startWait(std::istringstream& words, milliseconds now)
    {
        std::string what;
        words >> what;
        long long seconds = 60;
        if (what == "players")
        {
            words >> m_waitCount;
            m_wait = Wait::Players;
        }
        else if (what == "answered")
            m_wait = Wait::Answered;
        else if (what == "answers")
        {
            words >> m_waitCount;
            m_wait = Wait::Answers;
        }
        else if (what == "phase")
        {
            words >> m_waitPhase;
            m_wait = Wait::Phase;
        }
        else
        {
            m_err << "wait: expected players N, answered, answers N or phase NAME\n";
            return;
        }
        if (!(words >> seconds))
            seconds = 60;
        m_waitUntil = now + milliseconds{seconds * 1000};
    }

    void printStatus()
    {
        const core::Classroom& c = m_server.getClassroom();
        m_out << "phase " << core::toString(c.getPhase()) << ", question "
              << c.getCurrentIndex() + 1 << "/" << c.getQuestionCount() << ", answered "
              << c.countAnswered() << "/" << c.countConnected() << (c.isPaused() ? ", paused" : "")
              << (c.isLocked() ? ", locked" : "") << '\n';
        printStandings();
    }

    void printStandings()
    {
        const core::Classroom& c = m_server.getClassroom();
        for (const core::ClassStanding& s : c.getStandings())
        {
            const core::ClassPlayer& p = c.getPlayers()[s.player];
            m_out << "  " << s.rank << ". " << p.nickname << "  " << p.score << " ("
                  << p.correctCount << " correct" << (p.connected ? "" : ", away") << ")\n";
        }
    }

    void onFinished()
    {
        if (m_reported)
            return;
        m_reported = true;
        m_out << "final standings:\n";
        printStandings();
        writeResults();
    }

    void writeResults()
    {
        if (m_resultsPath.empty())
            return;
        const std::string error = core::writeFileAtomically(
            m_resultsPath, core::formatResultsCsv(m_server.getClassroom()));
        if (error.empty())
            m_out << "results written to " << m_resultsPath << '\n';
        else
        {
            m_err << "heparin-quiz host: " << error << '\n';
            m_failed = true;
        }
    }

    /// Ends the class if needed, gives the last messages a moment to leave, then stops.
    void finish(milliseconds now)
    {
        if (m_server.getClassroom().getPhase() != core::ClassPhase::Finished)
            (void)m_server.command(core::HostCommand::End, now);
        onFinished();
        const auto until = std::chrono::steady_clock::now() + milliseconds{300};
        while (std::chrono::steady_clock::now() < until)
        {
            m_server.waitForActivity(milliseconds{10});
            m_server.poll(now);
        }
        printEvents(now);
        m_quit = true;
    }

    HostServer& m_server;
    std::ostream& m_out;
    std::ostream& m_err;
    std::string m_resultsPath;
    Wait m_wait = Wait::None;
    std::size_t m_waitCount = 0;
    std::string m_waitPhase;
    milliseconds m_waitUntil{0};
    milliseconds m_lastCount{-1000};
    std::string m_countLine;
    bool m_quit = false;
    bool m_inputClosed = false;
    bool m_reported = false;
    bool m_failed = false;
};

} // namespace

const char* hostCommandHelp()
{
    return "commands (one per line on standard input):\n"
           "  start | reveal | next | skip | back | pause | resume | lock | unlock | end\n"
           "  kick NAME          remove a student (they cannot rejoin under that name)\n"
           "  status             phase, answer count and standings\n"
           "  wait players N [S] hold later commands until N students are connected\n"
           "  wait answered [S]  ...until every connected student answered (or answers close)\n"
           "  wait answers N [S] ...until N students answered this question (or answers close)\n"
           "  wait phase NAME [S] ...until the phase is "
           "lobby|question|reveal|leaderboard|finished\n"
           "  sleep MS           hold later commands for MS milliseconds\n"
           "  quit               end the class, write results and exit (so does end of input)\n"
           "waits give up after S seconds (default 60) and make the exit status 1.\n";
}

int runHost(const HostArgs& o, const app::CommandContext& context)
{
    if (o.code.size() > kMaxClassCodeBytes)
    {
        *context.err << formatUsageError("heparin-quiz host", "--code is at most 16 characters");
        return app::kExitUsage;
    }
    const std::optional<core::Pack> pack = findPack(o.pack, context);
    if (!pack)
        return app::kExitFailure;
    const std::uint32_t seed = o.seed ? *o.seed : std::random_device{}();
    std::vector<core::Question> questions =
        core::pickClassQuestions(*pack, o.topics, o.count, seed);
    if (questions.empty())
    {
        *context.err << "heparin-quiz host: no published questions match\n";
        return app::kExitFailure;
    }
    core::ClassSettings settings;
    settings.speedBonus = o.speedBonus;
    settings.streaks = o.streaks;
    settings.timeLimit = milliseconds{o.timeLimit * 1000};
    settings.seed = seed;
    HostConfig config;
    config.port = o.port;
    config.classCode = o.code.empty() ? core::makeClassCode(std::random_device{}())
                                      : core::normalizeClassCode(o.code);
    config.discoveryPort = o.discoveryPort;
    config.title = pack->title;
    if (!o.bind.empty())
    {
        if (sf::IpAddress(o.bind) == sf::IpAddress::None)
        {
            *context.err << formatUsageError("heparin-quiz host", "--bind needs an IPv4 address");
            return app::kExitUsage;
        }
        config.bindAddress = sf::IpAddress(o.bind).toString();
    }
    HostServer server(std::move(questions), settings, config);
    const core::Outcome<unsigned short> listening = server.listen();
    if (!listening.isOk())
    {
        *context.err << "heparin-quiz host: " << listening.getMessage() << '\n';
        return app::kExitFailure;
    }
    std::vector<std::string> addresses;
    if (o.bind.empty())
        addresses = getLanAddresses();
    if (addresses.empty())
        addresses.push_back(o.bind.empty() ? "127.0.0.1" : o.bind);
    *context.out << "class: " << pack->title << " - " << server.getClassroom().getQuestionCount()
                 << " questions (seed " << seed << ")\n";
    for (const std::string& address : addresses)
        *context.out << "address: " << address << " port " << server.getPort() << '\n';
    *context.out << "code: " << config.classCode << '\n';
    // One line per address, so a script (or a person) takes the whole link from one line.
    for (const std::string& address : addresses)
        *context.out << "students: http://" << address << ':' << server.getPort()
                     << "/?code=" << config.classCode << '\n';
    if (!o.headless)
        *context.out << "(the projector window is not part of this build; running headless)\n";
    *context.out << "type 'help' for commands\n";
    context.out->flush();
    return Console(server, context, o.results).run();
}

} // namespace quiz::app

#pragma once

#include "core/classroom/ClassSetup.hpp"
#include "net/ClassClient.hpp"
#include "net/Discovery.hpp"
#include "net/HostServer.hpp"

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace quiz::ui
{

/// The instructor's side of a class game, for the class screens: either a projector game on
/// this machine (teams are the players; answers and hands come from the host's keyboard and
/// mouse) or a live class whose students answer from their own computers through a
/// HostServer. The rules stay in core::Classroom; this only routes commands and keeps time.
class ClassGame
{
public:
    /// A projector game: `teams` join as players at once.
    ClassGame(std::vector<core::Question> questions, core::ClassSettings settings,
              const std::vector<std::string>& teams);
    /// A live class served by `server` (already listening), shown as `address` and `code`.
    ClassGame(std::unique_ptr<net::HostServer> server, std::string address, std::string code);

    /// True for a live class (students on their own computers).
    [[nodiscard]] bool isLive() const { return m_live; }
    [[nodiscard]] const core::Classroom& getClassroom() const;
    [[nodiscard]] const core::HandTally& getHands() const { return m_hands; }
    [[nodiscard]] const std::string& getAddress() const { return m_address; }
    [[nodiscard]] const std::string& getCode() const { return m_code; }
    /// Every "IP:port" students can reach (one per LAN interface), getAddress() first.
    [[nodiscard]] std::vector<std::string> getAddresses() const
    {
        return m_addresses.empty() ? std::vector<std::string>{m_address} : m_addresses;
    }
    /// Sets the addresses shown in the lobby; the first becomes getAddress().
    void setAddresses(std::vector<std::string> addresses)
    {
        if (!addresses.empty())
            m_address = addresses.front();
        m_addresses = std::move(addresses);
    }
    [[nodiscard]] std::chrono::milliseconds getNow() const { return m_now; }

    /// Lets `elapsed` pass: polls the server (never blocks) or runs the countdown.
    void advance(std::chrono::milliseconds elapsed);
    core::ClassRefusal command(core::HostCommand command);
    core::ClassRefusal kick(const std::string& nickname);
    /// Projector games: team `team` locks `optionIds` for the open question.
    core::ClassRefusal answer(std::size_t team, const std::vector<std::string>& optionIds);
    /// Projector games: team `team` gives `value` for the open numeric question.
    core::ClassRefusal answerNumber(std::size_t team, double value);
    /// Projector games: team `team` gives an order or a matching in the letters shown ("CABD":
    /// the items first to last; matching: the choice of each prompt in prompt order). Refused
    /// as core::Classroom::answerOrder() is, and as UnknownOption for a letter not shown.
    core::ClassRefusal answerSteps(std::size_t team, const std::vector<std::string>& letters);
    /// Projector games: one more (or fewer) hand for an option of the open question.
    void adjustHands(std::size_t position, int delta);
    /// Presents a local game as a live class at `address` with `code` (render tests and
    /// rehearsals without a network); team answers still go to the local rules.
    void showAsLive(std::string address, std::string code);

    /// Everyone's answers so far plus hands, in option order.
    [[nodiscard]] std::vector<std::size_t> getDistribution() const;
    /// The newest log lines from the server (joins, drops, refusals), oldest first.
    [[nodiscard]] const std::vector<std::string>& getLog() const { return m_log; }
    /// The results CSV (the core's format plus hands counted).
    [[nodiscard]] std::string formatCsv() const;

private:
    std::optional<core::Classroom> m_local;
    std::unique_ptr<net::HostServer> m_server;
    core::HandTally m_hands;
    std::string m_address;
    std::vector<std::string> m_addresses;
    std::string m_code;
    std::chrono::milliseconds m_now{0};
    std::vector<std::string> m_log;
    bool m_live = false;
};

/// A student's side of a live class: the connection plus what the host last showed, kept as
/// plain values so the student screen can draw them (and tests can set them up).
struct StudentState
{
    /// A connection being made on a background thread; shared with that thread, which sets
    /// `done` and `error` when connect() returns.
    struct ConnectAttempt
    {
        std::mutex mutex;
        bool done = false;
        std::string error;
    };

    net::ClientConfig config;
    /// Shared with a connecting thread: that thread alone uses it until the attempt is done.
    std::shared_ptr<net::ClassClient> client;
    std::shared_ptr<ConnectAttempt> attempt;
    std::optional<net::Welcome> welcome;
    std::optional<net::Lobby> lobby;
    std::optional<net::QuestionShow> question;
    std::vector<std::string> picked; ///< option ids ticked for the question on screen
    /// A numeric question: the number typed; ordering or matching: the letters typed ("CABD":
    /// the items first to last, or each prompt's choice in turn).
    std::string typed;
    std::optional<net::Ack> ack;
    std::optional<net::Reveal> reveal;
    std::optional<net::Leaderboard> leaderboard;
    std::optional<net::End> end;
    bool paused = false; ///< the instructor paused the question on screen
    std::string problem; ///< why the connection ended, or a refusal
    std::chrono::milliseconds now{0};

    /// Starts connecting (and saying hello) on a background thread that gives up after
    /// `timeout`, so the window keeps drawing; finishConnect() tells the outcome. Leaving the
    /// state while it runs is safe: the thread keeps the client until it is done.
    void startConnect(std::chrono::milliseconds timeout);
    /// True while a started connection has not ended either way.
    [[nodiscard]] bool isConnecting() const;
    /// Once the attempt has ended: "" when connected, else why not (also kept in `problem`);
    /// nullopt while it runs or when none was started. Reports an attempt once.
    [[nodiscard]] std::optional<std::string> finishConnect();
    /// startConnect() and wait for the outcome ("" or a message).
    [[nodiscard]] std::string connect(std::chrono::milliseconds timeout);
    /// Polls and folds the host's messages into the fields above. Never blocks. A connection
    /// attempt that has ended is finished here (a failure lands in `problem`).
    void advance(std::chrono::milliseconds elapsed);
    /// Sends the picked options (or what was typed) for the question on screen.
    void sendAnswer();
    /// The answer to send for the question on screen: the picked options; a numeric
    /// question's typed text as `value`; an ordering question's typed letters as `order`; a
    /// matching question's as `matches`, the n-th letter for the n-th prompt. The host judges
    /// it (a letter too many or too few comes back refused with its reason).
    [[nodiscard]] net::Answer makeAnswer() const;
    /// True when the question on screen is answered by typing (numeric, ordering, matching).
    [[nodiscard]] bool isTypedQuestion() const;
    /// Why the typed letters cannot be sent as they are (an item twice would be a malformed
    /// order, which the host answers by closing the connection), or "".
    [[nodiscard]] std::string typedProblem() const;
    /// Applies one message from the host (also used by tests without a network).
    void apply(const net::Message& message);
    /// Without a client (a state replayed in a test) a welcome counts as connected.
    [[nodiscard]] bool isConnected() const
    {
        if (isConnecting())
            return false;
        return client != nullptr ? client->isConnected() : welcome.has_value();
    }
};

/// LAN discovery for the join screen, kept across frames.
struct ClassSearch
{
    net::ClassFinder finder;
    bool started = false;
    std::string error;
};

} // namespace quiz::ui

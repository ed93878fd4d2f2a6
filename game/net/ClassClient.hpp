#pragma once

#include "Protocol.hpp"

#include <SFML/Network/IpAddress.hpp>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace quiz::net
{

struct ClientConfig
{
    sf::IpAddress address = sf::IpAddress::LocalHost;
    unsigned short port = 0;
    std::string classCode;
    std::string nickname;
    /// When set, connect() sends `rejoin` with it instead of `join` (the seat and score come
    /// back). The host's `joined` gives it; keep it for as long as the class runs.
    std::string rejoinToken;
    /// Bind the connection to this local IPv4 address first ("" for any). Loopback tests use
    /// 127.0.0.x so that many students do not share one address.
    std::string localAddress;
    /// False: connect without sending `join`/`rejoin` (tests of what the host does then).
    bool sayHello = true;
    /// The host pings every 2 s; if nothing at all arrives this long, the host is gone.
    std::chrono::milliseconds silenceTimeout{10000};
};

/// A student's WebSocket connection to a class host (the same protocol the browser page
/// speaks). The socket lives on a thread of its own; call poll(now) every frame, then
/// takeMessages() for what the host sent. The client answers pings itself. When the
/// connection ends (refused, kicked, host gone, bad data), isConnected() turns false and
/// getCloseReason() says why.
class ClassClient
{
public:
    explicit ClassClient(ClientConfig config);
    ~ClassClient();
    ClassClient(const ClassClient&) = delete;
    ClassClient& operator=(const ClassClient&) = delete;

    /// Connects, upgrades to WebSocket and sends `join` (or `rejoin`), blocking for at most
    /// `timeout`. Returns "" on success, else a message for the student.
    [[nodiscard]] std::string connect(std::chrono::milliseconds timeout,
                                      std::chrono::milliseconds now);
    /// Takes what arrived, answers pings, notices a silent host. Never blocks.
    void poll(std::chrono::milliseconds now);
    /// Sends an answer to question `index`. The host acknowledges it.
    void sendAnswer(std::uint32_t index, const std::vector<std::string>& optionIds);
    void send(const Message& message);
    /// Sends text as it is (for tests of the host's defences).
    void sendRaw(std::string text);
    /// Sends a binary frame (for tests: the host accepts only text).
    void sendBinary(std::string bytes);
    /// Closes the connection at once (as a crash or a closed lid would).
    void close(const std::string& reason);
    /// Stops reading from the socket (for tests of a student that does not keep up).
    void stopReading();

    /// Messages from the host since the last call, oldest first (pings are not included).
    [[nodiscard]] std::vector<Message> takeMessages();

    [[nodiscard]] bool isConnected() const { return m_connected; }
    [[nodiscard]] bool isJoined() const { return m_joined; }
    [[nodiscard]] const std::string& getCloseReason() const { return m_closeReason; }
    /// The rejoin token from the last `joined` ("" before).
    [[nodiscard]] const std::string& getToken() const { return m_token; }
    /// The question on screen now (kept until the next one), if any.
    [[nodiscard]] const std::optional<QuestionShow>& getQuestion() const { return m_question; }
    /// The WebSocket close code the host sent, once closed (0 when none).
    [[nodiscard]] int getCloseCode() const;

    struct Link;

private:
    void onMessage(Message message);

    ClientConfig m_config;
    std::shared_ptr<Link> m_link;
    std::vector<Message> m_inbox;
    std::optional<QuestionShow> m_question;
    std::chrono::milliseconds m_lastHeard{0};
    bool m_connected = false;
    bool m_joined = false;
    std::string m_token;
    std::string m_closeReason;
};

} // namespace quiz::net

#pragma once

#include "net/Fixtures.hpp"
#include "net/HostProtocol.hpp"

#include <catch2/catch.hpp>

#include <map>

namespace quiz::net::test
{

/// A HostProtocol with no sockets: students are connection ids, time is whatever the test
/// says, and what the host sends is decoded per connection.
struct HostHarness
{
    explicit HostHarness(core::ClassSettings settings = {}, int questions = 3)
        : host(makeQuestions(questions), settings, rules())
    {
    }
    HostHarness(std::vector<core::Question> questions, core::ClassSettings settings)
        : host(std::move(questions), settings, rules())
    {
    }

    static HostRules rules()
    {
        HostRules r;
        r.classCode = "K7QX9M";
        r.title = "Test class";
        int counter = 0;
        r.makeToken = [counter]() mutable { return "token-" + std::to_string(++counter); };
        return r;
    }

    void open(ConnectionId id, std::chrono::milliseconds at,
              const std::string& address = "10.0.0.1")
    {
        host.open(id, address, at);
    }

    void say(ConnectionId id, const Message& message, std::chrono::milliseconds at)
    {
        DecodeResult result;
        result.message = message;
        host.receive(id, result, at);
        collect();
    }

    /// Opens `id` and joins it as `nickname`; returns the token.
    std::string join(ConnectionId id, const std::string& nickname, std::chrono::milliseconds at,
                     const std::string& address = "10.0.0.1")
    {
        open(id, at, address);
        say(id, Join{kProtocolVersion, "k7qx9m", nickname}, at);
        const Welcome* welcome = last<Welcome>(id);
        REQUIRE(welcome != nullptr);
        return welcome->token;
    }

    void tick(std::chrono::milliseconds at)
    {
        host.tick(at);
        collect();
    }

    void collect()
    {
        for (const Outgoing& out : host.takeOutgoing())
        {
            if (out.text)
            {
                bytes[out.to] += out.text->size();
                DecodeResult decoded = decode(*out.text, Sender::Host);
                REQUIRE(decoded.message.has_value());
                inbox[out.to].push_back(*decoded.message);
            }
            if (out.close)
                closed[out.to] = out.closeReason;
        }
        for (HostEvent& event : host.takeEvents())
            events.push_back(std::move(event));
    }

    template <typename T> const T* last(ConnectionId id) const
    {
        const auto it = inbox.find(id);
        if (it == inbox.end())
            return nullptr;
        for (auto m = it->second.rbegin(); m != it->second.rend(); ++m)
        {
            if (const T* found = std::get_if<T>(&*m))
                return found;
        }
        return nullptr;
    }

    template <typename T> std::size_t count(ConnectionId id) const
    {
        const auto it = inbox.find(id);
        std::size_t n = 0;
        if (it != inbox.end())
        {
            for (const Message& m : it->second)
                n += std::holds_alternative<T>(m) ? 1 : 0;
        }
        return n;
    }

    /// The reason of the `error` sent to `id`, or None.
    Reason refusal(ConnectionId id) const
    {
        const Refuse* refuse = last<Refuse>(id);
        return refuse != nullptr ? refuse->reason : Reason::None;
    }

    bool isClosed(ConnectionId id) const { return closed.count(id) > 0; }

    HostProtocol host;
    std::map<ConnectionId, std::vector<Message>> inbox;
    std::map<ConnectionId, std::size_t> bytes;
    std::map<ConnectionId, Reason> closed;
    std::vector<HostEvent> events;
};

} // namespace quiz::net::test

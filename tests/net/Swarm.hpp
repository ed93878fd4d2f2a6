#pragma once

// Many WebSocket students on one thread (Boost.Beast, asynchronous), for the hostile tests and
// the load benchmark: each connects from its own loopback address, may send a first message,
// and hands every text it receives to a callback on the swarm's thread.

#include <atomic>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace quiz::net::test
{

/// The n-th loopback address past 127.0.0.1 (127.0.1.1, 127.0.1.2, ...): one per student.
inline std::string loopbackAddress(std::size_t n)
{
    return "127.0." + std::to_string(1 + n / 250) + "." + std::to_string(1 + n % 250);
}

class Swarm
{
public:
    using Clock = std::chrono::steady_clock;

    struct Student
    {
        explicit Student(boost::asio::io_context& io) : ws(io) {}
        std::size_t index = 0;
        boost::beast::websocket::stream<boost::beast::tcp_stream> ws;
        boost::beast::flat_buffer buffer;
        std::deque<std::string> queue;
        bool writing = false;
        bool reading = true;
        std::atomic<bool> open{false};
        std::atomic<bool> closed{false};
        std::atomic<int> closeCode{0};
        std::mutex mutex;
        std::vector<std::string> received; ///< every text, in order (under `mutex`)
    };

    /// Called on the swarm's thread for every text a student receives.
    std::function<void(Swarm&, Student&, const std::string&, Clock::time_point)> onText;

    explicit Swarm(unsigned short port) : m_port(port), m_work(m_io.get_executor()) {}
    ~Swarm() { stop(); }

    /// Connects a student from `local`, sends `hello` (unless empty) once open; `read` false
    /// makes a student that never reads (its socket fills up).
    void add(const std::string& local, std::string hello, bool read = true)
    {
        auto student = std::make_shared<Student>(m_io);
        student->index = m_students.size();
        student->reading = read;
        m_students.push_back(student);
        boost::asio::post(m_io, [this, student, local, hello = std::move(hello)]() mutable
                          { connect(student, local, std::move(hello)); });
    }

    void start()
    {
        if (!m_thread.joinable())
            m_thread = std::thread([this] { m_io.run(); });
    }

    void stop()
    {
        boost::asio::post(m_io,
                          [this]
                          {
                              for (auto& s : m_students)
                              {
                                  boost::beast::error_code ignored;
                                  boost::beast::get_lowest_layer(s->ws).socket().close(ignored);
                              }
                          });
        m_work.reset();
        if (m_thread.joinable())
            m_thread.join();
    }

    /// Sends a text (from any thread, or from onText on the swarm's thread).
    void send(Student& student, std::string text)
    {
        boost::asio::post(m_io, [this, s = m_students[student.index],
                                 text = std::move(text)]() mutable { queue(s, std::move(text)); });
    }

    [[nodiscard]] std::size_t size() const { return m_students.size(); }
    [[nodiscard]] Student& at(std::size_t i) { return *m_students[i]; }

    /// Waits (wall clock, bounded) until `done()` is true; false when `limit` passed first.
    template <typename Done> static bool waitUntil(Done done, std::chrono::milliseconds limit)
    {
        const auto until = Clock::now() + limit;
        while (!done())
        {
            if (Clock::now() > until)
                return false;
            std::this_thread::sleep_for(std::chrono::milliseconds{1});
        }
        return true;
    }

private:
    void connect(const std::shared_ptr<Student>& s, const std::string& local, std::string hello)
    {
        namespace asio = boost::asio;
        boost::beast::error_code ec;
        auto& socket = boost::beast::get_lowest_layer(s->ws).socket();
        socket.open(asio::ip::tcp::v4(), ec);
        socket.set_option(asio::socket_base::reuse_address(true), ec);
        if (!s->reading) // a student that never reads: keep the kernel from soaking it all up
            socket.set_option(asio::socket_base::receive_buffer_size(4096), ec);
        socket.bind(asio::ip::tcp::endpoint(asio::ip::make_address(local), 0), ec);
        socket.set_option(asio::ip::tcp::no_delay(true), ec);
        const asio::ip::tcp::endpoint host(asio::ip::make_address("127.0.0.1"), m_port);
        boost::beast::get_lowest_layer(s->ws).async_connect(
            host,
            [this, s, hello = std::move(hello)](boost::beast::error_code connected) mutable
            {
                if (connected)
                {
                    s->closed = true;
                    return;
                }
                s->ws.async_handshake(
                    "127.0.0.1", "/ws",
                    [this, s, hello = std::move(hello)](boost::beast::error_code shaken) mutable
                    {
                        if (shaken)
                        {
                            s->closed = true;
                            return;
                        }
                        s->open = true;
                        if (!hello.empty())
                            queue(s, std::move(hello));
                        if (s->reading)
                            read(s);
                    });
            });
    }

    void read(const std::shared_ptr<Student>& s)
    {
        s->ws.async_read(s->buffer,
                         [this, s](boost::beast::error_code ec, std::size_t)
                         {
                             if (ec)
                             {
                                 s->closeCode = static_cast<int>(s->ws.reason().code);
                                 s->closed = true;
                                 return;
                             }
                             const auto at = Clock::now();
                             std::string text = boost::beast::buffers_to_string(s->buffer.cdata());
                             s->buffer.consume(s->buffer.size());
                             if (onText)
                                 onText(*this, *s, text, at);
                             {
                                 const std::lock_guard<std::mutex> lock(s->mutex);
                                 s->received.push_back(std::move(text));
                             }
                             read(s);
                         });
    }

    void queue(const std::shared_ptr<Student>& s, std::string text)
    {
        if (s->closed)
            return;
        s->queue.push_back(std::move(text));
        if (!s->writing)
            write(s);
    }

    void write(const std::shared_ptr<Student>& s)
    {
        s->writing = true;
        s->ws.async_write(boost::asio::buffer(s->queue.front()),
                          [this, s](boost::beast::error_code ec, std::size_t)
                          {
                              s->writing = false;
                              s->queue.pop_front();
                              if (!ec && !s->queue.empty())
                                  write(s);
                          });
    }

    unsigned short m_port;
    boost::asio::io_context m_io{1};
    std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> m_work;
    std::vector<std::shared_ptr<Student>> m_students;
    std::thread m_thread;
};

} // namespace quiz::net::test

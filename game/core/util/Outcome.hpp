#pragma once

#include <optional>
#include <string>
#include <utility>

namespace quiz::core
{

/// Success, or a failure carrying one message meant for a person (it names the file or the
/// player involved). Progress code returns these instead of throwing.
struct Status
{
    bool ok = true;
    std::string message;

    [[nodiscard]] static Status success() { return {}; }
    [[nodiscard]] static Status failure(std::string text) { return {false, std::move(text)}; }
    [[nodiscard]] bool isOk() const { return ok; }
};

/// A value, or a failure message when there is none.
template <typename T> class Outcome
{
public:
    /// Implicit on purpose, so `return value;` reads naturally in functions returning Outcome.
    Outcome(T value) : m_value(std::move(value)) {} // NOLINT(google-explicit-constructor)

    [[nodiscard]] static Outcome failure(std::string message)
    {
        Outcome outcome;
        outcome.m_message = std::move(message);
        return outcome;
    }

    [[nodiscard]] bool isOk() const { return m_value.has_value(); }
    /// Only valid when isOk().
    [[nodiscard]] const T& getValue() const { return *m_value; }
    [[nodiscard]] T& getValue() { return *m_value; }
    /// "" when isOk().
    [[nodiscard]] const std::string& getMessage() const { return m_message; }
    [[nodiscard]] Status getStatus() const
    {
        return isOk() ? Status::success() : Status::failure(m_message);
    }

private:
    Outcome() = default;

    std::optional<T> m_value;
    std::string m_message;
};

} // namespace quiz::core

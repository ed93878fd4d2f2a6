#pragma once

#include "Script.hpp"

#include <string>
#include <vector>

namespace quiz::ui
{

class Application;

/// Replays a `--script` file in the real window, one command per loop turn: keys, text and
/// clicks become SFML events, waits pass game time, shots save what the window shows, and
/// `frames` prints frame-time figures for the benchmark.
class ScriptRunner
{
public:
    explicit ScriptRunner(Application& app) : m_app(app) {}

    /// Reads and parses `path`; returns "" or the error (`PATH:LINE: message`).
    [[nodiscard]] std::string load(const std::string& path);
    [[nodiscard]] bool isActive() const { return m_active; }
    [[nodiscard]] bool isDone() const { return m_index >= m_commands.size(); }
    /// Runs the next command; returns false once the script has ended the game.
    bool runNext();
    /// True when a command could not do its work (a screenshot not saved).
    [[nodiscard]] bool hasFailed() const { return m_failed; }

private:
    void sendKey(const ScriptCommand& command);
    void sendText(const std::string& text);
    /// Empties the number field of a numeric question (Ctrl+Backspace), then types `text`.
    void sendNumber(const std::string& text);
    void sendClick(int x, int y);
    bool saveShot(const std::string& name);
    void measureFrames(int count);

    Application& m_app;
    std::vector<ScriptCommand> m_commands;
    std::size_t m_index = 0;
    bool m_active = false;
    bool m_failed = false;
};

} // namespace quiz::ui

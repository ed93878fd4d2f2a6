#pragma once

#include <string>
#include <vector>

namespace quiz::ui
{

/// One line of a `--script` file.
struct ScriptCommand
{
    enum class Kind
    {
        Key,    ///< key NAME (e.g. `key Enter`, `key A`, `key shift+Tab`)
        Text,   ///< text STRING (typed characters)
        Number, ///< number STRING (empties a numeric question's field, then types STRING)
        Click,  ///< click X Y (window pixels)
        Wait,   ///< wait MS (game time passes; no real waiting)
        Shot,   ///< shot NAME (NAME.png in --screenshot-dir)
        Resize, ///< resize W H
        Frames, ///< frames N (render N frames while animating; prints frame-time figures)
        Quit
    };
    Kind kind = Kind::Quit;
    std::string text; ///< key name, typed text or shot name
    int a = 0;        ///< x, ms, width or frame count
    int b = 0;        ///< y or height
    bool shift = false;
    int line = 0;
};

/// Parses a script. Blank lines and lines starting with '#' are skipped. On a bad line it
/// returns false with `error` as `PATH:LINE: message`.
[[nodiscard]] bool parseScript(const std::string& text, const std::string& path,
                               std::vector<ScriptCommand>& out, std::string& error);

/// The SFML key code for a script key name ("Enter", "Escape", "A", "1", "F11", ...), or -1.
[[nodiscard]] int keyFromName(const std::string& name);

} // namespace quiz::ui

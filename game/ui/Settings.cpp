#include "Settings.hpp"

#include "core/progress/Profiles.hpp"
#include "core/util/AtomicFile.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace quiz::ui
{
namespace
{

bool parseBool(const std::string& value, bool fallback)
{
    if (value == "true" || value == "1" || value == "on")
        return true;
    if (value == "false" || value == "0" || value == "off")
        return false;
    return fallback;
}

int parseInt(const std::string& value, int low, int high, int fallback)
{
    if (value.empty() || value.size() > 6 ||
        value.find_first_not_of("0123456789") != std::string::npos)
        return fallback;
    const int parsed = std::atoi(value.c_str());
    return parsed < low || parsed > high ? fallback : parsed;
}

std::string trim(const std::string& text)
{
    const std::size_t first = text.find_first_not_of(" \t\r");
    if (first == std::string::npos)
        return {};
    const std::size_t last = text.find_last_not_of(" \t\r");
    return text.substr(first, last - first + 1);
}

} // namespace

std::string Settings::serialize() const
{
    std::ostringstream out;
    out << "# Heparin Quiz settings\n";
    out << "fullscreen=" << (fullscreen ? "true" : "false") << '\n';
    out << "text-size=" << textSize << '\n';
    out << "high-contrast=" << (highContrast ? "true" : "false") << '\n';
    out << "sound=" << (sound ? "true" : "false") << '\n';
    out << "volume=" << volume << '\n';
    out << "default-timer=" << defaultTimer << '\n';
    out << "ask-confidence=" << (askConfidence ? "true" : "false") << '\n';
    return out.str();
}

Settings Settings::parse(const std::string& text)
{
    Settings settings;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line))
    {
        const std::size_t eq = line.find('=');
        if (line.empty() || line[0] == '#' || eq == std::string::npos)
            continue;
        const std::string key = trim(line.substr(0, eq));
        const std::string value = trim(line.substr(eq + 1));
        if (key == "fullscreen")
            settings.fullscreen = parseBool(value, settings.fullscreen);
        else if (key == "text-size")
            settings.textSize = parseInt(value, 0, 3, settings.textSize);
        else if (key == "high-contrast")
            settings.highContrast = parseBool(value, settings.highContrast);
        else if (key == "sound")
            settings.sound = parseBool(value, settings.sound);
        else if (key == "volume")
            settings.volume = parseInt(value, 0, 100, settings.volume);
        else if (key == "ask-confidence")
            settings.askConfidence = parseBool(value, settings.askConfidence);
        else if (key == "default-timer")
            settings.defaultTimer = parseInt(value, 0, 3600, settings.defaultTimer);
    }
    return settings;
}

std::string defaultProfileDir()
{
    // The same folder `export` reads players from: one rule, in core.
    return core::resolveDefaultProfileRoot(std::getenv("XDG_DATA_HOME"), std::getenv("HOME"));
}

Settings loadSettings(const std::string& profileDir)
{
    if (profileDir.empty())
        return {};
    std::ifstream in(profileDir + "/settings.ini", std::ios::binary);
    if (!in)
        return {};
    std::stringstream buffer;
    buffer << in.rdbuf();
    return Settings::parse(buffer.str());
}

bool saveSettings(const std::string& profileDir, const Settings& settings, std::string& error)
{
    if (profileDir.empty())
    {
        error = "no profile folder to save settings in";
        return false;
    }
    std::error_code ec;
    std::filesystem::create_directories(profileDir, ec);
    if (ec)
    {
        error = "cannot create '" + profileDir + "': " + ec.message();
        return false;
    }
    error = core::writeFileAtomically(profileDir + "/settings.ini", settings.serialize());
    return error.empty();
}

} // namespace quiz::ui

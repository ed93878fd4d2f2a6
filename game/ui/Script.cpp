#include "Script.hpp"

#include <SFML/Window/Keyboard.hpp>

#include <cctype>
#include <sstream>

namespace quiz::ui
{
namespace
{

bool readInt(std::istringstream& in, int low, int high, int& value)
{
    std::string word;
    if (!(in >> word) || word.size() > 9 ||
        word.find_first_not_of("0123456789") != std::string::npos)
        return false;
    value = std::stoi(word);
    return value >= low && value <= high;
}

} // namespace

int keyFromName(const std::string& rawName)
{
    std::string name;
    for (const char c : rawName)
        name += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (name.size() == 1 && name[0] >= 'a' && name[0] <= 'z')
        return sf::Keyboard::A + (name[0] - 'a');
    if (name.size() == 1 && name[0] >= '0' && name[0] <= '9')
        return sf::Keyboard::Num0 + (name[0] - '0');
    if (name.size() >= 2 && name[0] == 'f' && std::isdigit(static_cast<unsigned char>(name[1])))
    {
        const int n = std::atoi(name.c_str() + 1);
        if (n >= 1 && n <= 15)
            return sf::Keyboard::F1 + (n - 1);
    }
    struct Named
    {
        const char* name;
        sf::Keyboard::Key key;
    };
    static const Named kNames[] = {
        {"enter", sf::Keyboard::Enter},
        {"return", sf::Keyboard::Enter},
        {"escape", sf::Keyboard::Escape},
        {"esc", sf::Keyboard::Escape},
        {"space", sf::Keyboard::Space},
        {"tab", sf::Keyboard::Tab},
        {"backspace", sf::Keyboard::BackSpace},
        {"up", sf::Keyboard::Up},
        {"down", sf::Keyboard::Down},
        {"left", sf::Keyboard::Left},
        {"right", sf::Keyboard::Right},
        {"pageup", sf::Keyboard::PageUp},
        {"pagedown", sf::Keyboard::PageDown},
        {"home", sf::Keyboard::Home},
        {"end", sf::Keyboard::End},
        {"delete", sf::Keyboard::Delete},
    };
    for (const Named& entry : kNames)
    {
        if (name == entry.name)
            return entry.key;
    }
    return -1;
}

bool parseScript(const std::string& text, const std::string& path, std::vector<ScriptCommand>& out,
                 std::string& error)
{
    std::istringstream lines(text);
    std::string line;
    int number = 0;
    while (std::getline(lines, line))
    {
        ++number;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        std::istringstream in(line);
        std::string verb;
        if (!(in >> verb) || verb[0] == '#')
            continue;
        ScriptCommand command;
        command.line = number;
        const auto fail = [&](const std::string& message)
        {
            error = path + ":" + std::to_string(number) + ": " + message;
            return false;
        };
        if (verb == "key")
        {
            command.kind = ScriptCommand::Kind::Key;
            std::string name;
            if (!(in >> name))
                return fail("'key' needs a key name");
            if (name.rfind("shift+", 0) == 0)
            {
                command.shift = true;
                name = name.substr(6);
            }
            if (keyFromName(name) < 0)
                return fail("unknown key '" + name + "'");
            command.text = name;
        }
        else if (verb == "text")
        {
            command.kind = ScriptCommand::Kind::Text;
            const std::size_t start = line.find("text") + 4;
            command.text = start < line.size() ? line.substr(start + 1) : "";
        }
        else if (verb == "number")
        {
            command.kind = ScriptCommand::Kind::Number;
            const std::size_t start = line.find("number") + 6;
            command.text = start < line.size() ? line.substr(start + 1) : "";
            if (command.text.empty())
                return fail("'number' needs the text to type");
        }
        else if (verb == "click")
        {
            command.kind = ScriptCommand::Kind::Click;
            if (!readInt(in, 0, 100000, command.a) || !readInt(in, 0, 100000, command.b))
                return fail("'click' needs X Y in pixels");
        }
        else if (verb == "wait")
        {
            command.kind = ScriptCommand::Kind::Wait;
            if (!readInt(in, 0, 86400000, command.a))
                return fail("'wait' needs milliseconds");
        }
        else if (verb == "shot")
        {
            command.kind = ScriptCommand::Kind::Shot;
            if (!(in >> command.text))
                return fail("'shot' needs a name");
            for (const char c : command.text)
            {
                if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_')
                    return fail("a shot name may use letters, digits, '-' and '_' only");
            }
        }
        else if (verb == "resize")
        {
            command.kind = ScriptCommand::Kind::Resize;
            if (!readInt(in, 1, 10000, command.a) || !readInt(in, 1, 10000, command.b))
                return fail("'resize' needs W H");
        }
        else if (verb == "frames")
        {
            command.kind = ScriptCommand::Kind::Frames;
            if (!readInt(in, 1, 100000, command.a))
                return fail("'frames' needs a count");
        }
        else if (verb == "quit")
        {
            command.kind = ScriptCommand::Kind::Quit;
        }
        else
        {
            return fail(
                "unknown command '" + verb +
                "' (expected key, text, number, click, wait, shot, resize, frames or quit)");
        }
        out.push_back(command);
    }
    return true;
}

} // namespace quiz::ui

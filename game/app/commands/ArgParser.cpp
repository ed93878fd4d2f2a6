#include "ArgParser.hpp"

#include "core/pack/Diagnostic.hpp"

#include <cerrno>
#include <cstdlib>
#include <ostream>

namespace quiz::app
{

ArgParser::ArgParser(std::string command, std::string summary)
    : m_command(std::move(command)), m_summary(std::move(summary))
{
    addFlag("help", nullptr, "show this help and exit");
}

void ArgParser::addFlag(const std::string& name, bool* target, const std::string& help)
{
    m_specs.push_back({name, Kind::Flag, target, 0, 0, "", help});
}

void ArgParser::addOption(const std::string& name, std::string* target,
                          const std::string& valueName, const std::string& help)
{
    m_specs.push_back({name, Kind::Text, target, 0, 0, valueName, help});
}

void ArgParser::addList(const std::string& name, std::vector<std::string>* target,
                        const std::string& valueName, const std::string& help)
{
    m_specs.push_back({name, Kind::List, target, 0, 0, valueName, help});
}

void ArgParser::addInt(const std::string& name, long long* target, long long min, long long max,
                       const std::string& valueName, const std::string& help)
{
    m_specs.push_back({name, Kind::Integer, target, min, max, valueName, help});
}

void ArgParser::setPositionals(std::vector<std::string>* target, const std::string& valueName,
                               std::size_t minCount, const std::string& help)
{
    m_positionals = target;
    m_positionalName = valueName;
    m_minPositionals = minCount;
    m_positionalHelp = help;
}

const ArgParser::Spec* ArgParser::find(const std::string& name) const
{
    for (const Spec& spec : m_specs)
    {
        if (spec.name == name)
            return &spec;
    }
    return nullptr;
}

ParseResult ArgParser::apply(const Spec& spec, const std::string& value)
{
    switch (spec.kind)
    {
    case Kind::Flag:
        break;
    case Kind::Text:
        *static_cast<std::string*>(spec.target) = value;
        break;
    case Kind::List:
        static_cast<std::vector<std::string>*>(spec.target)->push_back(value);
        break;
    case Kind::Integer:
    {
        long long number = 0;
        if (!parseInteger(value, number))
            return {ParseResult::Status::Error,
                    "--" + spec.name + " needs a whole number, not '" + value + "'"};
        if (number < spec.min || number > spec.max)
            return {ParseResult::Status::Error, "--" + spec.name + " must be between " +
                                                    std::to_string(spec.min) + " and " +
                                                    std::to_string(spec.max) + ", not " + value};
        *static_cast<long long*>(spec.target) = number;
        break;
    }
    }
    return {};
}

ParseResult ArgParser::parse(const std::vector<std::string>& args)
{
    std::vector<std::string> positionals;
    bool optionsEnded = false;
    for (std::size_t i = 0; i < args.size(); ++i)
    {
        const std::string& arg = args[i];
        if (optionsEnded || arg.size() < 2 || arg[0] != '-' || arg == "-")
        {
            positionals.push_back(arg);
            continue;
        }
        if (arg == "--")
        {
            optionsEnded = true;
            continue;
        }
        if (arg == "-h")
            return {ParseResult::Status::Help, ""};
        if (arg.rfind("--", 0) != 0)
            return {ParseResult::Status::Error, "unknown option '" + arg + "'"};

        std::string name = arg.substr(2);
        std::string value;
        bool hasInlineValue = false;
        const std::size_t equals = name.find('=');
        if (equals != std::string::npos)
        {
            value = name.substr(equals + 1);
            name = name.substr(0, equals);
            hasInlineValue = true;
        }
        const Spec* spec = find(name);
        if (spec == nullptr)
        {
            std::vector<std::string> names;
            for (const Spec& s : m_specs)
                names.push_back(s.name);
            const std::string guess = core::closestMatch(name, names);
            std::string message = "unknown option '--" + name + "'";
            if (!guess.empty())
                message += " (did you mean '--" + guess + "'?)";
            return {ParseResult::Status::Error, message};
        }
        if (spec->name == "help")
            return {ParseResult::Status::Help, ""};
        if (spec->kind == Kind::Flag)
        {
            if (hasInlineValue)
                return {ParseResult::Status::Error, "--" + name + " takes no value"};
            if (spec->target != nullptr)
                *static_cast<bool*>(spec->target) = true;
            continue;
        }
        if (!hasInlineValue)
        {
            if (i + 1 >= args.size())
                return {ParseResult::Status::Error,
                        "--" + name + " needs a value (" + spec->valueName + ")"};
            value = args[++i];
        }
        ParseResult applied = apply(*spec, value);
        if (!applied.isOk())
            return applied;
    }
    if (m_positionals == nullptr && !positionals.empty())
        return {ParseResult::Status::Error, "unexpected argument '" + positionals.front() + "'"};
    if (positionals.size() < m_minPositionals)
        return {ParseResult::Status::Error, "missing " + m_positionalName};
    if (m_positionals != nullptr)
        *m_positionals = positionals;
    return {};
}

std::optional<int> ArgParser::parseOrExit(const std::vector<std::string>& args, std::ostream& out,
                                          std::ostream& err)
{
    const ParseResult result = parse(args);
    if (result.status == ParseResult::Status::Help)
    {
        out << usage();
        return 0;
    }
    if (!result.isOk())
    {
        err << formatError(result.message);
        return 2;
    }
    return std::nullopt;
}

std::string ArgParser::usage() const
{
    std::string text = "usage: " + m_command + " [options]";
    if (m_positionals != nullptr)
        text += m_minPositionals > 0 ? " " + m_positionalName + "..."
                                     : " [" + m_positionalName + "...]";
    text += "\n\n" + m_summary + "\n\noptions:\n";
    for (const Spec& spec : m_specs)
    {
        std::string left = "  --" + spec.name;
        if (spec.kind != Kind::Flag)
            left += " " + spec.valueName;
        if (left.size() < 26)
            left.resize(26, ' ');
        else
            left += "  ";
        text += left + spec.help + (spec.kind == Kind::List ? " (repeatable)" : "") + "\n";
    }
    if (m_positionals != nullptr && !m_positionalHelp.empty())
        text += "\n" + m_positionalName + ": " + m_positionalHelp + "\n";
    return text;
}

std::string ArgParser::formatError(const std::string& message) const
{
    return m_command + ": " + message + "\nTry '" + m_command + " --help'.\n";
}

bool parseInteger(const std::string& text, long long& value)
{
    if (text.empty() || text.size() > 20)
        return false;
    std::size_t i = text[0] == '-' || text[0] == '+' ? 1 : 0;
    if (i == text.size())
        return false;
    for (std::size_t j = i; j < text.size(); ++j)
    {
        if (text[j] < '0' || text[j] > '9')
            return false;
    }
    errno = 0;
    char* end = nullptr;
    const long long parsed = std::strtoll(text.c_str(), &end, 10);
    if (errno == ERANGE || end != text.c_str() + text.size())
        return false;
    value = parsed;
    return true;
}

} // namespace quiz::app

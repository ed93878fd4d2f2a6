#include "CliSupport.hpp"

#include "Commands.hpp"
#include "core/pack/Diagnostic.hpp"

#include <charconv>
#include <memory>
#include <ostream>
#include <regex>

namespace quiz::app
{
namespace
{

constexpr std::size_t kHelpColumn = 26;

std::string usageLine(const CLI::App& app)
{
    std::string line = "usage: " + commandPath(app) + " [options]";
    for (const CLI::Option* option : app.get_options())
    {
        if (!option->get_positional())
            continue;
        const std::string name =
            option->get_name(true) + (option->get_items_expected_max() > 1 ? "..." : "");
        line += option->get_required() ? " " + name : " [" + name + "]";
    }
    return line + "\n";
}

/// Today's layout: usage, description, one line per option, then what each positional is.
std::string makeHelp(const CLI::App& app)
{
    std::string text = usageLine(app);
    std::string description = app.get_description();
    while (!description.empty() && description.back() == '\n')
        description.pop_back();
    if (!description.empty())
        text += "\n" + description + "\n";
    text += "\noptions:\n";
    std::string positionals;
    for (const CLI::Option* option : app.get_options())
    {
        if (option->get_group().empty())
            continue; // hidden
        if (option->get_positional())
        {
            if (!option->get_description().empty())
                positionals += option->get_name(true) + ": " + option->get_description() + "\n";
            continue;
        }
        text += formatOption(*option);
    }
    if (!positionals.empty())
        text += "\n" + positionals;
    if (!app.get_footer().empty())
        text += "\n" + app.get_footer() + "\n";
    return text;
}

/// The parsed subcommand at the end of the chain (or `app` itself).
const CLI::App& selected(const CLI::App& app)
{
    const std::vector<CLI::App*> chosen = app.get_subcommands();
    return chosen.empty() ? app : selected(*chosen.front());
}

std::string didYouMean(const std::string& word, const std::vector<std::string>& candidates,
                       const std::string& prefix)
{
    const std::string guess = core::closestMatch(word, candidates);
    return guess.empty() ? "" : " (did you mean '" + prefix + guess + "'?)";
}

/// Words the parser could not place: an unknown option, command or argument.
std::string describeUnknown(const CLI::App& app, const std::string& word)
{
    if (word.size() > 2 && word.rfind("--", 0) == 0)
    {
        const std::string name = word.substr(2, word.find('=') - 2);
        std::vector<std::string> names;
        for (const CLI::Option* option : app.get_options())
        {
            for (const std::string& longName : option->get_lnames())
                names.push_back(longName);
        }
        return "unknown option '--" + name + "'" + didYouMean(name, names, "--");
    }
    if (word.size() > 1 && word[0] == '-')
        return "unknown option '" + word + "'";
    const std::vector<const CLI::App*> commands =
        app.get_subcommands([](const CLI::App*) { return true; });
    if (commands.empty())
        return "unexpected argument '" + word + "'";
    std::vector<std::string> names;
    for (const CLI::App* command : commands)
        names.push_back(command->get_name());
    return "unknown command '" + word + "'" + didYouMean(word, names, "");
}

std::string describeError(const CLI::App& app, const CLI::ParseError& error)
{
    // Unplaced words explain most other errors (a typo'd option leaves its value stray), so
    // they are reported first.
    for (const CLI::App* at = &app; at != nullptr; at = at->get_parent())
    {
        const std::vector<std::string> unknown = at->remaining();
        if (!unknown.empty())
            return describeUnknown(*at, unknown.front());
    }
    std::string message = error.what();
    // CLI11 writes "--count: must be ..."; our validators' messages read as a sentence.
    const std::size_t colon = message.find(": ");
    if (dynamic_cast<const CLI::ValidationError*>(&error) != nullptr && colon != std::string::npos)
        message.replace(colon, 2, " ");
    // ...and "--count: 1 required N missing" for an option left without its value.
    static const std::regex missingValue(R"(^(\S+): 1 required (\S+) missing$)");
    std::smatch match;
    if (dynamic_cast<const CLI::ArgumentMismatch*>(&error) != nullptr &&
        std::regex_match(message, match, missingValue))
        message = match[1].str() + " needs a value (" + match[2].str() + ")";
    return message;
}

} // namespace

void configureApp(CLI::App& app)
{
    app.set_help_flag("-h,--help", "show this help and exit");
    app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    app.formatter(std::make_shared<CLI::FormatterLambda>(
        [](const CLI::App* help, const std::string&, CLI::AppFormatMode)
        { return makeHelp(*help); }));
}

std::string formatOption(const CLI::Option& option)
{
    std::string left = "  ";
    for (const std::string& name : option.get_snames())
        left += "-" + name + ", ";
    for (const std::string& name : option.get_lnames())
        left += "--" + name + (&name == &option.get_lnames().back() ? "" : ", ");
    if (!option.get_type_name().empty()) // flags have none; every valued option sets one
        left += " " + option.get_type_name();
    left.resize(std::max(left.size() + 2, kHelpColumn), ' ');
    const bool repeatable = option.get_multi_option_policy() == CLI::MultiOptionPolicy::TakeAll;
    return left + option.get_description() + (repeatable ? " (repeatable)" : "") + "\n";
}

std::optional<int> parseOrExit(CLI::App& app, const std::vector<std::string>& args,
                               std::ostream& out, std::ostream& err)
{
    std::vector<std::string> reversed(args.rbegin(), args.rend()); // CLI11 pops from the back
    try
    {
        app.parse(reversed);
    }
    catch (const CLI::CallForHelp&)
    {
        out << app.help(); // the help of the subcommand that was asked
        return 0;
    }
    catch (const CLI::CallForVersion& version)
    {
        out << version.what() << '\n';
        return 0;
    }
    catch (const CLI::ParseError& error)
    {
        const CLI::App& at = selected(app);
        err << formatUsageError(at, describeError(at, error));
        return 2;
    }
    return std::nullopt;
}

std::string commandPath(const CLI::App& app)
{
    const CLI::App* parent = app.get_parent();
    return parent == nullptr ? app.get_name() : commandPath(*parent) + " " + app.get_name();
}

std::string formatUsageError(const std::string& command, const std::string& message)
{
    return command + ": " + message + "\nTry '" + command + " --help'.\n";
}

std::string formatUsageError(const CLI::App& app, const std::string& message)
{
    return formatUsageError(commandPath(app), message);
}

CLI::Validator inRange(long long min, long long max)
{
    return CLI::Validator(
        [min, max](const std::string& text) -> std::string
        {
            long long number = 0;
            const char* end = text.data() + text.size();
            const auto [stop, failure] = std::from_chars(text.data(), end, number);
            if (text.empty() || failure != std::errc() || stop != end)
                return "needs a whole number, not '" + text + "'";
            if (number < min || number > max)
                return "must be between " + std::to_string(min) + " and " + std::to_string(max) +
                       ", not " + text;
            return {};
        },
        "", "inRange");
}

CLI::Validator oneOf(const std::vector<std::string>& words)
{
    std::string list;
    for (std::size_t i = 0; i < words.size(); ++i)
        list += (i == 0 ? "" : i + 1 == words.size() ? " or " : ", ") + words[i];
    return CLI::Validator(
        [words, list](const std::string& text) -> std::string
        {
            for (const std::string& word : words)
            {
                if (word == text)
                    return {};
            }
            return "must be " + list + ", not '" + text + "'";
        },
        "", "oneOf");
}

CLI::Option* addRepeatable(CLI::App& app, const std::string& name, std::vector<std::string>& target,
                           const std::string& valueName, const std::string& help)
{
    return app.add_option(name, target, help)
        ->type_name(valueName)
        ->allow_extra_args(false)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

} // namespace quiz::app

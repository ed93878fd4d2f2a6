#pragma once

#include <CLI/CLI.hpp>
#include <iosfwd>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace quiz::app
{

/// Gives a CLI11 app our conventions before its options are added: `-h`/`--help`, the help
/// layout every command shares (usage line, description, options, positional notes), and "the
/// last value wins" for an option given twice. Subcommands added afterwards inherit all three.
void configureApp(CLI::App& app);

/// Parses `args` (without the program name) into `app`'s targets. Returns std::nullopt when the
/// command should go on; otherwise the exit code after printing the help of the command that
/// asked for it to `out` (0), or an error and a `Try '... --help'.` hint to `err` (2). Unknown
/// options and commands get a "did you mean" when one is close.
[[nodiscard]] std::optional<int> parseOrExit(CLI::App& app, const std::vector<std::string>& args,
                                             std::ostream& out, std::ostream& err);

/// The name used in messages: "heparin-quiz check" for the `check` subcommand.
[[nodiscard]] std::string commandPath(const CLI::App& app);

/// One line of an option list: "  --count N               number of questions".
[[nodiscard]] std::string formatOption(const CLI::Option& option);

/// A usage error as every command prints it: "COMMAND: MESSAGE\nTry 'COMMAND --help'.\n".
[[nodiscard]] std::string formatUsageError(const CLI::App& app, const std::string& message);

/// Accepts a whole decimal number in [min, max]; the message names the range or the bad text.
[[nodiscard]] CLI::Validator inRange(long long min, long long max);

/// Accepts one of `words`: "must be csv or json, not 'xml'".
[[nodiscard]] CLI::Validator oneOf(const std::vector<std::string>& words);

/// `--NAME VALUE` that may be given again and again, one value each time ("--topic a
/// --topic b"); the help line says "(repeatable)".
CLI::Option* addRepeatable(CLI::App& app, const std::string& name, std::vector<std::string>& target,
                           const std::string& valueName, const std::string& help);

/// `--NAME WORD` whose words stand for the values of an enum: `target` takes the value of the
/// word given; any other word is refused with the list of words.
template <typename T>
CLI::Option* addChoice(CLI::App& app, const std::string& name, T& target,
                       const std::vector<std::pair<std::string, T>>& choices,
                       const std::string& help)
{
    std::vector<std::string> words;
    std::string valueName;
    for (const auto& choice : choices)
    {
        words.push_back(choice.first);
        valueName += (valueName.empty() ? "" : "|") + choice.first;
    }
    CLI::Option* option = app.add_option_function<std::string>(
        name,
        [&target, choices](const std::string& word)
        {
            for (const auto& choice : choices)
            {
                if (choice.first == word)
                    target = choice.second;
            }
        },
        help);
    option->check(oneOf(words))->type_name(valueName);
    return option;
}

} // namespace quiz::app

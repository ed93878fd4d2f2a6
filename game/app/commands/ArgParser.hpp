#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace quiz::app
{

/// Outcome of parsing a subcommand's arguments.
struct ParseResult
{
    enum class Status
    {
        Ok,
        Help, ///< --help/-h was given: print usage() and exit 0
        Error ///< print `message` and usage hint, exit 2
    };
    Status status = Status::Ok;
    std::string message;

    [[nodiscard]] bool isOk() const { return status == Status::Ok; }
};

/// A small, strict command-line parser shared by every subcommand: long options only
/// (`--name value` or `--name=value`), `--` ends options, unknown options are errors with a
/// "did you mean". Targets are written only when parsing succeeds for that option.
class ArgParser
{
public:
    /// `command` is the full name used in messages, e.g. "heparin-quiz check".
    ArgParser(std::string command, std::string summary);

    void addFlag(const std::string& name, bool* target, const std::string& help);
    void addOption(const std::string& name, std::string* target, const std::string& valueName,
                   const std::string& help);
    /// An option that may repeat; each value is appended.
    void addList(const std::string& name, std::vector<std::string>* target,
                 const std::string& valueName, const std::string& help);
    /// An integer option checked against [min, max].
    void addInt(const std::string& name, long long* target, long long min, long long max,
                const std::string& valueName, const std::string& help);
    /// Positional arguments; `minCount` of them are required.
    void setPositionals(std::vector<std::string>* target, const std::string& valueName,
                        std::size_t minCount, const std::string& help);

    [[nodiscard]] ParseResult parse(const std::vector<std::string>& args);
    /// Parses as a subcommand does: returns std::nullopt when the command should go on,
    /// otherwise the exit code after printing the usage to `out` (--help: 0) or the error and
    /// a hint to `err` (2).
    [[nodiscard]] std::optional<int> parseOrExit(const std::vector<std::string>& args,
                                                 std::ostream& out, std::ostream& err);
    [[nodiscard]] std::string usage() const;
    [[nodiscard]] const std::string& getCommand() const { return m_command; }

    /// Formats an error the way every subcommand reports one.
    [[nodiscard]] std::string formatError(const std::string& message) const;

private:
    enum class Kind
    {
        Flag,
        Text,
        List,
        Integer
    };
    struct Spec
    {
        std::string name;
        Kind kind = Kind::Flag;
        void* target = nullptr;
        long long min = 0;
        long long max = 0;
        std::string valueName;
        std::string help;
    };

    [[nodiscard]] const Spec* find(const std::string& name) const;
    [[nodiscard]] ParseResult apply(const Spec& spec, const std::string& value);

    std::string m_command;
    std::string m_summary;
    std::vector<Spec> m_specs;
    std::vector<std::string>* m_positionals = nullptr;
    std::string m_positionalName;
    std::size_t m_minPositionals = 0;
    std::string m_positionalHelp;
};

/// Parses a whole decimal integer (optional sign) with no trailing characters.
[[nodiscard]] bool parseInteger(const std::string& text, long long& value);

} // namespace quiz::app

#pragma once

#include <string>
#include <vector>

namespace quiz::core
{

/// How bad a finding is. Errors keep a pack from loading; warnings do not (unless --strict).
enum class Severity
{
    Warning,
    Error
};

/// One finding about an input file, printed GCC-style so editors can jump to it:
/// `PATH:LINE: error: MESSAGE [code]`. `line` is 1-based; 0 means "the whole file", written
/// `PATH: error: MESSAGE [code]` with no line.
/// `code` is stable across releases (tests and scripts match on it).
struct Diagnostic
{
    Severity severity = Severity::Error;
    std::string code;
    std::string file;
    int line = 0;
    std::string message;

    [[nodiscard]] std::string format() const;
};

/// Collects findings for one file. It keeps at most `kMaxKept` of them, counting the rest,
/// so a hostile file cannot make the report itself unbounded.
class DiagnosticList
{
public:
    static constexpr std::size_t kMaxKept = 200;

    explicit DiagnosticList(std::string file = {});

    void error(int line, std::string code, std::string message);
    void warning(int line, std::string code, std::string message);
    void add(Diagnostic diagnostic);
    void append(const DiagnosticList& other);

    [[nodiscard]] const std::string& getFile() const { return m_file; }
    [[nodiscard]] const std::vector<Diagnostic>& getAll() const { return m_items; }
    [[nodiscard]] std::size_t getDropped() const { return m_dropped; }
    [[nodiscard]] bool hasErrors() const { return m_errorCount > 0; }
    [[nodiscard]] std::size_t getErrorCount() const { return m_errorCount; }
    [[nodiscard]] std::size_t getWarningCount() const { return m_warningCount; }

    /// Orders findings by line (stable), as a reader walks the file.
    void sortByLine();

private:
    std::string m_file;
    std::vector<Diagnostic> m_items;
    std::size_t m_dropped = 0;
    std::size_t m_errorCount = 0;
    std::size_t m_warningCount = 0;
};

/// Levenshtein distance, for "did you mean" suggestions on misspelt names.
[[nodiscard]] std::size_t editDistance(const std::string& a, const std::string& b);

/// The candidate closest to `word` when it is a plausible typo (distance <= 2), else "".
[[nodiscard]] std::string closestMatch(const std::string& word,
                                       const std::vector<std::string>& candidates);

} // namespace quiz::core

#include "Diagnostic.hpp"

#include <algorithm>

namespace quiz::core
{

std::string Diagnostic::format() const
{
    // A finding about the whole file carries no line ("PATH: error: ..."), as compilers write
    // it: editors read "PATH:0:" as a line that does not exist.
    std::string out = file;
    if (line > 0)
    {
        out += ':';
        out += std::to_string(line);
    }
    out += severity == Severity::Error ? ": error: " : ": warning: ";
    // One finding, one line: a newline or other control character quoted from the input (a
    // question name, a stem) would break "PATH:LINE:" parsing, so each run becomes one space.
    bool inControl = false;
    for (const char c : message)
    {
        const bool control = static_cast<unsigned char>(c) < 0x20 || c == '\x7f';
        if (!control)
            out += c;
        else if (!inControl)
            out += ' ';
        inControl = control;
    }
    out += " [";
    out += code;
    out += ']';
    return out;
}

DiagnosticList::DiagnosticList(std::string file) : m_file(std::move(file))
{
}

void DiagnosticList::error(int line, std::string code, std::string message)
{
    add({Severity::Error, std::move(code), m_file, line, std::move(message)});
}

void DiagnosticList::warning(int line, std::string code, std::string message)
{
    add({Severity::Warning, std::move(code), m_file, line, std::move(message)});
}

void DiagnosticList::add(Diagnostic diagnostic)
{
    if (diagnostic.severity == Severity::Error)
        ++m_errorCount;
    else
        ++m_warningCount;
    if (m_items.size() >= kMaxKept)
    {
        ++m_dropped;
        return;
    }
    if (diagnostic.file.empty())
        diagnostic.file = m_file;
    m_items.push_back(std::move(diagnostic));
}

void DiagnosticList::append(const DiagnosticList& other)
{
    std::size_t keptErrors = 0;
    for (const Diagnostic& d : other.m_items)
    {
        keptErrors += d.severity == Severity::Error ? 1 : 0;
        add(d);
    }
    // What `other` dropped still counts, as it did there.
    const std::size_t droppedErrors = other.m_errorCount - keptErrors;
    m_errorCount += droppedErrors;
    m_warningCount += other.m_dropped - droppedErrors;
    m_dropped += other.m_dropped;
}

void DiagnosticList::sortByLine()
{
    std::stable_sort(m_items.begin(), m_items.end(),
                     [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; });
}

std::size_t editDistance(const std::string& a, const std::string& b)
{
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i)
    {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j)
        {
            const std::size_t above = row[j];
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::string closestMatch(const std::string& word, const std::vector<std::string>& candidates)
{
    std::string best;
    std::size_t bestDistance = 3;
    for (const std::string& candidate : candidates)
    {
        const std::size_t d = editDistance(word, candidate);
        if (d < bestDistance)
        {
            bestDistance = d;
            best = candidate;
        }
    }
    return best;
}

} // namespace quiz::core

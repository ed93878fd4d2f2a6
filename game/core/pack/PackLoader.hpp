#pragma once

#include "Diagnostic.hpp"
#include "Pack.hpp"

#include <optional>
#include <string>

namespace quiz::core
{

/// Caps that keep a hostile or broken file from exhausting memory or time.
struct PackLimits
{
    std::size_t maxFileBytes = 5U * 1024U * 1024U;
    std::size_t maxQuestions = 10000;
    std::size_t maxOptions = 10;
    std::size_t maxLongText = 8000;   ///< stem, rationale, explanation, hint (characters)
    std::size_t maxOptionText = 1000; ///< characters
    std::size_t maxTitle = 200;
    std::size_t maxIdLength = 64;
    int maxTopicDepth = 8;
    std::size_t maxTopics = 1000;
};

/// What loading produced: the pack when the file could be read into the model (even if the
/// checker will still find semantic errors), and everything found on the way.
struct LoadResult
{
    std::optional<Pack> pack;
    DiagnosticList diagnostics;
};

/// Turns pack XML into a Pack value.
/// It runs XmlDocument (TinyXML2 and the checks it does not make: UTF-8, control characters,
/// DOCTYPE, references) and
/// the structural walk (known elements and attributes, required ones, value types). Semantic
/// rules (ids, references, answers, caps, style warnings) are PackChecker's.
/// Expected failures are returned as diagnostics; nothing in the input makes it throw or crash.
class PackLoader
{
public:
    explicit PackLoader(PackLimits limits = {}) : m_limits(limits) {}

    /// Reads `path` (refusing files over the size cap before reading them).
    [[nodiscard]] LoadResult loadFile(const std::string& path) const;

    /// Parses `xml` as if it were the file `displayPath` in folder `baseDir`.
    [[nodiscard]] LoadResult loadString(const std::string& xml, const std::string& displayPath,
                                        const std::string& baseDir = ".") const;

    [[nodiscard]] const PackLimits& getLimits() const { return m_limits; }

private:
    PackLimits m_limits;
};

} // namespace quiz::core

#pragma once

#include "core/pack/Diagnostic.hpp"
#include "core/pack/Pack.hpp"

#include <functional>
#include <optional>
#include <string>

namespace quiz::core::import
{

/// Gives the bytes of a figure named by its pack-relative `src`, or nullopt when it cannot
/// be read. The caller decides where files live and enforces its caps.
using FigureLoader = std::function<std::optional<std::string>(const std::string& src)>;

struct MoodleExport
{
    std::string xml;
    DiagnosticList diagnostics; ///< warnings for what Moodle cannot hold
};

/// Writes a pack as Moodle XML: a category pseudo-question per topic path, `multichoice`
/// (single, or multiple with fractions), `truefalse` and `numerical` (numeric questions with a
/// fixed value; others are left out with a warning), rich text as HTML, figures embedded
/// as base64 `@@PLUGINFILE@@` files, explanation, hints, tags, outcome feedback and the
/// `<origin>` name and id number. Reading the result with readMoodleXml() gives back the same
/// questions. What Moodle has no place for (critical severity, fixed options, difficulty,
/// references) is left out with a warning per question.
[[nodiscard]] MoodleExport writeMoodleXml(const Pack& pack, const FigureLoader& loadFigure,
                                          const std::string& displayPath = {});

} // namespace quiz::core::import

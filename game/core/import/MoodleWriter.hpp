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
/// (single, or multiple with fractions), `truefalse`, `ordering`, `match`, `numerical`
/// (numeric questions with a fixed value) and `calculated` (the others), rich text as HTML,
/// figures (a case's too) embedded as base64 `@@PLUGINFILE@@` files, explanation, hints, tags,
/// outcome feedback and the `<origin>` name and id number. What a numeric question holds and
/// Moodle has no field for goes into a MoodleExtras comment that readMoodleXml() reads back.
/// Reading the result with readMoodleXml() gives back the same questions. What cannot come
/// across (a choice's critical severity, fixed options, a case as a unit) is reported with a
/// warning naming the question.
[[nodiscard]] MoodleExport writeMoodleXml(const Pack& pack, const FigureLoader& loadFigure,
                                          const std::string& displayPath = {});

} // namespace quiz::core::import

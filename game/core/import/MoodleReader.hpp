#pragma once

#include "ImportTypes.hpp"

#include <string>
#include <vector>

namespace quiz::core::import
{

/// Reads a Moodle XML question export (root `<quiz>`): `multichoice` (single and multiple,
/// fractions to weights), `truefalse`, `numerical`, `calculated` and `calculatedsimple` (as
/// numeric questions with their datasets as variables), category pseudo-questions (the topic
/// path), texts in every Moodle format through the HTML subset reader, embedded
/// `@@PLUGINFILE@@` images (decoded strictly, sniffed and capped; the first image of the
/// question text becomes the figure), hints, tags, id numbers and combined feedback. Every
/// other type is skipped with a diagnostic naming its line and type. Nothing in the input is
/// used as a path.
[[nodiscard]] ReadResult readMoodleXml(const std::string& bytes, const std::string& displayPath,
                                       const ReadLimits& limits = {});

/// Splits a Moodle category path ("$course$/top/Pharmacology/Cardiac//Renal") into topic
/// titles: '//' is a literal '/', a leading context token such as `$course$` and leading
/// `top` parts are dropped, parts are trimmed and empty ones dropped.
[[nodiscard]] std::vector<std::string> splitCategoryPath(const std::string& path);

/// Moodle's reading of `<single>` and `<shuffleanswers>`: "false", "0" and "" are false,
/// anything else true (case-sensitive, as Moodle does it).
[[nodiscard]] bool moodleFlag(const std::string& value);

/// True when `percent` is one of the grades Moodle accepts (within 1e-5).
[[nodiscard]] bool isMoodleGrade(double percent);

} // namespace quiz::core::import

#pragma once

#include "ImportTypes.hpp"

#include <string>

namespace quiz::core::import
{

/// Reads one QTI 2.1 or 3.0 assessment item with a single `choiceInteraction` (3.0's
/// `qti-` kebab-case names are normalised to 2.1's, so both versions of an item read the
/// same). Correct options come from `correctResponse`; a `mapping` gives weights; per-choice
/// `feedbackInline` becomes the rationale and `modalFeedback` the explanation. Images are
/// read only from inside `baseDir` (relative paths, no '..'), capped and sniffed. An item
/// without exactly one choice interaction is skipped with a diagnostic.
[[nodiscard]] ReadResult readQtiItem(const std::string& bytes, const std::string& displayPath,
                                     const std::string& baseDir, const ReadLimits& limits = {});

/// Reads a QTI item file, an `imsmanifest.xml` (its item resources), or a folder (its
/// manifest if it has one, otherwise every `*.xml` item in it, sorted, up to the file cap).
[[nodiscard]] ReadResult readQtiPath(const std::string& path, const ReadLimits& limits = {});

} // namespace quiz::core::import

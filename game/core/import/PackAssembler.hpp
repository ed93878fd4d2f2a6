#pragma once

#include "ImportTypes.hpp"
#include "core/pack/Diagnostic.hpp"
#include "core/pack/Pack.hpp"

#include <optional>
#include <string>
#include <vector>

namespace quiz::core::import
{

/// The rationale written for an option whose source gave none. Honest about where it came
/// from; the assembler also warns so authors replace it.
inline constexpr const char* kGeneratedRationaleCorrect =
    "No rationale in the source: correct per the original answer key.";
inline constexpr const char* kGeneratedRationaleIncorrect =
    "No rationale in the source: incorrect per the original answer key.";

struct AssembleOptions
{
    std::string packId; ///< "" derives one from the first input's file name
    std::string title;  ///< "" derives one from the first input's file name
    std::string today;  ///< YYYY-MM-DD; created/updated dates and reviewBy (a year later)
    std::string imagesFolder = "images"; ///< relative to the pack file
};

/// An image file to write beside the pack.
struct AssembledImage
{
    std::string relativePath; ///< e.g. "images/3f2a...c1.png": generated, never from the input
    std::string bytes;
};

struct AssembleResult
{
    Pack pack;
    std::vector<AssembledImage> images;
    DiagnosticList diagnostics;
    std::size_t added = 0;
    std::size_t updated = 0;
    std::size_t skipped = 0; ///< skipped here (caps, answer rules), not by the readers
};

/// Turns what the readers found into one format-v1 pack: metadata the format requires,
/// a source per input file with a reference on every question, a topic tree from the category
/// paths, ids, generated rationales (with a warning), and figures under content-hash names.
/// With `existing` (the pack being re-imported into) questions matched by their own identity
/// (QuestionIndex: source id, name, content; never the file name) are updated in place,
/// keeping their id, and rationales written by hand since are kept when the
/// source still has none. Questions the format cannot hold are skipped with a diagnostic.
[[nodiscard]] AssembleResult assemblePack(const std::vector<ReadResult>& inputs,
                                          const std::optional<Pack>& existing,
                                          const AssembleOptions& options);

/// "YYYY-MM-DD" one year later (29 February becomes 28 February); "" if `date` is malformed.
[[nodiscard]] std::string addOneYear(const std::string& date);

} // namespace quiz::core::import

#pragma once

#include "core/pack/Diagnostic.hpp"
#include "core/pack/Pack.hpp"
#include "core/util/ImageSniffer.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace quiz::core::import
{

/// Diagnostic codes the readers share (stable: tests and scripts match on them).
inline constexpr const char* kCodeSkipped = "import-skipped";
inline constexpr const char* kCodeUnsupportedType = "import-unsupported-type";
inline constexpr const char* kCodeDropped = "import-dropped";
inline constexpr const char* kCodeImage = "import-image";
inline constexpr const char* kCodeGeneratedRationale = "import-generated-rationale";
inline constexpr const char* kCodeEncoding = "import-encoding";
inline constexpr const char* kCodeFile = "import-file";

/// The question types import brings across, as messages name them: the one list every
/// reader's "not supported" message gives.
inline constexpr const char* kSupportedTypes =
    "multiple choice, true/false, numeric, ordering and matching";

/// "type 'essay' is not supported; import brings across multiple choice, true/false, numeric,
/// ordering and matching questions": the message for a question of a type left out.
[[nodiscard]] std::string unsupportedTypeMessage(const std::string& type);

/// An image that came embedded in an input file, already sniffed and within the caps.
struct ImportedImage
{
    std::string bytes;
    ImageType type = ImageType::Unknown;
    std::string alt;
};

/// One question as a reader produced it. The assembler gives it its pack id, topic, source
/// reference and generated rationales; readers leave those empty.
struct ImportedQuestion
{
    Question question;                 ///< `origin` set; `id` empty or the source's id number
    std::vector<std::string> category; ///< topic path (titles), outermost first; may be empty
    std::optional<ImportedImage> figure;
    int line = 0;     ///< where the question starts in the input
    std::string file; ///< the file it came from when not the input itself (QTI packages)
    /// The pack case export-moodle wrote it from (its text opens with the case's), "" for none.
    std::string exportedCase{};
};

/// A category the input names (a Moodle category entry, a GIFT `$CATEGORY:` line): it becomes
/// a topic even when no question follows it, so an empty category survives the import.
struct ImportedCategory
{
    std::vector<std::string> path; ///< titles, outermost first
    std::string description;       ///< plain text; "" when the source has none
    int line = 0;
};

/// Everything one input file gave.
struct ReadResult
{
    std::string file; ///< as given on the command line (diagnostics use it)
    std::string formatName;
    bool readable = false; ///< false when the file as a whole could not be read
    std::vector<ImportedQuestion> questions;
    std::vector<ImportedCategory> categories; ///< in document order
    std::size_t skipped = 0;                  ///< questions reported and left out
    std::size_t imageBytes = 0; ///< decoded image bytes kept so far (capped per input)
    DiagnosticList diagnostics;
};

/// Caps that keep hostile input from exhausting memory or time.
struct ReadLimits
{
    std::size_t maxFileBytes = 64U * 1024U * 1024U;    ///< Moodle XML carries base64 images
    std::size_t maxTextFileBytes = 5U * 1024U * 1024U; ///< GIFT and QTI item files
    std::size_t maxQuestions = 10000;
    std::size_t maxFilesPerFolder = 2000;
    std::size_t maxImageBytesTotal = 100U * 1024U * 1024U;
    ImageLimits image;
};

/// Checks decoded image bytes against the caps (recognised type, byte size, header
/// dimensions, and the input's running total in `result.imageBytes`). Returns the image, or
/// nullopt after a warning on `diagnostics` naming the question (`questionName`, as the
/// readers' other image warnings do: "question 'NAME': ...", nothing when it is ""), `label`
/// and the reason.
[[nodiscard]] std::optional<ImportedImage> acceptImage(std::string bytes, const std::string& alt,
                                                       const std::string& label, int line,
                                                       const ReadLimits& limits, ReadResult& result,
                                                       DiagnosticList& diagnostics,
                                                       const std::string& questionName);

} // namespace quiz::core::import

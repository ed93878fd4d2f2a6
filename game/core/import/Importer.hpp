#pragma once

#include "ImportTypes.hpp"

#include <optional>
#include <string>

namespace quiz::core::import
{

enum class SourceFormat
{
    Auto,
    Moodle,
    Gift,
    Qti
};

/// "moodle", "gift", "qti" (also "auto"); nullopt for anything else.
[[nodiscard]] std::optional<SourceFormat> parseSourceFormat(const std::string& name);

/// Guesses the format from the path and the first bytes: a folder or an `imsmanifest.xml`
/// is QTI; XML whose root is `<quiz>` is Moodle, `assessmentItem`/`qti-assessment-item`/
/// `manifest`/`questestinterop` (QTI 1.2, refused by the QTI reader) QTI; text that is not XML
/// (a UTF-8 byte order mark aside) is GIFT.
[[nodiscard]] SourceFormat detectFormat(const std::string& path, const std::string& head,
                                        bool isFolder);

/// Reads one input (a file, or for QTI a folder or manifest) with every cap applied. The file
/// is never opened beyond its size cap. Problems are diagnostics in the result.
[[nodiscard]] ReadResult readInput(const std::string& path, SourceFormat format,
                                   const ReadLimits& limits = {});

} // namespace quiz::core::import

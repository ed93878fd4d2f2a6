#pragma once

#include "Session.hpp"

#include <string>

namespace quiz::core
{

/// The results of a round as JSON (UTF-8, one object, stable key order):
/// `{"format":"heparin-quiz-results","formatVersion":1,"pack":ID,"packs":[IDS],"mode":"tutor",
/// "seed":N,"finished":BOOL,"score":X,"max":Y,"percent":P,"correctCount":N,"criticalErrors":N,
/// "timeMs":N,"questions":[{"id","pack","topic","chosen":[IDS],"correct","partial","points",
/// "max","critical","criticalChosen":[IDS],"timedOut","timeMs","hintsUsed"}]}`.
/// "pack" is the first pack played; "questions" lists the answered questions in play order.
[[nodiscard]] std::string resultsToJson(const Session& session);

/// Escapes a string for a JSON string literal (quotes not included).
[[nodiscard]] std::string escapeJson(const std::string& text);

/// Writes `content` to `path` so a crash never leaves a half-written file: it writes a
/// temporary file beside it, flushes it and renames it over `path`. Returns false and sets
/// `error` (naming the file) on failure; the old file, if any, is then left untouched.
[[nodiscard]] bool writeFileAtomically(const std::string& path, const std::string& content,
                                       std::string& error);

} // namespace quiz::core

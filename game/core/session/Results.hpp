#pragma once

#include "Session.hpp"

#include <string>

namespace quiz::core
{

/// The results of a round as one JSON object (stable key order):
/// `{"format":"heparin-quiz-results","formatVersion":2,"pack":ID,"packs":[IDS],"mode":"tutor",
/// "seed":N,"timerSeconds":N,"finished":BOOL,"score":X,"max":Y,"percent":P,"correctCount":N,
/// "criticalErrors":N,"timeMs":N,"questions":[{"id","pack","topic","text","chosen":[LABELS],
/// "chosenText":[TEXTS],"chosenIds":[IDS],"correct","partial","points","max","critical",
/// "criticalChosen":[LABELS],"timedOut","timeMs","hintsUsed","outcome","feedback":[TEXTS]}]}`.
/// "pack" is the first pack played; "questions" lists the answered questions in play order. "text"
/// is the stem and "chosen" the option labels ("B", "1") as the player saw them in that round's
/// order; "chosenIds" are the pack's option ids, for tools. "timeMs" of a question runs from the
/// moment it was shown to the answer. "outcome" is correct, partial or incorrect and "feedback"
/// the outcome feedback the player was shown for it. A numeric question adds "typed" (the number,
/// null when timed out), "answer" (this round's, rounded), "unit", "mistake" (index of the named
/// mistake matched, -1 for none) and "mistakeText"; a question of a case adds "case" (its id).
[[nodiscard]] std::string resultsToJson(const Session& session);

/// Writes resultsToJson() to `path` atomically (see AtomicFile.hpp). Returns "" on success,
/// else a message naming the file.
[[nodiscard]] std::string writeResultsFile(const std::string& path, const Session& session);

} // namespace quiz::core

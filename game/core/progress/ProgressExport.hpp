#pragma once

#include "Progress.hpp"

#include <string>
#include <vector>

namespace quiz::core
{

/// The columns of a history export, in order (CSV header and JSON member names).
[[nodiscard]] const std::vector<std::string>& getHistoryColumns();

/// One CSV field per RFC 4180: quoted when it holds a comma, quote, CR, LF or leading or
/// trailing space, with quotes doubled; otherwise as is.
[[nodiscard]] std::string escapeCsvField(const std::string& field);

/// The history as CSV: a header line, then one line per answer, CRLF line ends. Booleans are
/// 1/0, chosen option ids are space-separated in one field, times are ISO 8601 UTC plus the
/// raw milliseconds.
[[nodiscard]] std::string formatHistoryCsv(const std::vector<StoredAnswer>& history);

/// The history as one JSON document:
/// `{"format":"heparin-quiz-history","version":1,"player":...,"exported_at":...,
///   "answer_count":N,"answers":[{column: value, ...}]}` with real booleans and numbers.
[[nodiscard]] std::string formatHistoryJson(const std::string& player,
                                            const std::vector<StoredAnswer>& history,
                                            TimestampMs exportedAt);

} // namespace quiz::core

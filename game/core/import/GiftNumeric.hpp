#pragma once

#include "core/pack/Pack.hpp"

#include <functional>
#include <string>

namespace quiz::core::import
{

/// Reads the body of a GIFT numerical answer block (what follows `{#`, escapes already
/// protected): `1.5`, `1.5:0.1` (value and tolerance), `1..2` (a range: its middle, half its
/// width as tolerance), or several answers `=1.5:0.1#feedback =%0%15#feedback ~...`, where
/// the full-credit one is the answer and each zero-credit one with feedback becomes a named
/// mistake. Fills `q` as a numeric question (unit "", `round` from the decimals written).
/// Returns false with `error` set when no answer can be read. `rich` turns feedback text into
/// rich text the way the reader does for the rest of the question.
[[nodiscard]] bool readGiftNumeric(const std::string& body, Question& q, std::string& error,
                                   const std::function<RichText(const std::string&)>& rich);

} // namespace quiz::core::import

#pragma once

#include "ImportTypes.hpp"

#include <string>

namespace quiz::core::import
{

/// Reads a GIFT file: multiple choice (`=` right, `~` wrong, `~%50%` weighted, `#feedback`,
/// `####general feedback`), true/false (`{T#if wrong#if right}`), `::titles::`, `[html]`-style
/// format prefixes, backslash escapes, `$CATEGORY:` lines, `[id:…]`/`[tag:…]` comments and
/// numerical answers (`{#...}`, as numeric questions: GiftNumeric.hpp). Questions are
/// separated by blank lines. Other question kinds (essay, matching, short answer,
/// description) are skipped with their line. Bytes that are not UTF-8 are read
/// as Windows-1252 with a warning.
[[nodiscard]] ReadResult readGift(const std::string& bytes, const std::string& displayPath,
                                  const ReadLimits& limits = {});

} // namespace quiz::core::import

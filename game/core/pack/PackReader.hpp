#pragma once

#include "Diagnostic.hpp"
#include "Pack.hpp"
#include "PackLoader.hpp"

#include <tinyxml2.h>

#include <optional>

namespace quiz::core
{

/// Stage 2 of loading: walks a parsed <pack> element against format v1's tables
/// (PackFormat.hpp: known elements and attributes, required ones, order, value types,
/// rich-text markup) and builds the Pack. Returns nothing only when the root is not a usable
/// <pack> (wrong root, newer formatVersion); otherwise a Pack with whatever could be read, the
/// problems in `out`. `root` must come from an XmlDocument (its text is read through it).
[[nodiscard]] std::optional<Pack> readPack(const tinyxml2::XMLElement& root,
                                           const PackLimits& limits, DiagnosticList& out);

} // namespace quiz::core

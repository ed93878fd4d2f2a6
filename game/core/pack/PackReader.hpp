#pragma once

#include "Diagnostic.hpp"
#include "Pack.hpp"
#include "PackLoader.hpp"
#include "XmlTree.hpp"

#include <optional>

namespace quiz::core
{

/// Stage 2 of loading: walks a parsed <pack> tree against format v1's structure (known
/// elements and attributes, required ones, order, value types, rich-text markup) and builds
/// the Pack. Returns nothing only when the root is not a usable <pack> (wrong root, newer
/// formatVersion); otherwise a Pack with whatever could be read, the problems in `out`.
[[nodiscard]] std::optional<Pack> readPack(const XmlTreeNode& root, const PackLimits& limits,
                                           DiagnosticList& out);

} // namespace quiz::core

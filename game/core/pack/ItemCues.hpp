#pragma once

#include "Diagnostic.hpp"
#include "Pack.hpp"

#include <string_view>
#include <vector>

namespace quiz::core
{

/// Publisher hosts a source's `url` may point at: the primary sources the pack guide lists
/// (questions/README.md, "Where sources may come from"). A copy on any other site draws a
/// `source-host` warning.
[[nodiscard]] const std::vector<std::string_view>& getSourceHostAllowList();

/// The host part of an http(s) URL, lowercased ("" when the URL has none).
[[nodiscard]] std::string getUrlHost(std::string_view url);

/// Warnings a test-wise student could exploit, and sources off the allow-list:
/// - `source-host`: a source whose URL host is not a listed publisher;
/// - `absolute-cue`: an absolute word (always, never, only ...) that stands in distractors
///   of a question but in none of its keyed options;
/// - `select-all-keyed-share`: across a pack's select-all questions most key more options
///   than they leave unkeyed, so ticking everything scores well.
/// Appends to `out`; never throws.
void checkItemCues(const Pack& pack, DiagnosticList& out);

} // namespace quiz::core

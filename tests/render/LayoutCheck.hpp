#pragma once
// The layout check: every text drawn stays inside its box and off every other text.
#include "ui/widgets/TextRecorder.hpp"

#include <string>
#include <vector>

namespace quiz::test
{

/// What is wrong with the texts one draw recorded, one line each ("" when nothing): a text
/// whose glyphs leave the box it belongs in or the window (a scroll area may cut it at its
/// top or bottom, never at a side), or that overlaps another text drawn by the same screen.
/// `tolerance` pixels of glyph padding are allowed either way.
[[nodiscard]] std::string layoutProblems(const std::vector<ui::DrawnText>& texts,
                                         float tolerance = 1.0F);

} // namespace quiz::test

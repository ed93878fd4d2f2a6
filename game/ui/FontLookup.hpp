#pragma once

#include "core/util/Outcome.hpp"

#include <string>
#include <vector>

namespace quiz::ui
{

/// The four faces of one sans family as files, for loadFonts. A family without a bold or an
/// oblique face repeats its regular (or bold) file there.
struct FontFiles
{
    std::string family;
    std::string regular;
    std::string bold;
    std::string italic;
    std::string boldItalic;
};

/// Every character the shipped packs use: printable ASCII and the few symbols beyond it (°, µ,
/// ×, −, → ...). A fallback face must have all of them. The screens' own symbols (✓, ⚠ ...)
/// are not required: DejaVu Sans has them, and every mark also comes in words.
[[nodiscard]] const std::u32string& getRequiredGlyphs();

/// Asks fontconfig for DejaVu Sans by name and, when it is not installed, for the installed sans
/// face closest to it that has every getRequiredGlyphs() character (TrueType or OpenType only,
/// no monospace). `folders` empty = the system's fonts and configuration; otherwise only the
/// fonts in those folders (tests). The failure message says what to install.
[[nodiscard]] core::Outcome<FontFiles> findSansFonts(const std::vector<std::string>& folders = {});

/// DejaVu Sans's four files in `dir` (what `--font-dir` names), not checked for existence.
[[nodiscard]] FontFiles dejaVuFilesIn(const std::string& dir);

} // namespace quiz::ui

#pragma once

#include "Diagnostic.hpp"
#include "Pack.hpp"
#include "PackLoader.hpp"
#include "core/util/ImageSniffer.hpp"

#include <string>

namespace quiz::core
{

struct CheckOptions
{
    /// Today's date as YYYY-MM-DD, passed in (the core reads no clock); "" skips the
    /// reviewBy-in-the-past warning.
    std::string today;
    /// Look for figure files on disk under pack.baseDir and read each one's header.
    bool checkFigureFiles = true;
    /// What a figure may be: PNG, JPEG, GIF or BMP, within these bytes and pixels (the game
    /// applies the same default caps before it decodes one).
    ImageLimits figureLimits;
    PackLimits limits;
};

/// The semantic rules of format v1: unique ids, references that resolve, answer-key rules,
/// caps, figures, and the authoring-style warnings. Appends to `out`; never throws.
class PackChecker
{
public:
    explicit PackChecker(CheckOptions options = {}) : m_options(std::move(options)) {}

    void check(const Pack& pack, DiagnosticList& out) const;

private:
    CheckOptions m_options;
};

/// A pack together with its findings, as the game and the CLI see one file.
struct CheckedPack
{
    std::string path;
    std::optional<Pack> pack; ///< set only when the file has no errors
    DiagnosticList diagnostics;
};

/// Loads and checks one file. `pack` is set only when there were no errors.
[[nodiscard]] CheckedPack loadAndCheck(const std::string& path, const CheckOptions& options);

/// Loads and checks every `*.xml` pack under the given files or folders (folders are searched
/// recursively, in sorted order so output is stable). A path that does not exist yields one
/// CheckedPack with an error. Files are read side by side on every hardware thread; the result
/// is the same as reading them one after another.
[[nodiscard]] std::vector<CheckedPack> loadAndCheckAll(const std::vector<std::string>& paths,
                                                       const CheckOptions& options);

} // namespace quiz::core

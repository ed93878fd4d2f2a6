#pragma once

#include "core/import/PackAssembler.hpp"
#include "core/pack/PackChecker.hpp"
#include "core/pack/PackLoader.hpp"
#include "core/pack/PackWriter.hpp"

#include <cstdio>
#include <cstdlib>

/// Whatever a reader accepts must assemble into a pack that loads and checks without errors:
/// the importer promises a pack that passes `check`, so any error here is a bug, not bad input.
inline void checkImportedPack(const quiz::core::import::ReadResult& read)
{
    using namespace quiz::core;
    if (read.questions.empty())
        return;
    import::AssembleOptions options;
    options.today = "2026-11-25";
    const import::AssembleResult assembled = import::assemblePack({read}, std::nullopt, options);
    if (assembled.pack.questions.empty())
        return;
    const std::string xml = writePack(assembled.pack);
    LoadResult loaded = PackLoader().loadString(xml, "fuzz-pack.xml");
    CheckOptions check;
    check.today = "2026-11-25";
    check.checkFigureFiles = false;
    if (loaded.pack)
        PackChecker(check).check(*loaded.pack, loaded.diagnostics);
    if (!loaded.pack || loaded.diagnostics.hasErrors())
    {
        for (const Diagnostic& d : loaded.diagnostics.getAll())
            std::fprintf(stderr, "%s\n", d.format().c_str());
        std::fprintf(stderr, "----\n%s\n", xml.c_str());
        std::abort();
    }
}

#pragma once

#include "core/import/ImportTypes.hpp"
#include "core/pack/Diagnostic.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace importtest
{

inline std::string dataPath(const std::string& relative)
{
    return std::string(QUIZ_TEST_DATA_DIR) + "/import/" + relative;
}

inline std::string readBytes(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

/// A fresh empty folder under the system temp folder.
inline std::filesystem::path freshDir(const std::string& name)
{
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("hq-import-" + name);
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

inline const quiz::core::Diagnostic* findDiagnostic(const quiz::core::DiagnosticList& list,
                                                    const std::string& code, int line)
{
    for (const quiz::core::Diagnostic& d : list.getAll())
    {
        if (d.code == code && (line == 0 || d.line == line))
            return &d;
    }
    return nullptr;
}

inline const quiz::core::import::ImportedQuestion*
findImported(const quiz::core::import::ReadResult& result, const std::string& name)
{
    for (const quiz::core::import::ImportedQuestion& q : result.questions)
    {
        if (q.question.origin && q.question.origin->name == name)
            return &q;
    }
    return nullptr;
}

} // namespace importtest

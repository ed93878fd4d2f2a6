// Loading a pack: XmlDocument reads and checks the XML (TinyXML2 and the checks around it),
// then PackReader walks the tree against the format tables.
#include "PackLoader.hpp"

#include "PackReader.hpp"
#include "XmlDocument.hpp"
#include "core/util/ReadFile.hpp"

#include <filesystem>

namespace quiz::core
{

LoadResult PackLoader::loadString(const std::string& xml, const std::string& displayPath,
                                  const std::string& baseDir) const
{
    LoadResult result;
    result.diagnostics = DiagnosticList(displayPath);
    XmlReadOptions options;
    options.maxBytes = m_limits.maxFileBytes;
    XmlDocument document;
    const tinyxml2::XMLElement* root = document.read(xml, options, result.diagnostics);
    if (root == nullptr)
        return result;
    result.pack = readPack(*root, m_limits, result.diagnostics);
    if (result.pack)
    {
        result.pack->path = displayPath;
        result.pack->baseDir = baseDir;
    }
    return result;
}

LoadResult PackLoader::loadFile(const std::string& path) const
{
    LoadResult result;
    result.diagnostics = DiagnosticList(path);
    std::string bytes;
    if (!readFileCapped(path, m_limits.maxFileBytes, bytes, result.diagnostics))
        return result;
    std::string baseDir = std::filesystem::path(path).parent_path().string();
    if (baseDir.empty())
        baseDir = ".";
    return loadString(bytes, path, baseDir);
}

} // namespace quiz::core

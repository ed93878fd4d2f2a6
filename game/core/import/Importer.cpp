#include "Importer.hpp"

#include "GiftReader.hpp"
#include "MoodleReader.hpp"
#include "QtiReader.hpp"
#include "TextUtil.hpp"
#include "core/util/ReadFile.hpp"
#include "core/util/Text.hpp"

#include <filesystem>
#include <fstream>

namespace quiz::core::import
{

namespace
{

/// The name of the first element in `head`, skipping the declaration, comments and a BOM.
std::string firstElementName(const std::string& head)
{
    std::size_t at = 0;
    while (true)
    {
        at = head.find('<', at);
        if (at == std::string::npos || at + 1 >= head.size())
            return {};
        const char next = head[at + 1];
        if (next == '?' || next == '!')
        {
            ++at;
            continue;
        }
        std::size_t end = at + 1;
        while (end < head.size() && head[end] != ' ' && head[end] != '>' && head[end] != '\n' &&
               head[end] != '\r' && head[end] != '\t' && head[end] != '/')
            ++end;
        std::string name = head.substr(at + 1, end - at - 1);
        const std::size_t colon = name.rfind(':');
        return colon == std::string::npos ? name : name.substr(colon + 1);
    }
}

std::string readHead(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::string head(4096, '\0');
    in.read(&head[0], static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    return head;
}

} // namespace

std::optional<SourceFormat> parseSourceFormat(const std::string& name)
{
    if (name == "auto" || name.empty())
        return SourceFormat::Auto;
    if (name == "moodle")
        return SourceFormat::Moodle;
    if (name == "gift")
        return SourceFormat::Gift;
    if (name == "qti")
        return SourceFormat::Qti;
    return std::nullopt;
}

SourceFormat detectFormat(const std::string& path, const std::string& head, bool isFolder)
{
    if (isFolder || foldAsciiCase(fileName(path)) == "imsmanifest.xml")
        return SourceFormat::Qti;
    const std::string root = firstElementName(head);
    if (root == "quiz")
        return SourceFormat::Moodle;
    // questestinterop is QTI 1.2: the QTI reader refuses it with a message that says so.
    if (root == "assessmentItem" || root == "qti-assessment-item" || root == "manifest" ||
        root == "questestinterop")
        return SourceFormat::Qti;
    // A UTF-8 byte order mark (Windows editors write one) is not text: XML after it is XML.
    const std::string stem = trim(head.rfind("\xEF\xBB\xBF", 0) == 0 ? head.substr(3) : head);
    const std::string extension = foldAsciiCase(path.substr(path.find_last_of('.') + 1));
    if (extension == "gift" || extension == "txt" || stem.empty() || stem[0] != '<')
        return SourceFormat::Gift;
    return SourceFormat::Moodle; // XML of unknown shape: the Moodle reader says what is wrong
}

ReadResult readInput(const std::string& path, SourceFormat format, const ReadLimits& limits)
{
    std::error_code error;
    const bool isFolder = std::filesystem::is_directory(path, error);
    if (format == SourceFormat::Auto)
        format = detectFormat(path, isFolder ? std::string() : readHead(path), isFolder);
    if (format == SourceFormat::Qti)
        return readQtiPath(path, limits);
    ReadResult failed;
    failed.file = path;
    failed.diagnostics = DiagnosticList(path);
    const std::size_t cap =
        format == SourceFormat::Moodle ? limits.maxFileBytes : limits.maxTextFileBytes;
    std::string bytes;
    if (!readFileCapped(path, cap, bytes, failed.diagnostics))
        return failed;
    if (format == SourceFormat::Gift)
        return readGift(bytes, path, limits);
    return readMoodleXml(bytes, path, limits);
}

} // namespace quiz::core::import

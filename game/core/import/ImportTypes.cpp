#include "ImportTypes.hpp"

namespace quiz::core::import
{

std::string unsupportedTypeMessage(const std::string& type)
{
    return "type '" + type + "' is not supported; import brings across " + kSupportedTypes +
           " questions";
}

std::optional<ImportedImage> acceptImage(std::string bytes, const std::string& alt,
                                         const std::string& label, int line,
                                         const ReadLimits& limits, ReadResult& result,
                                         DiagnosticList& diagnostics,
                                         const std::string& questionName)
{
    const std::string owner = questionName.empty() ? "" : "question '" + questionName + "': ";
    ImageInfo info;
    const std::string why = checkImage(bytes, limits.image, info);
    if (!why.empty())
    {
        diagnostics.warning(line, kCodeImage, owner + "image '" + label + "' dropped: " + why);
        return std::nullopt;
    }
    if (result.imageBytes + bytes.size() > limits.maxImageBytesTotal)
    {
        diagnostics.warning(line, kCodeImage,
                            owner + "image '" + label + "' dropped: the images of '" + result.file +
                                "' exceed " + std::to_string(limits.maxImageBytesTotal) + " bytes");
        return std::nullopt;
    }
    result.imageBytes += bytes.size();
    ImportedImage image;
    image.bytes = std::move(bytes);
    image.type = info.type;
    image.alt = alt;
    return image;
}

} // namespace quiz::core::import

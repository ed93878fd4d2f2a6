#include "WebAssets.hpp"

namespace quiz::net
{

const WebAsset* findWebAsset(std::string_view target)
{
    const std::size_t query = target.find_first_of("?#");
    std::string_view path = target.substr(0, query);
    if (path == "/")
        path = "/index.html";
    static const std::vector<WebAsset> assets = studentPageAssets();
    for (const WebAsset& asset : assets)
    {
        if (asset.path == path)
            return &asset;
    }
    return nullptr;
}

} // namespace quiz::net

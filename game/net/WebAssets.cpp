#include "WebAssets.hpp"

namespace quiz::net
{

const WebAsset* findAsset(const std::vector<WebAsset>& assets, std::string_view target)
{
    std::string_view path = target.substr(0, target.find('?'));
    if (path == "/")
        path = "/index.html";
    for (const WebAsset& asset : assets)
    {
        if (asset.path == path)
            return &asset;
    }
    return nullptr;
}

} // namespace quiz::net

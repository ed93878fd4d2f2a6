#pragma once

#include <string_view>
#include <vector>

namespace quiz::net
{

/// One file of the student page, embedded in the executable. `path` is what a browser asks for
/// ("/index.html", "/app.js"); the host serves `body` for exactly that path and never reads a
/// file to answer a request.
struct WebAsset
{
    std::string_view path;
    std::string_view contentType;
    std::string_view body;
};

/// Every file of the student page; "/index.html" is among them and is also served for "/".
/// Defined by the page's own library (game/net/web/), embedded at build time.
[[nodiscard]] std::vector<WebAsset> studentPageAssets();

/// The asset a request target names: the path before any '?', compared byte for byte ("/"
/// means "/index.html"); nullptr when there is none (the caller answers 404).
[[nodiscard]] const WebAsset* findAsset(const std::vector<WebAsset>& assets,
                                        std::string_view target);

} // namespace quiz::net

// Placeholder student page: served until the real page is embedded here.
#include "net/WebAssets.hpp"

namespace quiz::net
{
namespace
{

constexpr std::string_view kIndex = R"(<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Heparin Quiz class</title></head>
<body><h1>Heparin Quiz class</h1>
<p>This class is running. Join it from the Heparin Quiz game with "Join a class".</p>
</body></html>
)";

} // namespace

std::vector<WebAsset> studentPageAssets()
{
    return {{"/index.html", "text/html; charset=utf-8", kIndex}};
}

} // namespace quiz::net

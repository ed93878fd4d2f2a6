#include "net/WebAssets.hpp"

#include <catch2/catch.hpp>

#include <regex>
#include <string>

namespace
{

/// The host's lookup over the embedded list, as it answers a GET.
const quiz::net::WebAsset* findWebAsset(std::string_view target)
{
    static const std::vector<quiz::net::WebAsset> assets = quiz::net::studentPageAssets();
    return quiz::net::findAsset(assets, target);
}

} // namespace

TEST_CASE("WebAssets: the page, its style and its script are embedded with their types",
          "[net][web]")
{
    const quiz::net::WebAsset* index = findWebAsset("/index.html");
    REQUIRE(index != nullptr);
    CHECK(index->contentType == "text/html; charset=utf-8");
    CHECK(index->body.substr(0, 15) == "<!DOCTYPE html>");
    CHECK(findWebAsset("/") == index);
    CHECK(findWebAsset("/?code=K7QX9M") == index);
    const quiz::net::WebAsset* script = findWebAsset("/student.js");
    REQUIRE(script != nullptr);
    CHECK(script->contentType == "text/javascript; charset=utf-8");
    const quiz::net::WebAsset* style = findWebAsset("/student.css?v=1");
    REQUIRE(style != nullptr);
    CHECK(style->contentType == "text/css; charset=utf-8");
    // The generated table holds the files byte for byte (no terminator counted).
    CHECK(script->body.back() != '\0');
    CHECK(script->body.find("\"use strict\";") != std::string_view::npos);
}

TEST_CASE("WebAssets: only exact names are found, never a path into the file system", "[net][web]")
{
    for (const char* target :
         {"", "index.html", "/index.htm", "/INDEX.HTML", "/../index.html", "/./index.html",
          "//index.html", "/%2e%2e/index.html", "/%69ndex.html", "http://x/index.html",
          "/../../etc/passwd", "/ws", "/student.js/", "/web/student.js", "/index.html\\"})
    {
        INFO(target);
        CHECK(findWebAsset(target) == nullptr);
    }
}

TEST_CASE("WebAssets: everything the page links to is embedded, nothing is fetched from elsewhere",
          "[net][web]")
{
    const std::string index(findWebAsset("/")->body);
    const std::regex link(R"((?:src|href)=\"([^\"]*)\")");
    int links = 0;
    for (auto it = std::sregex_iterator(index.begin(), index.end(), link);
         it != std::sregex_iterator(); ++it)
    {
        const std::string target = (*it)[1];
        INFO(target);
        CHECK((target == "data:," || findWebAsset(target) != nullptr));
        ++links;
    }
    CHECK(links == 6); // the icon (none), the style and four scripts
    for (const quiz::net::WebAsset& asset : quiz::net::studentPageAssets())
    {
        INFO(asset.path);
        const std::string body(asset.body);
        // The one URL allowed is the SVG namespace, which names and fetches nothing.
        const std::string cleaned =
            std::regex_replace(body, std::regex("http://www\\.w3\\.org/2000/svg"), "");
        CHECK(cleaned.find("http://") == std::string::npos);
        CHECK(cleaned.find("https://") == std::string::npos);
        CHECK(cleaned.find("@import") == std::string::npos);
        CHECK(cleaned.find("url(") == std::string::npos);
    }
}

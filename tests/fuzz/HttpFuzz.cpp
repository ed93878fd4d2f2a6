// libFuzzer entry: arbitrary bytes as a request on the class host's page port, through the same
// parser limits and routing the host uses. Nothing may crash, and every answer keeps the
// host's promises: only a GET upgrade on /ws becomes a WebSocket, a 200 is always one of the
// page's own files, and every refusal says why in its body.
#include "net/HttpRoute.hpp"
#include "net/WebServer.hpp"

#include <boost/asio/buffer.hpp>
#include <cstdint>
#include <cstdlib>

namespace
{

namespace http = boost::beast::http;

void checkAnswer(const http::request<http::empty_body>& request,
                 const quiz::net::HttpAnswer& answer,
                 const std::vector<quiz::net::WebAsset>& assets)
{
    if (answer.upgrade)
    {
        if (request.method() != http::verb::get || request.target() != "/ws")
            std::abort();
        return;
    }
    if (answer.body.empty())
        std::abort();
    if (answer.status != http::status::ok)
        return;
    bool ours = false;
    for (const quiz::net::WebAsset& asset : assets)
        ours = ours ||
               (asset.body.data() == answer.body.data() && asset.contentType == answer.contentType);
    if (!ours || request.method() != http::verb::get)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace quiz::net;
    static const std::vector<WebAsset> assets = studentPageAssets();
    http::request_parser<http::empty_body> parser;
    configureRequestParser(parser, WebServerConfig{}.maxHeaderBytes);
    parser.eager(true);
    boost::beast::error_code ec;
    std::size_t used = 0;
    while (used < size && !parser.is_done())
    {
        const std::size_t n = parser.put(boost::asio::buffer(data + used, size - used), ec);
        if (ec == http::error::need_more)
            break;
        if (ec)
        {
            if (ec == http::error::header_limit && headersTooLarge().body.empty())
                std::abort();
            return 0;
        }
        if (n == 0)
            break;
        used += n;
    }
    if (!parser.is_done())
        return 0;
    const http::request<http::empty_body> request = parser.release();
    for (bool overflow : {false, true})
        checkAnswer(request, routeRequest(request, assets, overflow), assets);
    return 0;
}

#include "HttpRoute.hpp"

#include <boost/beast/websocket/rfc6455.hpp>
#include <cstdint>

namespace quiz::net
{

namespace http = boost::beast::http;

namespace
{

HttpAnswer plain(http::status status, std::string_view body)
{
    HttpAnswer answer;
    answer.status = status;
    answer.body = body;
    return answer;
}

} // namespace

void configureRequestParser(http::request_parser<http::empty_body>& parser,
                            std::size_t maxHeaderBytes)
{
    parser.header_limit(static_cast<std::uint32_t>(maxHeaderBytes));
    parser.body_limit(0);
}

HttpAnswer routeRequest(const http::request<http::empty_body>& request,
                        const std::vector<WebAsset>& assets, bool overflow)
{
    if (request.method() != http::verb::get)
        return plain(http::status::method_not_allowed, "Only GET\n");
    const bool upgrade = boost::beast::websocket::is_upgrade(request);
    if (upgrade && request.target() == "/ws")
    {
        HttpAnswer answer;
        answer.upgrade = true;
        return answer;
    }
    if (overflow)
        return plain(http::status::service_unavailable, "Too many connections\n");
    const boost::beast::string_view target = request.target();
    const WebAsset* asset =
        upgrade ? nullptr : findAsset(assets, std::string_view(target.data(), target.size()));
    if (asset == nullptr)
        return plain(http::status::not_found, "Not found\n");
    HttpAnswer answer;
    answer.contentType = asset->contentType;
    answer.body = asset->body;
    return answer;
}

HttpAnswer headersTooLarge()
{
    return plain(http::status::request_header_fields_too_large, "Request headers too large\n");
}

} // namespace quiz::net

#pragma once
// How the class host answers one HTTP request, apart from sockets: the session reads a request
// with configureRequestParser's limits, asks routeRequest what to do and then does it. The fuzz
// target (tests/fuzz/HttpFuzz.cpp) drives the same two functions with any bytes.

#include "WebAssets.hpp"

#include <boost/beast/http.hpp>
#include <cstddef>
#include <string_view>
#include <vector>

namespace quiz::net
{

/// What the host does with a request: hand the connection to the WebSocket session
/// (`upgrade`), or answer `status` with `body` of `contentType` and close.
struct HttpAnswer
{
    bool upgrade = false;
    boost::beast::http::status status = boost::beast::http::status::ok;
    std::string_view contentType = "text/plain";
    std::string_view body;
};

/// The one request parser setting for the page and the socket: headers up to `maxHeaderBytes`
/// (more is answered 431), and no request body at all, since the host serves only GET.
void configureRequestParser(
    boost::beast::http::request_parser<boost::beast::http::empty_body>& parser,
    std::size_t maxHeaderBytes);

/// The answer to a parsed request: a WebSocket upgrade on "/ws" is taken, any method but GET is
/// 405, a connection beyond the host's limits (`overflow`) is 503, a page asset is 200 and
/// anything else 404. Never reads a file: only `assets`, which outlive the answer.
[[nodiscard]] HttpAnswer
routeRequest(const boost::beast::http::request<boost::beast::http::empty_body>& request,
             const std::vector<WebAsset>& assets, bool overflow);

/// The answer to a request whose headers ran past the parser's limit.
[[nodiscard]] HttpAnswer headersTooLarge();

} // namespace quiz::net

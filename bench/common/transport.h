// The load programs' connections: plain TCP or TLS streams, and an HTTP/1.1 keep-alive client.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <optional>
#include <string>
#include <type_traits>

namespace bench {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using asio::use_awaitable;

using PlainStream = beast::tcp_stream;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

// What a stream needs to open: where, and for TLS the client context (no verification: the
// server under load is our own, on loopback, with its self-signed certificate).
struct Endpoint {
    asio::ip::tcp::resolver::results_type addresses;
    std::string host;  // Host header and SNI
    asio::ssl::context* tls = nullptr;
};

template <class Stream>
Stream makeStream(asio::io_context& io, const Endpoint& endpoint) {
    if constexpr (std::is_same_v<Stream, TlsStream>)
        return Stream(io, *endpoint.tls);
    else
        return Stream(io);
}

template <class Stream>
asio::awaitable<void> connectStream(Stream& stream, const Endpoint& endpoint) {
    auto& tcp = beast::get_lowest_layer(stream);
    co_await tcp.async_connect(endpoint.addresses, use_awaitable);
    tcp.socket().set_option(asio::ip::tcp::no_delay(true));
    if constexpr (std::is_same_v<Stream, TlsStream>) {
        SSL_set_tlsext_host_name(stream.native_handle(), endpoint.host.c_str());
        co_await stream.async_handshake(asio::ssl::stream_base::client, use_awaitable);
    }
}

struct HttpAnswer {
    unsigned status = 0;
    std::string body;
};

// One keep-alive connection, one request at a time.
template <class Stream>
class HttpApi {
public:
    HttpApi(asio::io_context& io, const Endpoint& endpoint) : m_io(io), m_endpoint(endpoint) {}

    asio::awaitable<HttpAnswer> request(http::verb verb, std::string target, std::string body,
                                        const std::string& token = {}) {
        if (!m_connected) {
            m_stream.emplace(makeStream<Stream>(m_io, m_endpoint));
            co_await connectStream(*m_stream, m_endpoint);
            m_connected = true;
        }
        http::request<http::string_body> request{verb, target, 11};
        request.set(http::field::host, m_endpoint.host);
        request.set(http::field::content_type, "application/json");
        if (!token.empty())
            request.set(http::field::authorization, "Bearer " + token);
        request.keep_alive(true);
        request.body() = std::move(body);
        request.prepare_payload();
        co_await http::async_write(*m_stream, request, use_awaitable);
        http::response<http::string_body> response;
        co_await http::async_read(*m_stream, m_buffer, response, use_awaitable);
        if (!response.keep_alive())
            m_connected = false;  // the next request reconnects
        co_return HttpAnswer{response.result_int(), std::move(response.body())};
    }

private:
    asio::io_context& m_io;
    const Endpoint& m_endpoint;
    std::optional<Stream> m_stream;  // replaced when the server ends a connection
    beast::flat_buffer m_buffer;
    bool m_connected = false;
};

}  // namespace bench

// Who a request comes from: the socket peer, or the client a trusted proxy reports.
#pragma once

#include <boost/asio/ip/address.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace server::net {

// With `peer` in `trustedProxies`, the last address of X-Forwarded-For (the one the proxy itself
// appended); otherwise the peer. IPv4-mapped IPv6 peers are reported as IPv4.
std::string resolveRemoteAddress(const boost::asio::ip::address& peer,
                                 std::string_view forwardedFor,
                                 const std::vector<std::string>& trustedProxies);

}  // namespace server::net

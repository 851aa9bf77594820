#include "server/net/remote_address.h"

namespace server::net {
namespace {

boost::asio::ip::address unmapped(const boost::asio::ip::address& address) {
    if (address.is_v6() && address.to_v6().is_v4_mapped())
        return boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, address.to_v6());
    return address;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

bool isTrusted(const boost::asio::ip::address& peer, const std::vector<std::string>& proxies) {
    for (const auto& proxy : proxies) {
        boost::system::error_code ec;
        const auto address = boost::asio::ip::make_address(proxy, ec);
        if (!ec && unmapped(address) == peer)
            return true;
    }
    return false;
}

}  // namespace

std::string resolveRemoteAddress(const boost::asio::ip::address& peer,
                                 std::string_view forwardedFor,
                                 const std::vector<std::string>& trustedProxies) {
    const auto address = unmapped(peer);
    if (!forwardedFor.empty() && isTrusted(address, trustedProxies)) {
        const auto comma = forwardedFor.rfind(',');
        const auto last =
            trim(comma == std::string_view::npos ? forwardedFor : forwardedFor.substr(comma + 1));
        if (!last.empty())
            return std::string(last);
    }
    return address.to_string();
}

}  // namespace server::net

// The command line of messenger-load.
#pragma once

#include <string>

namespace bench {

struct LoadOptions {
    std::string host = "127.0.0.1";
    std::string port = "8443";
    bool tls = false;
    int pairs = 200;
    int seconds = 10;
    int warmup = 2;
    int httpConnections = 8;  // concurrent requests while setting up users and friendships
    int serverPid = 0;        // when set, the server's CPU time over the window is reported
    int window = 1;           // messages in flight per pair: 1 is strictly in turn
};

// Throws std::invalid_argument naming the bad option. `help` is set by --help.
LoadOptions parseLoadOptions(int argc, char** argv, bool& help);

inline constexpr const char* kLoadUsage =
    "usage: messenger-load [--url http://HOST:PORT] [--tls] [--pairs N] [--seconds S]\n"
    "                      [--warmup S] [--http-connections N] [--server-pid PID]\n"
    "                      [--window N]\n"
    "Registers 2N users, makes each pair friends, opens one WebSocket per user, then each pair\n"
    "sends in turn for S seconds after the warm-up, and prints deliveries per second,\n"
    "send-to-delivery latency and lost and duplicated messages, and the CPU time per delivery\n"
    "of this program and (with --server-pid, read from /proc) of the server. The server must\n"
    "allow the registrations and the send rate: see docs/benchmarks.md (or run\n"
    "bench/server/run-load.sh). --window N keeps N messages in flight per pair (default 1:\n"
    "strictly in turn): each delivery makes its receiver send the next one.\n";

}  // namespace bench

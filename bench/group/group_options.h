// The command line of messenger-group-load: the scenario and the server it drives.
#pragma once

#include <string>

namespace bench {

// fanout: one big group, one sender paced at a fixed rate. groups: several groups, several
// senders in each, each sending its next message as soon as its previous one is acked.
enum class GroupScenario { Fanout, Groups };

struct GroupLoadOptions {
    std::string host = "127.0.0.1";
    std::string port = "8443";
    GroupScenario scenario = GroupScenario::Fanout;
    int groups = 1;      // set by the scenario unless given
    int members = 1000;  // per group, the owner included
    int senders = 1;     // per group
    double rate = 50;    // messages per second of each sender (fanout only)
    int seconds = 10;
    int warmup = 2;
    int httpConnections = 8;  // concurrent requests while setting up
    int serverPid = 0;        // when set, the server's CPU time over the window is reported
};

// Throws std::invalid_argument naming the bad option. `help` is set by --help.
GroupLoadOptions parseGroupLoadOptions(int argc, char** argv, bool& help);

inline constexpr const char* kGroupLoadUsage =
    "usage: messenger-group-load [--scenario fanout|groups] [--url http://HOST:PORT]\n"
    "                            [--seconds S] [--warmup S] [--groups N] [--members N]\n"
    "                            [--senders N] [--rate R] [--http-connections N]\n"
    "                            [--server-pid PID]\n"
    "Registers the users, makes each group's owner friends with its members, opens one\n"
    "WebSocket per user, creates the groups, then sends for S seconds after the warm-up and\n"
    "prints deliveries per second (each member socket that receives a message, the sender's\n"
    "own copy excluded), send-to-delivery latency, lost and duplicated deliveries.\n"
    "  fanout (default): 1 group of 1000 members, 1 sender paced at --rate (50) messages/s.\n"
    "  groups: 10 groups of 50 members, 5 senders each, each sending its next message as soon\n"
    "          as its previous one is acked.\n"
    "The server must allow the registrations and the send rate: see docs/benchmarks.md (or\n"
    "run bench/group/run-group-load.sh). Plain TCP only (run the server with --no-tls).\n";

}  // namespace bench

// The floor under the fanout scenario on this machine: one thread on core 0 writes one 420-byte
// buffer to each of N loopback TCP sockets, R rounds at 50 per second; a reader on core 1 (epoll)
// takes each arrival's time. No storage, no JSON, no WebSocket: only the kernel's work that any
// server must do to hand one message to N members. Prints send-to-arrival percentiles.
//   fanout-floor [members (999)] [rounds (500)]
// Linux only (epoll, sched_setaffinity): a yardstick, not part of the product.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sched.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
constexpr std::size_t kFrame = 420;  // about one message.created event frame

void pinTo(int cpu) {
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    sched_setaffinity(0, sizeof set, &set);
}

double msBetween(Clock::rep from, Clock::rep to) {
    return std::chrono::duration<double, std::milli>(Clock::duration(to - from)).count();
}

}  // namespace

int main(int argc, char** argv) {
    const int members = argc > 1 ? std::atoi(argv[1]) : 999;
    const int rounds = argc > 2 ? std::atoi(argv[2]) : 500;
    const int listener = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        listen(listener, 4096) != 0 ||
        getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        std::perror("listen");
        return 1;
    }
    const int one = 1;
    std::vector<int> senders, readers;
    for (int i = 0; i < members; ++i) {
        const int reader = socket(AF_INET, SOCK_STREAM, 0);
        if (connect(reader, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
            std::perror("connect (raise ulimit -n?)");
            return 1;
        }
        const int sender = accept(listener, nullptr, nullptr);
        setsockopt(sender, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        fcntl(reader, F_SETFL, O_NONBLOCK);
        senders.push_back(sender);
        readers.push_back(reader);
    }

    std::atomic<Clock::rep> roundStart{0};
    std::vector<double> latencies;
    latencies.reserve(static_cast<std::size_t>(members) * static_cast<std::size_t>(rounds));
    std::thread reader([&] {
        pinTo(1);
        const int poll = epoll_create1(0);
        for (const int fd : readers) {
            epoll_event event{};
            event.events = EPOLLIN | EPOLLET;
            event.data.fd = fd;
            epoll_ctl(poll, EPOLL_CTL_ADD, fd, &event);
        }
        std::vector<epoll_event> ready(1024);
        std::vector<char> buffer(64 * 1024);
        const auto expected = latencies.capacity();
        while (latencies.size() < expected) {
            const int n = epoll_wait(poll, ready.data(), static_cast<int>(ready.size()), 1000);
            const auto now = Clock::now().time_since_epoch().count();
            for (int i = 0; i < n; ++i)
                for (;;) {
                    const auto got = read(ready[static_cast<std::size_t>(i)].data.fd, buffer.data(),
                                          buffer.size());
                    if (got <= 0)
                        break;
                    for (auto frames = static_cast<std::size_t>(got) / kFrame; frames > 0; --frames)
                        latencies.push_back(msBetween(roundStart.load(), now));
                }
        }
        close(poll);
    });

    pinTo(0);
    const std::vector<char> frame(kFrame, 'x');
    auto next = Clock::now();
    for (int round = 0; round < rounds; ++round) {
        next += std::chrono::milliseconds(20);
        std::this_thread::sleep_until(next);
        roundStart = Clock::now().time_since_epoch().count();
        for (const int fd : senders)
            if (send(fd, frame.data(), frame.size(), 0) != static_cast<ssize_t>(frame.size())) {
                std::perror("send");
                return 1;
            }
    }
    reader.join();
    std::sort(latencies.begin(), latencies.end());
    const auto at = [&](double q) {
        return latencies[static_cast<std::size_t>(q * static_cast<double>(latencies.size() - 1))];
    };
    std::printf("members %d, rounds %d, deliveries %zu\n", members, rounds, latencies.size());
    std::printf("latency p50 %.3f ms, p99 %.3f ms, max %.3f ms\n", at(0.5), at(0.99),
                latencies.back());
    return 0;
}

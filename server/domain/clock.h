// The time source of the domain, injectable so tests can advance time without sleeping.
#pragma once

#include <chrono>
#include <cstdint>

namespace server::domain {

// May be called from any thread.
class Clock {
public:
    virtual ~Clock() = default;
    // Milliseconds since the Unix epoch, UTC.
    virtual std::int64_t nowMs() const = 0;
};

class SystemClock : public Clock {
public:
    std::int64_t nowMs() const override {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::system_clock::now().time_since_epoch())
            .count();
    }
};

}  // namespace server::domain

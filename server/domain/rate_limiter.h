// Keyed token buckets: a burst that refills at a steady, possibly fractional, rate.
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

#include "server/domain/clock.h"

namespace server::domain {

// Thread-safe. A key without a bucket has a full one, so memory holds only buckets that are
// not full; past `maxKeys` the full ones are dropped, then the fullest, to stay bounded.
class RateLimiter {
public:
    RateLimiter(double burst, double refillPerSecond, const Clock& clock,
                std::size_t maxKeys = 100000);

    // Takes `cost` tokens when that many are there: 0 on success, else the milliseconds until
    // they will be (nothing taken).
    std::int64_t tryTake(const std::string& key, double cost = 1);
    // Takes up to `cost` tokens, leaving at least zero, whatever is there.
    void take(const std::string& key, double cost = 1);
    // 0 when at least `cost` tokens are there, else the milliseconds until they will be.
    std::int64_t waitMs(const std::string& key, double cost = 1) const;

    std::size_t trackedKeys() const;

private:
    struct Bucket {
        double tokens = 0;
        std::int64_t updatedMs = 0;
    };
    double tokensNow(const Bucket& bucket, std::int64_t nowMs) const;
    std::int64_t msUntil(double tokens, double cost) const;
    Bucket& bucketFor(const std::string& key, std::int64_t nowMs);
    void evict(std::int64_t nowMs);

    double m_burst;
    double m_refillPerMs;
    const Clock& m_clock;
    std::size_t m_maxKeys;
    mutable std::mutex m_mutex;
    std::unordered_map<std::string, Bucket> m_buckets;
};

}  // namespace server::domain

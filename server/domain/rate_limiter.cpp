#include "server/domain/rate_limiter.h"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

namespace server::domain {

RateLimiter::RateLimiter(double burst, double refillPerSecond, const Clock& clock,
                         std::size_t maxKeys)
    : m_burst(burst > 0 ? burst : 0),
      m_refillPerMs(refillPerSecond > 0 ? refillPerSecond / 1000.0 : 0),
      m_clock(clock),
      m_maxKeys(maxKeys > 0 ? maxKeys : 1) {}

double RateLimiter::tokensNow(const Bucket& bucket, std::int64_t nowMs) const {
    // A clock stepped backwards refills nothing rather than draining.
    const auto elapsed = static_cast<double>(std::max<std::int64_t>(0, nowMs - bucket.updatedMs));
    return std::min(m_burst, bucket.tokens + elapsed * m_refillPerMs);
}

std::int64_t RateLimiter::msUntil(double tokens, double cost) const {
    if (tokens >= cost)
        return 0;
    if (m_refillPerMs <= 0 || cost > m_burst)
        return INT64_MAX / 2;
    return std::max<std::int64_t>(
        1, static_cast<std::int64_t>(std::ceil((cost - tokens) / m_refillPerMs)));
}

RateLimiter::Bucket& RateLimiter::bucketFor(const std::string& key, std::int64_t nowMs) {
    auto it = m_buckets.find(key);
    if (it != m_buckets.end()) {
        it->second.tokens = tokensNow(it->second, nowMs);
        it->second.updatedMs = nowMs;
        return it->second;
    }
    if (m_buckets.size() >= m_maxKeys)
        evict(nowMs);
    return m_buckets.emplace(key, Bucket{m_burst, nowMs}).first->second;
}

void RateLimiter::evict(std::int64_t nowMs) {
    // A full bucket is the same as no bucket: dropping it forgets nothing.
    std::erase_if(m_buckets,
                  [&](const auto& entry) { return tokensNow(entry.second, nowMs) >= m_burst; });
    if (m_buckets.size() < m_maxKeys)
        return;
    // Still full of drained buckets (a flood of keys): drop the fuller half, which forgets the
    // least, so memory stays bounded.
    std::vector<std::pair<double, const std::string*>> byTokens;
    byTokens.reserve(m_buckets.size());
    for (const auto& [key, bucket] : m_buckets)
        byTokens.emplace_back(tokensNow(bucket, nowMs), &key);
    const auto half = byTokens.begin() + static_cast<std::ptrdiff_t>(byTokens.size() / 2);
    std::nth_element(byTokens.begin(), half, byTokens.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<std::string> doomed;
    for (auto it = byTokens.begin(); it != half + 1 && it != byTokens.end(); ++it)
        doomed.push_back(*it->second);
    for (const auto& key : doomed)
        m_buckets.erase(key);
}

std::int64_t RateLimiter::tryTake(const std::string& key, double cost) {
    std::lock_guard lock(m_mutex);
    auto& bucket = bucketFor(key, m_clock.nowMs());
    if (bucket.tokens < cost)
        return msUntil(bucket.tokens, cost);
    bucket.tokens -= cost;
    return 0;
}

void RateLimiter::take(const std::string& key, double cost) {
    std::lock_guard lock(m_mutex);
    auto& bucket = bucketFor(key, m_clock.nowMs());
    bucket.tokens = std::max(0.0, bucket.tokens - cost);
}

std::int64_t RateLimiter::waitMs(const std::string& key, double cost) const {
    std::lock_guard lock(m_mutex);
    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        return msUntil(m_burst, cost);
    return msUntil(tokensNow(it->second, m_clock.nowMs()), cost);
}

std::size_t RateLimiter::trackedKeys() const {
    std::lock_guard lock(m_mutex);
    return m_buckets.size();
}

}  // namespace server::domain

// The waits between reconnection attempts: exponential backoff with full jitter.
#pragma once

namespace client::net {

struct BackoffPolicy {
    int baseMs = 500;      // the ceiling of the first wait
    int capMs = 30000;     // no ceiling grows past this
    int stableMs = 10000;  // a connection online this long resets the attempts
};

class Backoff {
public:
    explicit Backoff(BackoffPolicy policy = {});

    // A wait drawn uniformly from [0, min(cap, base * 2^attempts)]; counts one more attempt.
    int nextDelayMs();
    void reset();
    int attempts() const { return m_attempts; }
    const BackoffPolicy& policy() const { return m_policy; }

private:
    BackoffPolicy m_policy;
    int m_attempts = 0;
};

}  // namespace client::net

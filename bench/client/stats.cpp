#include "bench/client/stats.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace bench {

double Sample::quantile(double q) const {
    if (m_values.empty()) {
        return 0.0;
    }
    if (!m_sorted) {
        std::sort(m_values.begin(), m_values.end());
        m_sorted = true;
    }
    const double rank = std::ceil(q * double(m_values.size()));
    const size_t index = rank < 1.0 ? 0 : std::min(m_values.size() - 1, size_t(rank) - 1);
    return m_values[index];
}

void Sample::append(const Sample& other) {
    m_values.insert(m_values.end(), other.m_values.begin(), other.m_values.end());
    m_sorted = false;
}

double Sample::total() const {
    return std::accumulate(m_values.begin(), m_values.end(), 0.0);
}

QString describePercentiles(const Sample& sample) {
    return QStringLiteral("p50 %1 ms, p99 %2 ms, max %3 ms")
        .arg(sample.quantile(0.5), 0, 'f', 3)
        .arg(sample.quantile(0.99), 0, 'f', 3)
        .arg(sample.max(), 0, 'f', 3);
}

}  // namespace bench

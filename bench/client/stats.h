// A sample of durations (milliseconds) and its order statistics.
#pragma once

#include <QString>
#include <vector>

namespace bench {

class Sample {
public:
    void add(double ms) {
        m_values.push_back(ms);
        m_sorted = false;
    }
    void append(const Sample& other);
    size_t size() const { return m_values.size(); }
    // The q-quantile (0..1) by nearest rank; 0 when empty.
    double quantile(double q) const;
    double min() const { return quantile(0.0); }
    double max() const { return quantile(1.0); }
    double total() const;

private:
    mutable std::vector<double> m_values;
    mutable bool m_sorted = false;
};

// "p50 1.23 ms, p99 4.56 ms, max 7.89 ms"
QString describePercentiles(const Sample& sample);

}  // namespace bench

#include "bench/common/process_cpu.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace bench {
namespace {

// utime + stime of one /proc stat file, and the comm between its parentheses; -1 if unreadable.
std::int64_t readStat(const std::filesystem::path& file, std::string* name) {
    std::ifstream in(file);
    std::string line;
    if (!std::getline(in, line))
        return -1;
    const auto open = line.find('(');
    const auto close = line.rfind(')');
    if (open == std::string::npos || close == std::string::npos || close < open)
        return -1;
    if (name)
        *name = line.substr(open + 1, close - open - 1);
    // After the comm: state (field 3) ... utime (14), stime (15).
    std::istringstream fields(line.substr(close + 1));
    std::string field;
    long long utime = -1, stime = -1;
    for (int index = 3; index <= 15 && fields >> field; ++index) {
        if (index == 14)
            utime = std::stoll(field);
        else if (index == 15)
            stime = std::stoll(field);
    }
    if (utime < 0 || stime < 0)
        return -1;
    static const long ticks = sysconf(_SC_CLK_TCK);
    return (utime + stime) * 1'000'000 / ticks;
}

}  // namespace

CpuSample sampleCpu(int pid) {
    CpuSample sample;
    const std::filesystem::path proc = "/proc/" + std::to_string(pid);
    sample.totalMicros = readStat(proc / "stat", nullptr);
    std::error_code ec;
    for (const auto& task : std::filesystem::directory_iterator(proc / "task", ec)) {
        ThreadCpu thread;
        thread.micros = readStat(task.path() / "stat", &thread.name);
        if (thread.micros >= 0)
            sample.threads[std::stoi(task.path().filename().string())] = thread;
    }
    return sample;
}

std::int64_t ownCpuMicros() {
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<std::int64_t>(now.tv_sec) * 1'000'000 + now.tv_nsec / 1000;
}

std::string renderThreadCpu(const CpuSample& before, const CpuSample& after, double units) {
    if (before.totalMicros < 0 || after.totalMicros < 0 || units <= 0)
        return {};
    const auto total = after.totalMicros - before.totalMicros;
    std::vector<std::pair<std::int64_t, std::string>> used;
    for (const auto& [tid, thread] : after.threads) {
        const auto earlier = before.threads.find(tid);
        const auto micros =
            thread.micros - (earlier != before.threads.end() ? earlier->second.micros : 0);
        if (micros * 100 >= total && micros > 0)
            used.emplace_back(micros, thread.name + " (" + std::to_string(tid) + ")");
    }
    std::sort(used.rbegin(), used.rend());
    std::string text;
    char line[160];
    for (const auto& [micros, name] : used) {
        std::snprintf(line, sizeof line, "  thread %-26s %.1f us\n", name.c_str(),
                      static_cast<double>(micros) / units);
        text += line;
    }
    return text;
}

}  // namespace bench

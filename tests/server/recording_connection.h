// A socket for the real-time layer's unit tests: records the frames it is sent and its close.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "server/realtime/connection.h"

namespace test {

// Thread-safe, like the real one. Frames are kept as the shared pointers they arrived as.
class RecordingConnection : public server::realtime::Connection {
public:
    explicit RecordingConnection(server::domain::SocketId id) : m_id(id) {}

    void send(std::shared_ptr<const std::string> frame) override {
        std::lock_guard lock(m_mutex);
        m_frames.push_back(std::move(frame));
    }
    void close(int code, std::string) override {
        std::lock_guard lock(m_mutex);
        m_closeCode = code;
    }
    server::domain::SocketId socketId() const override { return m_id; }

    std::vector<std::shared_ptr<const std::string>> frames() const {
        std::lock_guard lock(m_mutex);
        return m_frames;
    }
    std::vector<std::shared_ptr<const std::string>> takeFrames() {
        std::lock_guard lock(m_mutex);
        return std::exchange(m_frames, {});
    }
    std::optional<int> closeCode() const {
        std::lock_guard lock(m_mutex);
        return m_closeCode;
    }

private:
    const server::domain::SocketId m_id;
    mutable std::mutex m_mutex;
    std::vector<std::shared_ptr<const std::string>> m_frames;
    std::optional<int> m_closeCode;
};

}  // namespace test

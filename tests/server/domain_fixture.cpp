#include "tests/server/domain_fixture.h"

#include <algorithm>
#include <boost/json/parse.hpp>
#include <filesystem>

#include "server/store/user_repository.h"

namespace test {

bool RecordingSessions::isOnline(std::int64_t userId) const {
    std::lock_guard lock(m_mutex);
    return m_online.count(userId) > 0;
}

void RecordingSessions::setOnline(std::int64_t userId) {
    std::lock_guard lock(m_mutex);
    m_online.insert(userId);
}

void RecordingBroadcaster::toUsers(const std::vector<std::int64_t>& users,
                                   std::shared_ptr<const std::string> frame,
                                   server::domain::SocketId except) {
    std::lock_guard lock(m_mutex);
    m_sent.push_back({users, *frame, except});
}

std::vector<boost::json::object> RecordingBroadcaster::to(std::int64_t userId,
                                                          std::string_view op) const {
    std::lock_guard lock(m_mutex);
    std::vector<boost::json::object> frames;
    for (const auto& sent : m_sent) {
        if (std::find(sent.users.begin(), sent.users.end(), userId) == sent.users.end())
            continue;
        auto json = boost::json::parse(sent.frame).as_object();
        if (json.at("op").as_string() == op)
            frames.push_back(std::move(json));
    }
    return frames;
}

void RecordingBroadcaster::clear() {
    std::lock_guard lock(m_mutex);
    m_sent.clear();
}

Domain::Domain(const QString& folder)
    : database(std::filesystem::path(folder.toStdString()) / "messenger.db"),
      writer(database),
      search(database, writer, server::store::SearchIndex::fileFor(database.file())),
      users(database, sessions),
      directory(database),
      chats(database, directory, users),
      friends(database, writer, directory, chats, users, broadcaster, clock),
      sender(writer, directory, broadcaster, clock, 1000, 1000),
      messages(database, writer, search, directory, broadcaster, clock),
      chatSignals(writer, directory, broadcaster) {}

std::int64_t Domain::addUser(const std::string& name) {
    return writer.run<std::int64_t>([&](server::store::Connection& c) {
        return server::store::UserRepository(c).insert(name, name, "hash", clock.nowMs());
    });
}

std::int64_t Domain::befriend(std::int64_t a, std::int64_t b) {
    const auto request = friends.request(a, b);
    return friends.accept(b, request.request->id).id;
}

protocol::Message Domain::send(std::int64_t user, std::int64_t chat, const std::string& text,
                               const std::string& clientId) {
    server::domain::SendInput input;
    input.chatId = chat;
    input.clientId = clientId;
    input.text = text;
    return sender.sendAndWait(user, input).message;
}

}  // namespace test

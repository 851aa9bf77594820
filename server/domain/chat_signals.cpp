#include "server/domain/chat_signals.h"

#include <future>
#include <memory>
#include <optional>

#include "common/codec.h"
#include "common/errors.h"
#include "server/store/chat_repository.h"

namespace server::domain {

using protocol::ApiError;
using protocol::ErrorCode;

void ChatSignals::read(std::int64_t userId, std::int64_t chatId, std::int64_t seq,
                       SocketId fromSocket, Done done) {
    if (seq < 0)
        throw ApiError(ErrorCode::BadRequest, "seq: must be 0 or more");
    auto chat = m_directory.requireMember(chatId, userId);
    auto moved = std::make_shared<std::optional<std::int64_t>>();
    m_writer.submit(
        [=](store::Connection& c) {
            *moved = store::ChatRepository(c).advanceRead(chatId, userId, seq);
        },
        [=, this, done = std::move(done)](std::exception_ptr error) {
            if (!error && *moved) {
                auto frame = std::make_shared<const std::string>(protocol::encode(
                    protocol::ServerFrame{protocol::ws::ReadOut{chatId, userId, **moved}}));
                if (chat->kind == protocol::ChatKind::Direct)
                    m_broadcaster.toUsers(chat->members, std::move(frame), fromSocket);
                else
                    m_broadcaster.toUsers({userId}, std::move(frame), fromSocket);
            }
            if (done)
                done(error);
        });
}

void ChatSignals::readAndWait(std::int64_t userId, std::int64_t chatId, std::int64_t seq) {
    std::promise<void> promise;
    auto future = promise.get_future();
    read(userId, chatId, seq, 0, [&promise](std::exception_ptr error) {
        error ? promise.set_exception(error) : promise.set_value();
    });
    future.get();
}

void ChatSignals::typing(std::int64_t userId, std::int64_t chatId) {
    const auto chat = m_directory.requireMember(chatId, userId);
    if (!chat->postingOpen)
        throw ApiError(ErrorCode::Forbidden, "chat_id: this chat is read-only");
    std::vector<std::int64_t> others;
    others.reserve(chat->members.size());
    for (const auto member : chat->members)
        if (member != userId)
            others.push_back(member);
    m_broadcaster.toUsers(others,
                          std::make_shared<const std::string>(protocol::encode(
                              protocol::ServerFrame{protocol::ws::TypingOut{chatId, userId}})));
}

}  // namespace server::domain

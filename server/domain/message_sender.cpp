#include "server/domain/message_sender.h"

#include <algorithm>
#include <climits>
#include <future>
#include <memory>

#include "common/codec.h"
#include "common/errors.h"
#include "common/validation.h"
#include "server/domain/chat_log.h"
#include "server/domain/message_view.h"
#include "server/domain/notifications_messages.h"
#include "server/domain/posting_policy.h"
#include "server/store/chat_repository.h"
#include "server/store/message_repository.h"

namespace server::domain {
namespace {

using protocol::ApiError;
using protocol::ErrorCode;

bool isMediaId(const std::string& value) {
    return value.size() == 64 && std::all_of(value.begin(), value.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

// Filled on the writer thread by the op, read by its completion on the same thread.
struct Pending {
    std::int64_t userId = 0;
    std::int64_t ts = 0;
    SendInput input;
    std::shared_ptr<const ChatEntry> chat;
    MessageSender::Done done;
    protocol::Message message;
    std::string messageJson;
    bool created = false;
    std::shared_ptr<const std::string> eventFrame;
    std::vector<NotificationDelivery> notices;
};

void store(Pending& p, store::Connection& c) {
    store::MessageRepository messages(c);
    if (auto existing = messages.findByClientId(p.userId, p.input.clientId)) {
        p.message = loadMessage(c, *existing);
        p.messageJson = messageJson(p.message);
        return;
    }
    // Group rules run here, in commit order: a kick, a mute, a role or a setting committed a
    // moment before this op is the state it is judged by.
    if (p.chat->isGroup())
        enforcePosting(c, p.input.chatId, p.userId, p.ts);
    if (p.input.replyTo) {
        const auto target = messages.find(*p.input.replyTo);
        if (!target || target->chatId != p.input.chatId)
            throw ApiError(ErrorCode::NotFound, "reply_to: no such message in this chat");
    }
    store::ChatRepository chats(c);
    store::MessageRow row;
    row.chatId = p.input.chatId;
    row.seq = chats.nextSeq(row.chatId, p.ts);
    row.sender = p.userId;
    row.ts = p.ts;
    row.clientId = p.input.clientId;
    row.text = p.input.text.value_or(std::string());
    row.replyTo = p.input.replyTo;
    row.id = messages.insert(row);
    // Posting reads the chat up to the new message, which is the chat's last seq.
    chats.markReadThrough(row.chatId, p.userId, row.seq);
    p.message = toMessage(row);
    // The messages row is the durable record of message.created: the event is not stored again.
    p.messageJson = messageJson(p.message);
    std::string data = R"({"message":)";
    data += p.messageJson;
    data += '}';
    p.eventFrame = unstoredEvent(row.chatId, row.seq, protocol::eventType::MessageCreated, p.userId,
                                 p.ts, std::move(data))
                       .frame;
    p.created = true;
    if (p.chat->isGroup())
        p.notices = messageNotifications(c, p.message);
}

void check(const SendInput& input) {
    protocol::validation::id(input.chatId, "chat_id");
    protocol::validation::clientId(input.clientId);
    if (input.text)
        protocol::validation::messageText(*input.text);
    const bool hasText = input.text && !input.text->empty();
    if (!hasText && input.media.empty())
        throw ApiError(ErrorCode::BadRequest, "text: a message needs text or media");
    if (input.media.size() > protocol::validation::kMaxMediaPerMessage)
        throw ApiError(ErrorCode::BadRequest, "media: at most 10 per message");
    if (input.replyTo)
        protocol::validation::id(*input.replyTo, "reply_to");
    for (std::size_t i = 0; i < input.media.size(); ++i)
        if (!isMediaId(input.media[i]))
            throw ApiError(ErrorCode::BadRequest,
                           "media[" + std::to_string(i) + "]: must be a media id");
    // Media arrive with the media milestone: until then no media id exists to be read.
    if (!input.media.empty())
        throw ApiError(ErrorCode::NotFound, "media: no such media");
}

}  // namespace

MessageSender::MessageSender(store::Writer& writer, ChatDirectory& directory,
                             Broadcaster& broadcaster, const Clock& clock, double sendsBurst,
                             double sendsPerSecond, std::function<void()> messageStored)
    : m_writer(writer),
      m_directory(directory),
      m_broadcaster(broadcaster),
      m_clock(clock),
      m_sends(sendsBurst, sendsPerSecond, clock),
      m_messageStored(std::move(messageStored)) {}

void MessageSender::send(std::int64_t userId, SendInput input, Done done) {
    check(input);
    auto chat = m_directory.requireMember(input.chatId, userId);
    if (!chat->postingOpen)
        throw ApiError(ErrorCode::Forbidden, "chat_id: this chat is read-only");
    if (const auto wait = m_sends.tryTake(std::to_string(userId)); wait > 0)
        throw ApiError(ErrorCode::RateLimited, "too many messages; retry later",
                       static_cast<int>(std::min<std::int64_t>(wait, INT_MAX)));

    auto pending = std::make_shared<Pending>();
    pending->userId = userId;
    pending->ts = m_clock.nowMs();
    pending->input = std::move(input);
    pending->chat = std::move(chat);
    pending->done = std::move(done);
    m_writer.submit([pending](store::Connection& c) { store(*pending, c); },
                    [this, pending](std::exception_ptr error) {
                        if (!error && pending->created) {
                            // The members at this commit: completions run in commit order and a
                            // group change publishes its entry from its own completion, so a
                            // member removed before this send is no longer in the entry.
                            const auto now = m_directory.find(pending->input.chatId);
                            m_broadcaster.toUsers(now ? now->members : pending->chat->members,
                                                  pending->eventFrame);
                            for (const auto& notice : pending->notices)
                                m_broadcaster.toUsers({notice.userId}, notice.frame);
                            if (m_messageStored)
                                m_messageStored();
                        }
                        pending->done(SendOutcome{
                            error, std::move(pending->message), !error && pending->created,
                            error ? std::string() : std::move(pending->messageJson)});
                    });
}

SendOutcome MessageSender::sendAndWait(std::int64_t userId, SendInput input) {
    std::promise<SendOutcome> promise;
    auto future = promise.get_future();
    send(userId, std::move(input),
         [&promise](SendOutcome outcome) { promise.set_value(std::move(outcome)); });
    auto outcome = future.get();
    if (outcome.error)
        std::rethrow_exception(outcome.error);
    return outcome;
}

}  // namespace server::domain

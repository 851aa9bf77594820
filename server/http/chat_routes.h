// The HTTP routes of chats and their messages (PROTOCOL.md "Messages and the chat event log").
#pragma once

#include "server/domain/accounts.h"
#include "server/domain/chat_signals.h"
#include "server/domain/chats.h"
#include "server/domain/message_sender.h"
#include "server/domain/messages.h"
#include "server/http/router.h"

namespace server::http {

// The services the chat and message routes reach; each must outlive the router.
struct ChatServices {
    domain::Accounts& accounts;
    domain::Chats& chats;
    domain::Messages& messages;
    domain::MessageSender& sender;
    domain::ChatSignals& signals;
};

// Registers /api/v1/chats and /api/v1/chats/{id}/... (messages, events, pins, read, search).
void addChatRoutes(Router& router, ChatServices services);

}  // namespace server::http

// Names for live sockets: unique within the process, and across the nodes sharing a relay.
#pragma once

#include "server/domain/broadcaster.h"

namespace server::net {

// Never 0. The high 24 bits are drawn at random once per process, the rest count up, so ids of
// two nodes collide only if their draws do. May be called from any thread.
domain::SocketId nextSocketId();

}  // namespace server::net

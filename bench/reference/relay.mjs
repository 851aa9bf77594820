// Reference relay for calibrating messenger-load and messenger-group-load: speaks only the part of
// the protocol the load programs use (register, friend request + accept, group creation,
// hello/ready, ping/pong, send -> ack + the event to every socket of every member, the sender's
// included) and stores and checks nothing beyond that, in memory. A yardstick for bench/server and
// bench/group, not a server.
import http from 'node:http';
import { WebSocketServer } from 'ws';

const port = Number(process.argv[2] || 18444);
// RELAY_BATCH=1: a socket's frames of one event-loop turn leave in one write (corked until the
// check phase), as the real server gathers its writes; unset, each frame is its own write.
const batch = process.env.RELAY_BATCH === '1';
let nextId = 1;
const tokens = new Map();      // token -> user id
const users = new Map();       // user id -> User, as the protocol shapes it
const sockets = new Map();     // user id -> Set of ws
const chats = new Map();       // chat id -> member ids (a direct chat's two, a group's owner first)
const requests = new Map();    // request id -> {from, to}
const seqs = new Map();        // chat id -> last seq

function body(req) {
  return new Promise((resolve) => { let b = ''; req.on('data', (c) => (b += c)); req.on('end', () => resolve(b)); });
}
function send(res, status, obj) {
  const t = JSON.stringify(obj);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(t) });
  res.end(t);
}
// One encoding per frame, however many sockets it goes to; sent as a text frame.
function frame(obj) {
  return Buffer.from(JSON.stringify(obj));
}
const corked = new Set();   // net sockets held corked until flush()
function flush() {
  for (const socket of corked) socket.uncork();
  corked.clear();
}
function hold(socket) {
  if (!batch || corked.has(socket)) return;
  socket.cork();
  if (corked.size === 0) setImmediate(flush);
  corked.add(socket);
}
function toSocketsOf(members, data) {
  for (const member of members) {
    for (const s of sockets.get(member) || []) { hold(s.tcp); s.send(data, { binary: false }); }
  }
}

// A group as member `viewer` sees it (the Chat object of PROTOCOL.md). The real server logs one
// member.added event per member at creation, so the log starts at the member count.
function groupView(id, name, description, ts, members, viewer) {
  return {
    id, kind: 'group', name, description, avatar: null, created_ts: ts, last_seq: members.length,
    read_seq: 0, unread: 0, my_role: viewer === members[0] ? 'owner' : 'member', member_count: members.length,
    peer: null, peer_read_seq: null, notifications_muted_until: null,
    settings: { slow_mode_s: 0, only_admins_post: false }, last_message: null,
  };
}
// POST /api/v1/groups {name, description?, members}: the caller owns it; each member's sockets
// get chat.added with their own view; the answer is the owner's view.
function createGroup(res, me, j) {
  const members = [me];
  for (const id of j.members) if (!members.includes(id)) members.push(id);
  const id = nextId++; const ts = Date.now(); const description = j.description ?? '';
  chats.set(id, members); seqs.set(id, members.length);
  for (const member of members) {
    const added = frame({ op: 'chat.added', chat: groupView(id, j.name, description, ts, members, member) });
    toSocketsOf([member], added);
  }
  send(res, 201, groupView(id, j.name, description, ts, members, me));
}

const server = http.createServer(async (req, res) => {
  const text = await body(req);
  const auth = (req.headers.authorization || '').replace('Bearer ', '');
  const me = tokens.get(auth);
  if (req.url === '/api/v1/auth/register') {
    const j = JSON.parse(text); const id = nextId++; const token = 't' + id + Math.random();
    const user = { id, username: j.username, display_name: j.username, avatar: null, status: 'offline', last_seen: null };
    tokens.set(token, id); users.set(id, user);
    return send(res, 201, { token, user });
  }
  if (req.url === '/api/v1/friends/requests') {
    const j = JSON.parse(text); const id = nextId++; requests.set(id, { from: me, to: j.user_id });
    return send(res, 201, { id, from: users.get(me), to: users.get(j.user_id), ts: Date.now() });
  }
  const m = req.url.match(/^\/api\/v1\/friends\/requests\/(\d+)\/accept$/);
  if (m) {
    const r = requests.get(Number(m[1])); const id = nextId++; chats.set(id, [r.from, r.to]); seqs.set(id, 0);
    return send(res, 200, { chat: { id } });
  }
  if (req.url === '/api/v1/groups' && req.method === 'POST') return createGroup(res, me, JSON.parse(text));
  send(res, 404, { error: { code: 'not_found', message: 'no route' } });
});
const wss = new WebSocketServer({ server, path: '/api/v1/ws' });
let messageId = 1;
wss.on('connection', (ws, request) => {
  let user = 0;
  ws.tcp = request.socket;
  ws.on('message', (data) => {
    const f = JSON.parse(data);
    if (f.op === 'hello') {
      user = tokens.get(f.token);
      if (!sockets.has(user)) sockets.set(user, new Set());
      sockets.get(user).add(ws);
      ws.send(JSON.stringify({ op: 'ready', user: users.get(user), heartbeat_ms: 25000 }));
      return;
    }
    if (f.op === 'ping') {
      ws.send(JSON.stringify(f.nonce === undefined ? { op: 'pong' } : { op: 'pong', nonce: f.nonce }));
      return;
    }
    if (f.op === 'send') {
      const members = chats.get(f.chat_id); const seq = seqs.get(f.chat_id) + 1; seqs.set(f.chat_id, seq);
      const message = { id: messageId++, chat_id: f.chat_id, seq, sender: user, ts: Date.now(), client_id: f.client_id,
        text: f.text, reply_to: null, media: [], edited_ts: null, deleted: false, reactions: {} };
      hold(ws.tcp);
      ws.send(JSON.stringify({ op: 'ack', client_id: f.client_id, message }));
      toSocketsOf(members, frame({ op: 'event', event: { chat_id: f.chat_id, seq, ts: message.ts, type: 'message.created', actor: user, data: { message } } }));
    }
  });
  ws.on('close', () => sockets.get(user)?.delete(ws));
});
server.listen(port, '127.0.0.1', () => console.log('listening on ' + port));

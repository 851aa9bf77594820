// Reference relay for calibrating messenger-load: speaks only the part of the protocol the load
// program uses (register, friend request + accept, hello/ready, send -> ack + the event to both
// members) and stores and checks nothing. A yardstick for bench/server, not a server.
import http from 'node:http';
import { WebSocketServer } from 'ws';

const port = Number(process.argv[2] || 18444);
let nextId = 1;
const tokens = new Map();      // token -> user id
const sockets = new Map();     // user id -> Set of ws
const chats = new Map();       // chat id -> [a, b]
const requests = new Map();    // request id -> {from, to}
const seqs = new Map();

function body(req) {
  return new Promise((resolve) => { let b = ''; req.on('data', (c) => (b += c)); req.on('end', () => resolve(b)); });
}
function send(res, status, obj) {
  const t = JSON.stringify(obj);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(t) });
  res.end(t);
}
const server = http.createServer(async (req, res) => {
  const text = await body(req);
  const auth = (req.headers.authorization || '').replace('Bearer ', '');
  const me = tokens.get(auth);
  if (req.url === '/api/v1/auth/register') {
    const j = JSON.parse(text); const id = nextId++; const token = 't' + id + Math.random();
    tokens.set(token, id);
    return send(res, 201, { token, user: { id, username: j.username, display_name: j.username, avatar: null, status: 'offline', last_seen: null } });
  }
  if (req.url === '/api/v1/friends/requests') {
    const j = JSON.parse(text); const id = nextId++; requests.set(id, { from: me, to: j.user_id });
    return send(res, 201, { id, from: { id: me }, to: { id: j.user_id }, ts: Date.now() });
  }
  const m = req.url.match(/^\/api\/v1\/friends\/requests\/(\d+)\/accept$/);
  if (m) {
    const r = requests.get(Number(m[1])); const id = nextId++; chats.set(id, [r.from, r.to]); seqs.set(id, 0);
    return send(res, 200, { chat: { id } });
  }
  send(res, 404, { error: { code: 'not_found', message: 'no route' } });
});
const wss = new WebSocketServer({ server, path: '/api/v1/ws' });
let messageId = 1;
wss.on('connection', (ws) => {
  let user = 0;
  ws.on('message', (data) => {
    const f = JSON.parse(data);
    if (f.op === 'hello') {
      user = tokens.get(f.token);
      if (!sockets.has(user)) sockets.set(user, new Set());
      sockets.get(user).add(ws);
      ws.send(JSON.stringify({ op: 'ready', user: { id: user }, heartbeat_ms: 25000 }));
      return;
    }
    if (f.op === 'send') {
      const members = chats.get(f.chat_id); const seq = seqs.get(f.chat_id) + 1; seqs.set(f.chat_id, seq);
      const message = { id: messageId++, chat_id: f.chat_id, seq, sender: user, ts: Date.now(), client_id: f.client_id,
        text: f.text, reply_to: null, media: [], edited_ts: null, deleted: false, reactions: {} };
      ws.send(JSON.stringify({ op: 'ack', client_id: f.client_id, message }));
      const event = JSON.stringify({ op: 'event', event: { chat_id: f.chat_id, seq, ts: message.ts, type: 'message.created', actor: user, data: { message } } });
      for (const member of members) for (const s of sockets.get(member) || []) s.send(event);
    }
  });
  ws.on('close', () => sockets.get(user)?.delete(ws));
});
server.listen(port, '127.0.0.1', () => console.log('listening on ' + port));

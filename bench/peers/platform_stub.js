// The platforms' side of the load benchmark, on 127.0.0.1 (Node, no packages):
//   GET  /v1/.well-known/openidconfiguration, /v1/keys  Bot Framework OpenID metadata and the JWKS
//                                                      made by load_requests.js (argv[2])
//   POST /oauth2/v2.0/token                            a client-credentials token for the replies
//   POST /teams/v3/...                                 the Teams connector: accepts every reply
//   POST /slack/api/<method>                           the Slack Web API: {"ok":true,...}
//   GET  /stats                                        how many calls of each kind it answered
//   GET  /last/<conversation id>                       the last Teams reply to that conversation
// Every reply the bots send lands here, so nothing leaves the machine.
'use strict';
const http = require('node:http');
const fs = require('node:fs');

const jwks = fs.readFileSync(process.argv[2], 'utf8');
const stats = {};
const last = new Map();  // Teams conversation id -> the last activity posted to it
let base = '';

function answer(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

function route(req) {
  const url = req.url.split('?')[0];
  if (url === '/v1/.well-known/openidconfiguration') {
    return ['openid', 200, { issuer: 'https://api.botframework.com', jwks_uri: `${base}/v1/keys`,
                             id_token_signing_alg_values_supported: ['RS256'] }];
  }
  if (url === '/v1/keys') return ['jwks', 200, jwks];
  if (url === '/oauth2/v2.0/token') {
    return ['token', 200, { token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: 'bench-connector-token' }];
  }
  if (url === '/teams/v3/conversations') return ['teams-conversation', 200, { id: 'a:bench-personal' }];
  if (url.startsWith('/teams/v3/conversations/')) return ['teams-activity', 200, { id: `activity-${Date.now()}` }];
  if (url === '/slack/api/conversations.open') return ['slack-open', 200, { ok: true, channel: { id: 'D0BENCH' } }];
  if (url === '/slack/api/users.info') {
    return ['slack-users', 200, { ok: true, user: { tz: 'Europe/Berlin', profile: { display_name: 'Bench Person' } } }];
  }
  if (url.startsWith('/slack/api/')) return ['slack-api', 200, { ok: true, channel: 'D0BENCH', ts: `${Date.now() / 1000}` }];
  if (url === '/stats') return ['stats', 200, stats];
  if (url.startsWith('/last/')) return ['last', 200, last.get(decodeURIComponent(url.slice(6))) || '{}'];
  return ['unknown', 404, { error: 'not found' }];
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const [kind, status, body] = route(req);
    const conversation = req.url.match(/^\/teams\/v3\/conversations\/([^/]+)\/activities/);
    if (conversation) last.set(decodeURIComponent(conversation[1]), Buffer.concat(chunks).toString('utf8'));
    stats[kind] = (stats[kind] || 0) + 1;
    answer(res, status, body);
  });
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => {
  base = `http://127.0.0.1:${server.address().port}`;
  console.log(`listening on ${base}`);
});

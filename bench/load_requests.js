// Makes what run_load_bench.sh sends, with Node's built-in crypto only:
//   keys DIR                          RSA key pair: DIR/key.pem and DIR/jwks.json (the Bot
//                                     Framework JWKS shape, endorsed for msteams)
//   jwt DIR APP_ID SERVICE_URL        a Bot Framework token (RS256, valid 1 h) signed with DIR/key.pem
//   slack SECRET COUNT USERS TEXT     COUNT signed slash commands, one per line:
//                                     "timestamp<TAB>X-Slack-Signature<TAB>form body". USERS is a
//                                     comma-separated list cycled through; "{n}" in TEXT becomes the
//                                     line number, so bodies (and signatures) all differ.
// Slack refuses a timestamp older than 5 minutes, so slack lines are made just before each run.
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const TEAM = 'T0BENCH';
const b64url = (data) => Buffer.from(data).toString('base64url');

function keys(dir) {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  fs.writeFileSync(path.join(dir, 'key.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
  const { n, e } = publicKey.export({ format: 'jwk' });
  const jwk = { kty: 'RSA', use: 'sig', kid: 'bench', n, e, endorsements: ['msteams'] };
  fs.writeFileSync(path.join(dir, 'jwks.json'), JSON.stringify({ keys: [jwk] }));
}

function jwt(dir, appId, serviceUrl) {
  const now = Math.floor(Date.now() / 1000);
  const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'bench' }));
  const claims = b64url(JSON.stringify({ iss: 'https://api.botframework.com', aud: appId, serviceurl: serviceUrl,
                                         nbf: now - 60, iat: now - 60, exp: now + 3600 }));
  const key = fs.readFileSync(path.join(dir, 'key.pem'));
  const signature = crypto.sign('sha256', Buffer.from(`${header}.${claims}`), key);
  process.stdout.write(`${header}.${claims}.${b64url(signature)}\n`);
}

// The fields Slack sends with a slash command (as tests/support/slack_signing.cpp does).
function slashCommandBody(user, text, n) {
  return new URLSearchParams({
    token: 'legacy-verification-token', team_id: TEAM, team_domain: 'bench', channel_id: `D${user}`,
    channel_name: 'directmessage', user_id: user, user_name: `name-of-${user}`, command: '/mentor', text,
    api_app_id: 'A0MENTOR', response_url: `https://hooks.slack.com/commands/${TEAM}/1/x`, trigger_id: `trigger.${n}`,
  }).toString();
}

function slack(secret, count, users, text) {
  const timestamp = Math.floor(Date.now() / 1000);
  const lines = [];
  users = users.split(',');
  for (let n = 0; n < Number(count); n++) {
    const body = slashCommandBody(users[n % users.length], text.replaceAll('{n}', String(n)), n);
    const signature = crypto.createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
    lines.push(`${timestamp}\tv0=${signature}\t${body}`);
  }
  process.stdout.write(lines.join('\n') + '\n');
}

const [command, ...args] = process.argv.slice(2);
const commands = { keys, jwt, slack };
if (!commands[command]) {
  console.error('usage: load_requests.js keys DIR | jwt DIR APP_ID SERVICE_URL | slack SECRET COUNT USERS TEXT');
  process.exit(2);
}
commands[command](...args);

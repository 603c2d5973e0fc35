// Baseline for bench/run_load_bench.sh: a minimal Bot Framework JS bot. A
// CloudAdapter behind node:http on 127.0.0.1:0; onMessage replies with a
// short text. Inbound tokens are checked in full (RS256 signature against the
// JWKS named by the OpenID metadata, issuer, audience = MicrosoftAppId,
// msteams endorsement, serviceurl claim) — only the OpenID metadata URL is
// the local stub's (BOT_OPENID_METADATA) instead of login.botframework.com.
// The reply goes to the activity's serviceUrl (the stub) with a connector
// token from BOT_TOKEN_URL (the stub too): MSAL refuses a non-https,
// non-Microsoft authority, so the credentials are a small AppCredentials
// that does the same client-credentials POST itself (cached like MSAL's).
'use strict';
const http = require('node:http');
const { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } = require('botbuilder');
const { AppCredentials, PasswordServiceClientCredentialFactory } = require('botframework-connector');

const appId = process.env.MICROSOFT_APP_ID;
const appPassword = process.env.MICROSOFT_APP_PASSWORD;
const tokenUrl = process.env.BOT_TOKEN_URL;

class StubTokenCredentials extends AppCredentials {
  async refreshToken() {
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: appId,
                                       client_secret: appPassword, scope: `${this.oAuthScope}/.default` });
    const response = await fetch(tokenUrl, { method: 'POST', body: form });
    const token = await response.json();
    return { accessToken: token.access_token, expiresOn: new Date(Date.now() + token.expires_in * 1000) };
  }
}
class StubCredentialFactory extends PasswordServiceClientCredentialFactory {
  async createCredentials(id, audience) {
    if (!(await this.isValidAppId(id))) throw new Error('Invalid appId.');
    return new StubTokenCredentials(id, undefined, audience);
  }
}

// Every "parameterized" setting must be given once one is (BotFrameworkAuthenticationFactory).
const auth = new ConfigurationBotFrameworkAuthentication({
  MicrosoftAppId: appId,
  BotOpenIdMetadata: process.env.BOT_OPENID_METADATA,
  ToBotFromEmulatorOpenIdMetadataUrl: process.env.BOT_OPENID_METADATA,
  ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
  ToChannelFromBotOAuthScope: 'https://api.botframework.com',
  ToChannelFromBotLoginUrl: tokenUrl,
  OAuthUrl: 'http://127.0.0.1:1/',  // the user-token service; never used here
  CallerId: 'urn:botframework:azure',
  ValidateAuthority: true,
}, new StubCredentialFactory(appId, appPassword));
const adapter = new CloudAdapter(auth);
adapter.onTurnError = async (context, error) => {
  console.error('turn error:', error.message);
  throw error;  // the adapter answers 500, which the benchmark counts
};

class Bot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`You are paired with your mentor. Next session: not booked yet. (${context.activity.text})`);
      await next();
    });
  }
}
const bot = new Bot();

// Express-like req.body / res.status().send().end() over node:http, so no web framework is needed.
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    try {
      req.body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      res.writeHead(400).end();
      return;
    }
    const reply = {
      status(code) { res.statusCode = code; return reply; },
      header(name, value) { res.setHeader(name, value); return reply; },
      send(body) { res.write(typeof body === 'string' ? body : JSON.stringify(body)); return reply; },
      end() { res.end(); return reply; },
    };
    adapter.process(req, reply, (context) => bot.run(context)).catch((error) => {
      console.error(error);
      if (!res.writableEnded) res.writeHead(500).end();
    });
  });
});
server.listen(0, '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${server.address().port}`));

// Baseline for bench/run_load_bench.sh: the smallest Slack Bolt for JS app
// that answers `/mentor`: the default HTTPReceiver (verifies X-Slack-Signature
// and the timestamp with SLACK_SIGNING_SECRET, 401 otherwise) on
// 127.0.0.1:0, and a command listener that acks with a short text.
// The bot's ids are given, so Bolt never calls auth.test: nothing leaves the
// machine.
'use strict';
const { App, LogLevel } = require('@slack/bolt');

const app = new App({
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  token: 'xoxb-bench-not-used',
  botId: 'B0BENCH',
  botUserId: 'U0BENCHBOT',
  tokenVerificationEnabled: false,
  endpoints: '/slack/commands',  // the same path as mentorbot's, so one wrk script drives both
  logLevel: LogLevel.ERROR,
});

app.command('/mentor', async ({ command, ack }) => {
  await ack(`You are paired with your mentor. Next session: not booked yet. (${command.text})`);
});

(async () => {
  const server = await app.start({ port: 0, host: '127.0.0.1' });
  console.log(`listening on http://127.0.0.1:${server.address().port}`);
})();

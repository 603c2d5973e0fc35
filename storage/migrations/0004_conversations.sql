-- Where the bot can reach each person without them speaking first: the
-- Teams 1:1 conversation, the tenant's service url, the platform's own id
-- for the person ("29:..."), the bot's id in that tenant ("28:...") and the
-- time zone the person's Teams client reported.
CREATE TABLE conversation_refs (
  platform         TEXT    NOT NULL,
  workspace        TEXT    NOT NULL,
  user_id          TEXT    NOT NULL,
  platform_user_id TEXT    NOT NULL DEFAULT '',
  conversation_id  TEXT    NOT NULL DEFAULT '',
  service_url      TEXT    NOT NULL DEFAULT '',
  bot_id           TEXT    NOT NULL DEFAULT '',
  time_zone        TEXT    NOT NULL DEFAULT '',
  updated_at       INTEGER NOT NULL,
  PRIMARY KEY (platform, workspace, user_id)
);
CREATE INDEX conversation_refs_by_workspace ON conversation_refs (platform, workspace, updated_at);

-- Ids of inbound deliveries already handled (a platform's retry of the same
-- event is dropped), pruned after a day.
CREATE TABLE seen_events (
  event_id TEXT    PRIMARY KEY,
  seen_at  INTEGER NOT NULL
);
CREATE INDEX seen_events_by_time ON seen_events (seen_at);

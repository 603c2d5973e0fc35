-- The program: admins, settings, pairs, sessions, their terms, feedback,
-- the admin audit log and the outbox of messages to deliver.
CREATE TABLE admins (
  user_key   TEXT    PRIMARY KEY,
  added_by   TEXT    NOT NULL,
  added_at   INTEGER NOT NULL
);

CREATE TABLE settings (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL
);

CREATE TABLE pairs (
  id           INTEGER PRIMARY KEY,
  mentor_id    INTEGER NOT NULL REFERENCES people (id),
  mentee_id    INTEGER NOT NULL REFERENCES people (id),
  state        TEXT    NOT NULL CHECK (state IN ('active', 'paused', 'ended')),
  created_at   INTEGER NOT NULL,
  paused_until INTEGER,
  ended_at     INTEGER,
  end_reason   TEXT    NOT NULL DEFAULT '',
  CHECK (mentor_id <> mentee_id)
);
CREATE INDEX pairs_by_mentor ON pairs (mentor_id, state);
CREATE INDEX pairs_by_mentee ON pairs (mentee_id, state);

CREATE TABLE sessions (
  id            INTEGER PRIMARY KEY,
  pair_id       INTEGER NOT NULL REFERENCES pairs (id),
  state         TEXT    NOT NULL CHECK (state IN ('proposed', 'confirmed', 'held', 'cancelled')),
  starts_at     INTEGER NOT NULL,
  minutes       INTEGER NOT NULL CHECK (minutes BETWEEN 5 AND 480),
  scheduled     INTEGER NOT NULL DEFAULT 1,
  agenda        TEXT    NOT NULL DEFAULT '',
  agenda_set_at INTEGER,
  takeaways     TEXT    NOT NULL DEFAULT '',
  takeaways_at  INTEGER,
  held_at       INTEGER,
  cancel_reason TEXT    NOT NULL DEFAULT '',
  created_at    INTEGER NOT NULL
);
CREATE INDEX sessions_by_pair ON sessions (pair_id, starts_at);
-- At most one proposed or confirmed session per pair.
CREATE UNIQUE INDEX one_open_session_per_pair ON sessions (pair_id) WHERE state IN ('proposed', 'confirmed');

CREATE TABLE off_limits (
  id         INTEGER PRIMARY KEY,
  pair_id    INTEGER NOT NULL REFERENCES pairs (id),
  topic      TEXT    NOT NULL,
  added_by   INTEGER NOT NULL REFERENCES people (id),
  added_at   INTEGER NOT NULL,
  UNIQUE (pair_id, topic COLLATE NOCASE)
);

CREATE TABLE rules_acceptances (
  pair_id     INTEGER NOT NULL REFERENCES pairs (id),
  person_id   INTEGER NOT NULL REFERENCES people (id),
  accepted_at INTEGER NOT NULL,
  PRIMARY KEY (pair_id, person_id)
);

CREATE TABLE feedback (
  session_id INTEGER NOT NULL REFERENCES sessions (id),
  person_id  INTEGER NOT NULL REFERENCES people (id),
  rating     INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  comment    TEXT    NOT NULL DEFAULT '',
  at         INTEGER NOT NULL,
  PRIMARY KEY (session_id, person_id)
);

CREATE TABLE audit_log (
  id       INTEGER PRIMARY KEY,
  at       INTEGER NOT NULL,
  actor    TEXT    NOT NULL,
  action   TEXT    NOT NULL,
  detail   TEXT    NOT NULL,
  allowed  INTEGER NOT NULL
);

CREATE TABLE outbox (
  id              INTEGER PRIMARY KEY,
  key             TEXT    NOT NULL UNIQUE,
  platform        TEXT    NOT NULL,
  workspace       TEXT    NOT NULL,
  user_id         TEXT    NOT NULL,
  conversation_id TEXT    NOT NULL DEFAULT '',
  thread_id       TEXT    NOT NULL DEFAULT '',
  service_url     TEXT    NOT NULL DEFAULT '',
  message         TEXT    NOT NULL,
  state           TEXT    NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  not_before      INTEGER NOT NULL,
  lease_until     INTEGER,
  last_error      TEXT    NOT NULL DEFAULT '',
  created_at      INTEGER NOT NULL,
  finished_at     INTEGER
);
CREATE INDEX outbox_due ON outbox (state, not_before);
CREATE INDEX outbox_by_recipient ON outbox (platform, workspace, user_id, state);

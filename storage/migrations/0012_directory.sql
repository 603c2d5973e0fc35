-- People from the company directory (Microsoft Graph, Slack): the org chart
-- rows a directory sync wrote carry the directory's name in `source`; a CSV
-- import then keeps the directory's manager and department (the directory
-- wins those), and a full sync knows whom the directory no longer lists.
ALTER TABLE roster ADD COLUMN source    TEXT    NOT NULL DEFAULT '';
ALTER TABLE roster ADD COLUMN job_title TEXT    NOT NULL DEFAULT '';
ALTER TABLE roster ADD COLUMN active    INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));
CREATE INDEX roster_by_source ON roster (source) WHERE source <> '';

-- Which profile fields the person set themselves (`profile set`): those win
-- over the directory and the CSV. A zone or location stored before this
-- migration may have been the person's own, so it counts as theirs.
ALTER TABLE people ADD COLUMN own_time_zone INTEGER NOT NULL DEFAULT 0 CHECK (own_time_zone IN (0, 1));
ALTER TABLE people ADD COLUMN own_location  INTEGER NOT NULL DEFAULT 0 CHECK (own_location IN (0, 1));
UPDATE people SET own_time_zone = 1 WHERE time_zone <> '';
UPDATE people SET own_location = 1 WHERE location <> '';

-- Each directory's sync: where its next incremental read starts and when
-- the last ones ran, so a restart neither re-reads at once nor forgets.
CREATE TABLE directory_state (
  source              TEXT    PRIMARY KEY,
  workspace           TEXT    NOT NULL DEFAULT '',
  delta               TEXT    NOT NULL DEFAULT '',
  last_full_at        INTEGER,
  last_incremental_at INTEGER,
  last_error          TEXT    NOT NULL DEFAULT ''
);

-- `admin directory sync`: the admins waiting for a sync, told its summary.
CREATE TABLE directory_sync_requests (
  admin_key    TEXT    PRIMARY KEY,
  requested_at INTEGER NOT NULL
);

-- Open pairs a sync found inside one leadership chain, and what an admin
-- decided ('' = waiting, 'kept', 'ended'). One row a pair: a later sync that
-- finds another chain asks again.
CREATE TABLE chain_reviews (
  pair_id    INTEGER PRIMARY KEY REFERENCES pairs (id),
  chain      TEXT    NOT NULL,
  flagged_at INTEGER NOT NULL,
  decision   TEXT    NOT NULL DEFAULT '' CHECK (decision IN ('', 'kept', 'ended')),
  decided_by TEXT    NOT NULL DEFAULT '',
  decided_at INTEGER
);

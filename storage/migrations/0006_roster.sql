-- The org chart admins import (admin roster import): everyone, participant or
-- not, so the leadership-chain rule sees managers who never enrol. Keyed by
-- user key, or 'email:<address>' for people known only by address.
CREATE TABLE roster (
  key         TEXT    PRIMARY KEY,
  email       TEXT    NOT NULL DEFAULT '',
  name        TEXT    NOT NULL DEFAULT '',
  department  TEXT    NOT NULL DEFAULT '',
  level       INTEGER,
  manager     TEXT    NOT NULL DEFAULT '',
  location    TEXT    NOT NULL DEFAULT '',
  time_zone   TEXT    NOT NULL DEFAULT '',
  role        TEXT    NOT NULL DEFAULT '' CHECK (role IN ('', 'mentor', 'mentee')),
  capacity    INTEGER NOT NULL DEFAULT 1 CHECK (capacity >= 1),
  imported_at INTEGER NOT NULL
);

-- How many mentees a mentor takes at once (the matcher fills the places).
ALTER TABLE people ADD COLUMN capacity INTEGER NOT NULL DEFAULT 1 CHECK (capacity >= 1);

-- Pairs an admin ruled out; the smaller key first, so each pair is one row.
CREATE TABLE do_not_pair (
  first_key  TEXT    NOT NULL,
  second_key TEXT    NOT NULL,
  added_by   TEXT    NOT NULL,
  added_at   INTEGER NOT NULL,
  PRIMARY KEY (first_key, second_key),
  CHECK (first_key < second_key)
);

-- The last roster file each admin uploaded that had bad rows, so
-- `admin roster import --skip-bad` can import its good rows without a second
-- upload. Replaced by the next upload; removed once imported.
CREATE TABLE roster_uploads (
  admin_key   TEXT    PRIMARY KEY,
  file_name   TEXT    NOT NULL,
  content     TEXT    NOT NULL,
  uploaded_at INTEGER NOT NULL
);

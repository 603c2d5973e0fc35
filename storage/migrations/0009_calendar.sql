-- Calendars: where a person's invitations go (people.email), the calendar
-- event of each session as last sent (session_calendar), and files kept
-- until an expiry of their own (an invitation lives until its session ends,
-- an export a day).
ALTER TABLE people ADD COLUMN email TEXT NOT NULL DEFAULT '';
-- People synced before emails were read are looked up once more for theirs.
UPDATE people SET profile_synced_at = NULL WHERE workspace <> 'erased';

CREATE TABLE session_calendar (
  session_id  INTEGER PRIMARY KEY REFERENCES sessions (id),
  sequence    INTEGER NOT NULL CHECK (sequence >= 0),  -- iCalendar SEQUENCE of the version last sent
  fingerprint TEXT    NOT NULL,                        -- what that version said
  cancelled   INTEGER NOT NULL CHECK (cancelled IN (0, 1)),
  updated_at  INTEGER NOT NULL
);

ALTER TABLE stored_files ADD COLUMN expires_at INTEGER NOT NULL DEFAULT 0;
UPDATE stored_files SET expires_at = created_at + 86400;
CREATE INDEX stored_files_expires_at ON stored_files (expires_at);
DROP INDEX stored_files_created_at;

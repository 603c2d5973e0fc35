-- Sessions booked through a calendar service (Microsoft 365, Google): which
-- service and calendar, the event it made and its meeting link, and the
-- calendar worker's queue — a version not yet booked (synced_sequence <
-- sequence) is due at next_attempt_at, until it is booked or given up on.
-- Only the latest version of a session is ever sent: changes made while a
-- service is down are coalesced.
ALTER TABLE session_calendar ADD COLUMN provider        TEXT    NOT NULL DEFAULT '';  -- '' = iCalendar files
ALTER TABLE session_calendar ADD COLUMN mailbox         TEXT    NOT NULL DEFAULT '';  -- the organizer's calendar
ALTER TABLE session_calendar ADD COLUMN event_id        TEXT    NOT NULL DEFAULT '';
ALTER TABLE session_calendar ADD COLUMN join_url        TEXT    NOT NULL DEFAULT '';
ALTER TABLE session_calendar ADD COLUMN synced_sequence INTEGER NOT NULL DEFAULT -1;
ALTER TABLE session_calendar ADD COLUMN attempts        INTEGER NOT NULL DEFAULT 0;
ALTER TABLE session_calendar ADD COLUMN next_attempt_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE session_calendar ADD COLUMN gave_up         INTEGER NOT NULL DEFAULT 0 CHECK (gave_up IN (0, 1));
ALTER TABLE session_calendar ADD COLUMN last_error      TEXT    NOT NULL DEFAULT '';
UPDATE session_calendar SET synced_sequence = sequence;
CREATE INDEX session_calendar_due ON session_calendar (next_attempt_at)
  WHERE provider <> '' AND synced_sequence < sequence AND gave_up = 0;

-- Suggested times read from calendars: a mentee's `schedule` without a time
-- waits here, one row a pair, until the calendar worker has asked the
-- calendar service when both people are busy and sent the times (the row is
-- then erased). Claiming pushes next_attempt_at a lease ahead.
CREATE TABLE time_requests (
  pair_id         INTEGER PRIMARY KEY REFERENCES pairs (id),
  verb            TEXT    NOT NULL CHECK (verb IN ('schedule', 'reschedule')),
  minutes         INTEGER NOT NULL CHECK (minutes > 0),
  provider        TEXT    NOT NULL,
  requested_at    INTEGER NOT NULL,
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL
);
CREATE INDEX time_requests_due ON time_requests (next_attempt_at);

-- People enrolled in the program (or who once were), keyed by platform identity.
CREATE TABLE people (
  id           INTEGER PRIMARY KEY,
  platform     TEXT    NOT NULL CHECK (platform IN ('slack', 'teams', 'console')),
  workspace    TEXT    NOT NULL,
  user_id      TEXT    NOT NULL,
  display_name TEXT    NOT NULL,
  role         TEXT    NOT NULL CHECK (role IN ('mentor', 'mentee')),
  enrolment    TEXT    NOT NULL CHECK (enrolment IN ('active', 'left')),
  department   TEXT    NOT NULL DEFAULT '',
  level        INTEGER CHECK (level IS NULL OR level BETWEEN 1 AND 99),
  manager      TEXT    NOT NULL DEFAULT '',
  time_zone    TEXT    NOT NULL DEFAULT '',
  location     TEXT    NOT NULL DEFAULT '',
  background   TEXT    NOT NULL DEFAULT '',
  joined_at    INTEGER NOT NULL,
  left_at      INTEGER,
  UNIQUE (platform, workspace, user_id)
);
CREATE INDEX people_by_manager ON people (manager);

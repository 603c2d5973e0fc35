-- Files the bot hands over (an admin's export): kept until delivered or a
-- day old, and only for the person they were made for (owner_key).
CREATE TABLE stored_files (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: outbox rows and consent cards name files by id
  owner_key  TEXT    NOT NULL,
  name       TEXT    NOT NULL,
  media_type TEXT    NOT NULL,
  content    BLOB    NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX stored_files_created_at ON stored_files (created_at);

-- When each person's platform profile (time zone, name) was last looked up;
-- NULL = not yet, so the directory is asked once per person.
ALTER TABLE people ADD COLUMN profile_synced_at INTEGER;
CREATE INDEX people_to_sync ON people (platform, profile_synced_at);

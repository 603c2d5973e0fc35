-- A queued message may replace one already shown (the message whose button
-- was pressed): the platform's handle of that message, '' = a new message.
ALTER TABLE outbox ADD COLUMN replaces TEXT NOT NULL DEFAULT '';

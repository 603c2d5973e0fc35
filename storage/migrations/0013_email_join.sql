-- One person under several keys (a Slack member, an Entra ID user, a CSV
-- row known only by address) is joined by email, so the leadership-chain
-- rule can follow a manager one source knows to a person another source
-- lists. These lookups run for every step of a chain walk.
CREATE INDEX roster_by_email ON roster (email) WHERE email <> '';
CREATE INDEX people_by_email ON people (email) WHERE email <> '';

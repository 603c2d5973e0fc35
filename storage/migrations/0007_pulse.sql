-- The pulse survey: each participant rates a few statements 1-5 at kickoff
-- ("pre") and after their pair reached the target ("post"); the report shows
-- the mean shift per question. One answer per person, pair, phase, question.
CREATE TABLE pulse_answers (
  person_id INTEGER NOT NULL REFERENCES people (id),
  pair_id   INTEGER NOT NULL REFERENCES pairs (id),
  phase     TEXT    NOT NULL CHECK (phase IN ('pre', 'post')),
  question  INTEGER NOT NULL CHECK (question BETWEEN 1 AND 5),
  rating    INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  at        INTEGER NOT NULL,
  PRIMARY KEY (person_id, pair_id, phase, question)
);

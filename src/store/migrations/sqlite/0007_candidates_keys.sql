-- Candidate skills keyed by integers. Every skill URI is stored once, in
-- skill_key; the rows of candidate_skill_key name it by its id, which makes
-- each row a few bytes instead of a 70-byte URI in two B-trees (a bulk
-- import runs more than twice as fast). candidate_skill stays readable
-- under its old name and columns, as a view; writes go through
-- store_candidates_put, which takes skill ids from skill_key only. No
-- foreign keys on candidate_skill_key: checking each inserted row cost a
-- quarter of a bulk import; triggers do the delete side instead.
CREATE TABLE skill_key (
  id INTEGER PRIMARY KEY,
  uri TEXT NOT NULL UNIQUE
);
CREATE TABLE candidate_skill_key (
  candidate_id INTEGER NOT NULL,
  skill_id INTEGER NOT NULL,
  level INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (candidate_id, skill_id)
) WITHOUT ROWID;
INSERT INTO skill_key (uri) SELECT DISTINCT skill_uri FROM candidate_skill ORDER BY skill_uri;
INSERT INTO candidate_skill_key (candidate_id, skill_id, level)
  SELECT cs.candidate_id, k.id, cs.level FROM candidate_skill cs JOIN skill_key k ON k.uri = cs.skill_uri
  ORDER BY cs.candidate_id, k.id;
DROP TABLE candidate_skill;
CREATE INDEX candidate_skill_key_skill ON candidate_skill_key(skill_id);
CREATE VIEW candidate_skill (candidate_id, skill_uri, level) AS
  SELECT cs.candidate_id, k.uri, cs.level FROM candidate_skill_key cs JOIN skill_key k ON k.id = cs.skill_id;
CREATE TRIGGER candidate_delete AFTER DELETE ON candidate BEGIN
  DELETE FROM candidate_skill_key WHERE candidate_id = old.id;
END;
CREATE TRIGGER skill_key_no_delete_in_use BEFORE DELETE ON skill_key
WHEN EXISTS (SELECT 1 FROM candidate_skill_key WHERE skill_id = old.id) BEGIN
  SELECT RAISE(ABORT, 'skill_key row is in use');
END;

-- (SQLite: child tables WITHOUT ROWID, one B-tree fewer per row on import.)
-- Candidate profiles: the skills-only part that matching and aggregates use.
-- Identity and contact details live elsewhere, encrypted. external_id keys
-- profiles bulk-loaded from a partner NGO's system (techdiv import candidates).
CREATE TABLE candidate (
  id INTEGER PRIMARY KEY,
  external_id TEXT UNIQUE,
  remote TEXT NOT NULL DEFAULT 'any',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE candidate_skill (
  candidate_id INTEGER NOT NULL REFERENCES candidate(id) ON DELETE CASCADE,
  skill_uri TEXT NOT NULL,
  level INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (candidate_id, skill_uri)
) WITHOUT ROWID;
CREATE INDEX candidate_skill_uri ON candidate_skill(skill_uri);
CREATE TABLE candidate_language (
  candidate_id INTEGER NOT NULL REFERENCES candidate(id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  level TEXT NOT NULL,
  PRIMARY KEY (candidate_id, code)
) WITHOUT ROWID;
CREATE TABLE candidate_city (
  candidate_id INTEGER NOT NULL REFERENCES candidate(id) ON DELETE CASCADE,
  city TEXT NOT NULL,
  PRIMARY KEY (candidate_id, city)
) WITHOUT ROWID;

-- ESCO classification (skills, occupations, their relations, collections).
-- Labels are kept per language; language packs join on the concept URI.
CREATE TABLE esco_concept (
  uri TEXT PRIMARY KEY,
  kind INTEGER NOT NULL,
  skill_type TEXT,
  reuse_level TEXT,
  isco_group TEXT,
  code TEXT
);
CREATE TABLE esco_label (
  uri TEXT NOT NULL REFERENCES esco_concept(uri) ON DELETE CASCADE,
  lang TEXT NOT NULL,
  preferred TEXT NOT NULL,
  alt TEXT NOT NULL DEFAULT '',
  description TEXT,
  PRIMARY KEY (uri, lang)
);
CREATE TABLE esco_relation (
  occupation_uri TEXT NOT NULL,
  skill_uri TEXT NOT NULL,
  essential INTEGER NOT NULL,
  PRIMARY KEY (occupation_uri, skill_uri)
);
CREATE TABLE esco_collection (
  collection INTEGER NOT NULL,
  uri TEXT NOT NULL,
  PRIMARY KEY (collection, uri)
);

-- Job postings. The whole posting is kept as its JSON document (the domain's
-- jobs_to_json form); the columns below are copies for listing and filtering.
CREATE TABLE job (
  id INTEGER PRIMARY KEY,
  ext_key TEXT UNIQUE,
  org_key TEXT,
  status TEXT NOT NULL,
  lang TEXT NOT NULL,
  city TEXT,
  remote TEXT NOT NULL,
  occupation_uri TEXT,
  deadline TEXT,
  published_at TEXT,
  doc TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX job_status_city ON job(status, city);

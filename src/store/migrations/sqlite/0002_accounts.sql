-- Accounts, roles, sessions, consent, audit log and outbox.
-- Personal data is stored only as vault ciphertext (*_enc columns);
-- email_hash is a keyed blind index for look-ups. Times are Unix seconds.
CREATE TABLE organisation (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('employer', 'ngo')),
  created_at INTEGER NOT NULL
);

CREATE TABLE app_user (
  id INTEGER PRIMARY KEY,
  email_hash TEXT UNIQUE,
  email_enc TEXT,
  name_enc TEXT,
  pw_hash TEXT,
  lang TEXT NOT NULL DEFAULT 'en',
  created_at INTEGER NOT NULL,
  last_signin_at INTEGER,
  erased_at INTEGER
);

CREATE TABLE membership (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('candidate', 'ngo', 'employer', 'city', 'network', 'admin')),
  org_id INTEGER REFERENCES organisation(id) ON DELETE CASCADE,
  city_slug TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX membership_user ON membership(user_id);

CREATE TABLE session (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  csrf TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_seen INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX session_by_user ON session(user_id);

CREATE TABLE api_token (
  id INTEGER PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  user_id INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  role TEXT,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
);

CREATE TABLE password_reset (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  expires_at INTEGER NOT NULL,
  used_at INTEGER
);

CREATE TABLE invitation (
  token_hash TEXT PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  email_enc TEXT NOT NULL,
  created_by INTEGER,
  expires_at INTEGER NOT NULL,
  used_at INTEGER
);

CREATE TABLE consent (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  org_id INTEGER REFERENCES organisation(id) ON DELETE CASCADE,
  purpose TEXT NOT NULL,
  text_version TEXT NOT NULL,
  given_at INTEGER NOT NULL,
  withdrawn_at INTEGER
);
CREATE INDEX consent_user ON consent(user_id);

-- Append-only: no statement in the catalogue updates or deletes it, and
-- these triggers refuse it. No personal data in detail.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  actor_id INTEGER,
  subject_id INTEGER,
  action TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_subject ON audit_log(subject_id, at);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- user_id: the account a message concerns (erasure deletes its mail).
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  created_at INTEGER NOT NULL,
  user_id INTEGER REFERENCES app_user(id) ON DELETE CASCADE,
  rcpt_enc TEXT NOT NULL,
  subject_enc TEXT NOT NULL,
  body_enc TEXT NOT NULL,
  sent_at INTEGER
);

CREATE TABLE throttle (
  key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  locked_until INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

-- Anonymous aggregate counts that survive erasure.
CREATE TABLE stat_counter (
  name TEXT PRIMARY KEY,
  n INTEGER NOT NULL
);

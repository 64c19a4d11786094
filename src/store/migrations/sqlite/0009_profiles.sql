-- Candidate profiles as their owner edits them. Everything personal is
-- vault ciphertext: the profile document (it holds private accommodations),
-- the identity taken from an imported CV (name, contacts: the anonymiser's
-- known values), the text of an uploaded CV, the candidate's corrections to
-- the anonymised view, and the anonymised view they approved for
-- employers. Times are Unix seconds; updated_by is who saved last (the
-- candidate, or a partner organisation's counsellor acting for them).
CREATE TABLE profile (
  user_id INTEGER PRIMARY KEY REFERENCES app_user(id) ON DELETE CASCADE,
  doc_enc TEXT NOT NULL,
  identity_enc TEXT,
  cv_enc TEXT,
  marks_enc TEXT,
  approved_enc TEXT,
  approved_at INTEGER,
  version INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  updated_by INTEGER
);

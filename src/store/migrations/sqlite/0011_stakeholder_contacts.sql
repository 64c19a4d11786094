-- The contact person of a local-group stakeholder (name, e-mail, phone and
-- the date they agreed to be kept) is personal data: one vault ciphertext
-- per stakeholder record, never inside the record's JSON (which the plan
-- page and the exports read). Deleting the stakeholder deletes its contact.
CREATE TABLE stakeholder_contact (
  id INTEGER PRIMARY KEY,
  city_id INTEGER NOT NULL,
  kind TEXT NOT NULL DEFAULT 'stakeholder' CHECK (kind = 'stakeholder'),
  rec_id TEXT NOT NULL,
  contact_enc TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  updated_by INTEGER,
  UNIQUE (city_id, kind, rec_id),
  FOREIGN KEY (city_id, kind, rec_id) REFERENCES iap_record(city_id, kind, rec_id) ON DELETE CASCADE
);

-- Integrated Action Plan workspace: each record of a city's plan (problem,
-- objective, action, indicator, meeting, ...) as one JSON document, with a
-- version for optimistic concurrency between local-group members.
CREATE TABLE iap_record (
  city_id BIGINT NOT NULL REFERENCES city(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  rec_id TEXT NOT NULL,
  position INTEGER NOT NULL DEFAULT 0,
  doc TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (city_id, kind, rec_id)
);

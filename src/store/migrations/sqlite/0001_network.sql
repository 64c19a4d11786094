-- The network: partner cities and the shared calendar.
CREATE TABLE city (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  name_local TEXT NOT NULL,
  country TEXT NOT NULL,
  lang TEXT NOT NULL,
  population INTEGER NOT NULL DEFAULT 0,
  is_lead INTEGER NOT NULL DEFAULT 0,
  focus_en TEXT NOT NULL DEFAULT '',
  focus_local TEXT,
  partner TEXT
);

CREATE TABLE cal_event (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  city_id INTEGER REFERENCES city(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL,
  location TEXT,
  details TEXT,
  CHECK (ends_on >= starts_on)
);
CREATE INDEX cal_event_city ON cal_event(city_id, starts_on);

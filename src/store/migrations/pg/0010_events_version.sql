-- The network roadmap is edited by its coordinators: every calendar event
-- gets a version (a save over a stale version changes nothing) and, for
-- milestones and deadlines, whether it is done.
ALTER TABLE cal_event ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE cal_event ADD COLUMN done INTEGER NOT NULL DEFAULT 0;

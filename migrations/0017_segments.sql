-- Saved customer segments (客户分组, issue 12, `segments`): a name and a filter of the customer
-- list plus score conditions, stored as JSON and evaluated on every read, so a segment updates
-- itself. Ready-made segments live in code, not here. Deleting keeps the row (audit, campaigns
-- that used it) with `deleted_at` set.
CREATE TABLE segments (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    definition TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE UNIQUE INDEX segments_name ON segments (name) WHERE deleted_at IS NULL;

-- 0002 backups: where backups go, and one row per backup made (for "last verified backup" and
-- the 3-day warning). Paths are as the owner chose them; times are UTC RFC 3339 text.

CREATE TABLE backup_targets (
    id              INTEGER PRIMARY KEY,
    path            TEXT NOT NULL UNIQUE,
    label           TEXT NOT NULL DEFAULT '',
    added_at        TEXT NOT NULL,
    last_ok_at      TEXT,
    last_error      TEXT,            -- the error code, e.g. backup_target_missing
    last_error_at   TEXT
);

CREATE TABLE backups (
    id          INTEGER PRIMARY KEY,
    target_id   INTEGER REFERENCES backup_targets(id) ON DELETE SET NULL,
    path        TEXT NOT NULL,
    size        INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    verified_at TEXT,
    created_by  TEXT NOT NULL
);
CREATE INDEX backups_target ON backups(target_id, verified_at);

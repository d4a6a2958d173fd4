-- 0001 foundation: users, settings, the hash-chained audit log and customers.
-- Times are UTC RFC 3339 text. Money (later) is integer fen.

CREATE TABLE users (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: key slots name user ids
    username        TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name    TEXT NOT NULL,
    role            TEXT NOT NULL CHECK (role IN ('owner', 'manager', 'rep')),
    disabled        INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at      TEXT NOT NULL,
    last_login_at   TEXT,
    password_changed_at TEXT
);

CREATE TABLE settings (
    key         TEXT PRIMARY KEY,
    value       TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

-- Append-only: every row carries the hash of the previous one; UPDATE and DELETE are refused.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    actor_id    INTEGER,
    actor_name  TEXT NOT NULL,
    action      TEXT NOT NULL,
    subject     TEXT NOT NULL DEFAULT '',
    detail      TEXT NOT NULL DEFAULT '{}',
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log(at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;

CREATE TABLE customers (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL,
    gender          TEXT NOT NULL DEFAULT 'unknown' CHECK (gender IN ('male', 'female', 'unknown')),
    birthday        TEXT,            -- 'YYYY-MM-DD', or '--MM-DD' when the year is unknown
    email           TEXT,
    wechat_id       TEXT,
    qq              TEXT,
    province        TEXT,
    city            TEXT,
    address         TEXT,
    source_channel  TEXT,
    notes           TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    deleted_at      TEXT             -- in the recycle bin since
);
CREATE INDEX customers_created ON customers(created_at);
CREATE INDEX customers_name ON customers(name);

CREATE TABLE customer_phones (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    phone       TEXT NOT NULL,       -- E.164, e.g. +8613800138000
    label       TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX customer_phones_customer ON customer_phones(customer_id, position);
CREATE INDEX customer_phones_phone ON customer_phones(phone);

CREATE TABLE customer_nicks (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    platform    TEXT NOT NULL,       -- taobao, jd, pdd, wechat_shop, douyin, other
    nick        TEXT NOT NULL,
    UNIQUE (platform, nick)
);
CREATE INDEX customer_nicks_customer ON customer_nicks(customer_id);

CREATE TABLE customer_tags (
    customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    tag         TEXT NOT NULL,
    PRIMARY KEY (customer_id, tag)
) WITHOUT ROWID;
CREATE INDEX customer_tags_tag ON customer_tags(tag);

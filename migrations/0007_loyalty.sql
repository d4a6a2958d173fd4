-- 0007 loyalty: versioned rules, the append-only points ledger (+ a rebuildable balance cache),
-- member tiers with their history, coupons. Points are integers, money integer fen, times UTC.
-- customer_id columns here carry no foreign key on purpose: the ledger is append-only and must
-- outlive an import undo that removes the customers (and orders) it created — the sweep then
-- reverses those orders' points, so the customer's rows sum to 0. The recycle bin anonymises
-- (never deletes) a customer with loyalty rows.

-- One row per rule change; `rules` is the whole rule set as JSON (loyalty::rules::LoyaltyRules).
-- Earn rows point at the version they used, so a later change never touches earned points.
CREATE TABLE loyalty_rule_versions (
    id           INTEGER PRIMARY KEY,
    effective_at TEXT NOT NULL,
    rules        TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    created_at   TEXT NOT NULL
);
CREATE TRIGGER loyalty_rule_versions_no_update BEFORE UPDATE ON loyalty_rule_versions
BEGIN SELECT RAISE(ABORT, 'loyalty rule versions are append-only'); END;
CREATE TRIGGER loyalty_rule_versions_no_delete BEFORE DELETE ON loyalty_rule_versions
BEGIN SELECT RAISE(ABORT, 'loyalty rule versions are append-only'); END;

-- Every change of a customer's points is one row here, never updated or deleted. Corrections
-- are new rows: `reverses_id` (a refund or undo reversing an earn row), `lot_id` (an expiry
-- closing a lot). Positive rows are lots, consumed first-in first-out.
CREATE TABLE points_ledger (
    id               INTEGER PRIMARY KEY,
    customer_id      INTEGER NOT NULL,
    delta            INTEGER NOT NULL,
    reason           TEXT NOT NULL CHECK (reason IN ('earn', 'redeem', 'expire', 'adjust',
                         'reverse', 'bonus', 'compensation', 'transfer')),
    source           TEXT NOT NULL CHECK (source IN ('order', 'ticket', 'coupon', 'manual',
                         'job', 'merge')),
    source_id        INTEGER,
    rule_version_id  INTEGER REFERENCES loyalty_rule_versions(id),
    points_per_yuan  INTEGER,          -- the earn rate used (earn, and copied on reversals)
    multiplier_pct   INTEGER,          -- tier multiplier used, 100 = 1.0x
    base_fen         INTEGER,          -- the amount the points were computed from
    operator         TEXT NOT NULL,    -- user name, or 'job'
    operator_id      INTEGER REFERENCES users(id),
    note             TEXT NOT NULL DEFAULT '',
    ticket_id        INTEGER,
    at               TEXT NOT NULL,
    usable_from      TEXT NOT NULL,    -- lock period: not redeemable before
    expiry_kind      TEXT NOT NULL DEFAULT 'none'
                         CHECK (expiry_kind IN ('none', 'after_earning', 'inactivity')),
    expiry_months    INTEGER,
    expires_at       TEXT,             -- after_earning lots only
    lot_id           INTEGER REFERENCES points_ledger(id),
    reverses_id      INTEGER REFERENCES points_ledger(id),
    idempotency_key  TEXT NOT NULL UNIQUE
);
CREATE INDEX points_ledger_customer ON points_ledger(customer_id, id);
CREATE INDEX points_ledger_source ON points_ledger(source_id, source) WHERE source_id IS NOT NULL;
CREATE INDEX points_ledger_reverses ON points_ledger(reverses_id) WHERE reverses_id IS NOT NULL;
CREATE INDEX points_ledger_lot ON points_ledger(lot_id) WHERE lot_id IS NOT NULL;
CREATE INDEX points_ledger_expires ON points_ledger(expires_at) WHERE expires_at IS NOT NULL;
CREATE INDEX points_ledger_inactivity ON points_ledger(customer_id)
    WHERE expiry_kind = 'inactivity';
CREATE INDEX points_ledger_at ON points_ledger(at);
-- The reversal sweep reads earn rows of orders through this (smaller than the table).
CREATE INDEX points_ledger_order_earns ON points_ledger(source_id, id, customer_id, delta,
    idempotency_key) WHERE reason = 'earn' AND source = 'order';
CREATE TRIGGER points_ledger_no_update BEFORE UPDATE ON points_ledger
BEGIN SELECT RAISE(ABORT, 'the points ledger is append-only; add a correcting row'); END;
CREATE TRIGGER points_ledger_no_delete BEFORE DELETE ON points_ledger
BEGIN SELECT RAISE(ABORT, 'the points ledger is append-only; add a correcting row'); END;

-- Cached balance = sum of the customer's ledger rows, kept by this trigger in the same
-- transaction; rebuildable (loyalty::ledger::rebuild_balances) and checked by `laoke verify`.
CREATE TABLE points_balances (
    customer_id INTEGER PRIMARY KEY,
    balance     INTEGER NOT NULL
);
CREATE TRIGGER points_ledger_balance AFTER INSERT ON points_ledger
BEGIN
    INSERT INTO points_balances (customer_id, balance) VALUES (NEW.customer_id, NEW.delta)
    ON CONFLICT (customer_id) DO UPDATE SET balance = balance + NEW.delta;
END;

-- A customer's current tier (a projection of tier_history). `retained_until`: the tier is kept
-- until then, then re-evaluated (and lowered at most one level). `locked`: owner's choice.
CREATE TABLE customer_tiers (
    customer_id    INTEGER PRIMARY KEY,
    tier           TEXT NOT NULL,
    reached_at     TEXT NOT NULL,
    retained_until TEXT NOT NULL,
    locked         INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
    updated_at     TEXT NOT NULL
);

CREATE INDEX customer_tiers_retained ON customer_tiers(retained_until) WHERE locked = 0;

-- When tiers were last evaluated, and under which rule version: the job re-evaluates everyone
-- only after a rule change; otherwise only customers who may change (see loyalty::tiers).
CREATE TABLE loyalty_job_state (
    id                 INTEGER PRIMARY KEY CHECK (id = 1),
    tiers_rule_version INTEGER NOT NULL DEFAULT -1,
    tiers_evaluated_at TEXT NOT NULL DEFAULT '',
    orders_swept_max_id INTEGER NOT NULL DEFAULT 0
);

-- Orders the earn sweep must look at again: changed (status, amounts, customer) or deleted.
-- New orders are found by id above orders_swept_max_id, so inserts (the import's fast path)
-- fire nothing here.
CREATE TABLE loyalty_dirty_orders (order_id INTEGER PRIMARY KEY);
CREATE TRIGGER orders_loyalty_changed AFTER UPDATE OF status, paid_fen, shipping_fen,
    refunded_fen, customer_id, created_at ON orders
BEGIN INSERT OR IGNORE INTO loyalty_dirty_orders (order_id) VALUES (NEW.id); END;
CREATE TRIGGER orders_loyalty_deleted AFTER DELETE ON orders
BEGIN INSERT OR IGNORE INTO loyalty_dirty_orders (order_id) VALUES (OLD.id); END;

CREATE TABLE tier_history (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL,
    from_tier   TEXT,
    to_tier     TEXT NOT NULL,
    reason      TEXT NOT NULL CHECK (reason IN ('upgrade', 'downgrade', 'lock', 'unlock',
                    'merge')),
    spend_fen   INTEGER NOT NULL DEFAULT 0,
    operator    TEXT NOT NULL,
    at          TEXT NOT NULL
);
CREATE INDEX tier_history_customer ON tier_history(customer_id, id);
CREATE TRIGGER tier_history_no_update BEFORE UPDATE ON tier_history
BEGIN SELECT RAISE(ABORT, 'tier history is append-only'); END;

-- A coupon definition; grants are the coupons in customers' hands.
CREATE TABLE coupons (
    id                 INTEGER PRIMARY KEY,
    name               TEXT NOT NULL,
    kind               TEXT NOT NULL CHECK (kind IN ('threshold', 'percentage', 'fixed', 'gift')),
    threshold_fen      INTEGER NOT NULL DEFAULT 0 CHECK (threshold_fen >= 0),
    amount_fen         INTEGER NOT NULL DEFAULT 0 CHECK (amount_fen >= 0),
    percent_off        INTEGER NOT NULL DEFAULT 0 CHECK (percent_off BETWEEN 0 AND 100),
    cap_fen            INTEGER NOT NULL DEFAULT 0 CHECK (cap_fen >= 0),
    gift               TEXT NOT NULL DEFAULT '',
    min_spend_fen      INTEGER NOT NULL DEFAULT 0 CHECK (min_spend_fen >= 0),
    channel            TEXT,
    valid_from         TEXT NOT NULL,
    valid_to           TEXT NOT NULL,
    per_customer_limit INTEGER NOT NULL DEFAULT 1 CHECK (per_customer_limit >= 1),
    total_limit        INTEGER,
    created_by         TEXT NOT NULL,
    created_at         TEXT NOT NULL
);

CREATE TABLE coupon_grants (
    id           INTEGER PRIMARY KEY,
    coupon_id    INTEGER NOT NULL REFERENCES coupons(id),
    customer_id  INTEGER NOT NULL,
    source       TEXT NOT NULL CHECK (source IN ('manual', 'ticket')),
    ticket_id    INTEGER,
    issued_by    TEXT NOT NULL,
    issued_at    TEXT NOT NULL,
    used_at      TEXT,
    order_id     INTEGER REFERENCES orders(id) ON DELETE SET NULL,
    discount_fen INTEGER,
    voided_at    TEXT,
    voided_by    TEXT,
    void_reason  TEXT
);
CREATE INDEX coupon_grants_customer ON coupon_grants(customer_id, coupon_id);
CREATE INDEX coupon_grants_coupon ON coupon_grants(coupon_id);

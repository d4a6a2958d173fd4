-- 0003 orders and what comes with them: products and categories, per-customer purchase stats,
-- import batches (so a whole import can be undone), remembered column mappings, customer merges
-- (undoable for 30 days) and marketing consent (PIPL). Money is integer fen; times UTC RFC 3339.

-- A merged-away customer points at the one it was merged into (and is hidden from lists);
-- an erased customer keeps its row (order totals stay) but no personal data.
ALTER TABLE customers ADD COLUMN merged_into INTEGER REFERENCES customers(id);
ALTER TABLE customers ADD COLUMN erased_at TEXT;
CREATE INDEX customers_deleted ON customers(deleted_at) WHERE deleted_at IS NOT NULL;

CREATE TABLE categories (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL
);

-- Created from orders as they come in; (name, sku) identifies a product ('' when no SKU).
CREATE TABLE products (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    sku         TEXT NOT NULL DEFAULT '',
    category_id INTEGER REFERENCES categories(id),
    created_at  TEXT NOT NULL,
    UNIQUE (name, sku)
);

CREATE TABLE import_batches (
    id              INTEGER PRIMARY KEY,
    kind            TEXT NOT NULL CHECK (kind IN ('orders', 'customers')),
    file_name       TEXT NOT NULL,
    file_sha256     TEXT NOT NULL,
    preset          TEXT NOT NULL,
    created_by      TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    created_count   INTEGER NOT NULL DEFAULT 0,
    updated_count   INTEGER NOT NULL DEFAULT 0,
    skipped_count   INTEGER NOT NULL DEFAULT 0,
    rejected_count  INTEGER NOT NULL DEFAULT 0,
    undone_at       TEXT,
    undone_by       TEXT
);

CREATE TABLE orders (
    id              INTEGER PRIMARY KEY,
    customer_id     INTEGER REFERENCES customers(id),
    channel         TEXT NOT NULL CHECK (channel IN
                        ('taobao', 'tmall', 'jd', 'pdd', 'wechat_shop', 'douyin', 'in_store', 'other')),
    order_no        TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN
                        ('unpaid', 'paid', 'shipped', 'completed', 'partially_refunded', 'refunded',
                         'cancelled')),
    ordered_at      TEXT NOT NULL,
    paid_at         TEXT,
    goods_fen       INTEGER NOT NULL DEFAULT 0 CHECK (goods_fen >= 0),
    shipping_fen    INTEGER NOT NULL DEFAULT 0 CHECK (shipping_fen >= 0),
    discount_fen    INTEGER NOT NULL DEFAULT 0 CHECK (discount_fen >= 0),
    paid_fen        INTEGER NOT NULL DEFAULT 0 CHECK (paid_fen >= 0),
    refunded_fen    INTEGER NOT NULL DEFAULT 0 CHECK (refunded_fen >= 0 AND refunded_fen <= paid_fen),
    buyer_nick      TEXT,
    receiver_name   TEXT,
    receiver_phone  TEXT,            -- E.164; never a marketplace mask like 138****1234
    receiver_address TEXT,
    note            TEXT NOT NULL DEFAULT '',
    import_batch_id INTEGER REFERENCES import_batches(id),
    created_by      TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    UNIQUE (channel, order_no)
);
CREATE INDEX orders_customer ON orders(customer_id, ordered_at);
CREATE INDEX orders_ordered ON orders(ordered_at);
CREATE INDEX orders_no ON orders(order_no);
CREATE INDEX orders_batch ON orders(import_batch_id) WHERE import_batch_id IS NOT NULL;

CREATE TABLE order_items (
    id              INTEGER PRIMARY KEY,
    order_id        INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    position        INTEGER NOT NULL DEFAULT 0,
    product_id      INTEGER REFERENCES products(id),
    product_name    TEXT NOT NULL,
    sku             TEXT NOT NULL DEFAULT '',
    category        TEXT NOT NULL DEFAULT '',
    quantity        INTEGER NOT NULL CHECK (quantity > 0),
    unit_price_fen  INTEGER NOT NULL CHECK (unit_price_fen >= 0)
);
CREATE INDEX order_items_order ON order_items(order_id, position);
CREATE INDEX order_items_product ON order_items(product_id);

-- Derived from orders (the orders module keeps it current inside the same transaction), so lists
-- can filter and sort 100k customers by spend, order count and last order date. Rebuildable.
-- Counted orders: paid, shipped, completed, partially refunded. Spend = paid - refunded.
CREATE TABLE customer_stats (
    customer_id     INTEGER PRIMARY KEY REFERENCES customers(id) ON DELETE CASCADE,
    orders_count    INTEGER NOT NULL DEFAULT 0,
    spend_fen       INTEGER NOT NULL DEFAULT 0,
    first_order_at  TEXT,
    last_order_at   TEXT,
    top_category    TEXT
);
CREATE INDEX customer_stats_spend ON customer_stats(spend_fen);
CREATE INDEX customer_stats_last ON customer_stats(last_order_at);

-- What an import changed, so the whole batch can be undone: 'created' rows are removed,
-- 'updated' rows get `before` (JSON of the changed columns) back.
CREATE TABLE import_changes (
    id          INTEGER PRIMARY KEY,
    batch_id    INTEGER NOT NULL REFERENCES import_batches(id),
    entity      TEXT NOT NULL,       -- customer, customer_phone, customer_nick, order
    entity_id   INTEGER NOT NULL,
    action      TEXT NOT NULL CHECK (action IN ('created', 'updated')),
    before      TEXT
);
CREATE INDEX import_changes_batch ON import_changes(batch_id);

-- A column mapping the user confirmed, keyed by the normalised header row.
CREATE TABLE import_mappings (
    signature   TEXT PRIMARY KEY,
    kind        TEXT NOT NULL,
    mapping     TEXT NOT NULL,       -- JSON: field -> column header
    updated_at  TEXT NOT NULL
);

-- A merge stores both records exactly as they were (JSON) and what moved, so undo within
-- 30 days restores both.
CREATE TABLE customer_merges (
    id          INTEGER PRIMARY KEY,
    kept_id     INTEGER NOT NULL REFERENCES customers(id),
    merged_id   INTEGER NOT NULL REFERENCES customers(id),
    snapshot    TEXT NOT NULL,
    merged_by   TEXT NOT NULL,
    merged_at   TEXT NOT NULL,
    undone_at   TEXT,
    undone_by   TEXT
);
CREATE INDEX customer_merges_kept ON customer_merges(kept_id);

-- Marketing consent per channel (PIPL): append-only history; the latest row per channel wins.
CREATE TABLE customer_consents (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    channel     TEXT NOT NULL CHECK (channel IN ('sms', 'phone', 'wechat', 'email')),
    granted     INTEGER NOT NULL CHECK (granted IN (0, 1)),
    source      TEXT NOT NULL,       -- e.g. in_store_form, phone_call, import, withdrawal
    recorded_by TEXT NOT NULL,
    at          TEXT NOT NULL
);
CREATE INDEX customer_consents_customer ON customer_consents(customer_id, channel, at);
CREATE TRIGGER customer_consents_no_update BEFORE UPDATE ON customer_consents
BEGIN SELECT RAISE(ABORT, 'consent history is append-only'); END;

-- Refunds are append-only entries, like the points ledger: every refund recorded by hand, every
-- change of the refunded total an import brings, every correction is a new row (a correction
-- may be negative). `orders.refunded_fen` stays as the derived total, the sum of the order's
-- rows, kept by the one order writer (orders::write) in the same statement batch; `laoke
-- verify` reports orders where the two differ.
CREATE TABLE order_refunds (
    id              INTEGER PRIMARY KEY,
    order_id        INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    amount_fen      INTEGER NOT NULL CHECK (amount_fen <> 0),
    reason          TEXT NOT NULL DEFAULT '',
    -- manual: staff recorded it (refund or status "refunded"); import: the file's refunded
    -- total changed; demo: generated; undo: an import undo put the old total back;
    -- migrated: the total an order had before this table existed.
    source          TEXT NOT NULL CHECK (source IN ('manual', 'import', 'demo', 'undo', 'migrated')),
    import_batch_id INTEGER REFERENCES import_batches(id),
    actor           TEXT NOT NULL,
    at              TEXT NOT NULL
);
CREATE INDEX order_refunds_order ON order_refunds(order_id);

CREATE TRIGGER order_refunds_no_update BEFORE UPDATE ON order_refunds
BEGIN SELECT RAISE(ABORT, 'order refunds are append-only'); END;

-- One row per order that already had refunds: its total as it stood.
INSERT INTO order_refunds (order_id, amount_fen, reason, source, import_batch_id, actor, at)
SELECT id, refunded_fen, '', 'migrated', NULL, 'migration', updated_at
FROM orders WHERE refunded_fen > 0;

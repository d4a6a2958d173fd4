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

-- Segment conditions are `customers.id IN (subquery)` and walk these (segments::conditions):
-- customers by loyalty tier, items by category (→ their orders → customers), and the 老客 flag
-- of the scoring pass (a partial index: only the returning customers).
CREATE INDEX customer_tiers_tier ON customer_tiers (tier, customer_id);
CREATE INDEX order_items_category ON order_items (category, order_id);
CREATE INDEX customer_scores_returning ON customer_scores (customer_id) WHERE is_returning = 1;

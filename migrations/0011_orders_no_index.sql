-- Orders: drop the index on the order number alone. UNIQUE (channel, order_no) already has one,
-- and the only lookup by number without a channel (orders::find_by_no) now lists every channel,
-- which that index answers with one seek per channel. Searching inside numbers goes through the
-- order-number FTS index (0004). Every order written pays for each index it is in: on a
-- 1M-row first import this one cost ~1.3 s to rebuild (scripts/bench/import_floor.py) and
-- ~30 MB of store.
DROP INDEX IF EXISTS orders_no;

-- 0005 list indexes: the order and customer lists filter + sort + page on the server. An index
-- that starts with the sort column and carries the filter columns lets a page walk the index in
-- order, test the filters in the index itself and stop after the page (no table reads, no sort
-- of every match). The same indexes make the totals row (count and sums over the whole filter)
-- an index scan instead of a scan of the wide orders table. Plain indexes: nothing to go stale.

-- Sort by order time (the default): replaces orders_ordered, whose column it starts with.
CREATE INDEX orders_list_ordered ON orders(ordered_at, channel, status, paid_fen, refunded_fen);
DROP INDEX orders_ordered;
-- Sort by amount paid.
CREATE INDEX orders_list_paid ON orders(paid_fen, channel, status, ordered_at, refunded_fen);
-- Totals for a channel / status filter.
CREATE INDEX orders_list_channel ON orders(channel, status, ordered_at, paid_fen, refunded_fen);
-- Active customers by province.
CREATE INDEX customers_list_province ON customers(province, created_at)
    WHERE deleted_at IS NULL AND merged_into IS NULL AND erased_at IS NULL;
-- Sort customers by order count (spend and last order already have indexes).
CREATE INDEX customer_stats_orders ON customer_stats(orders_count);

-- Expiry (loyalty::expiry): the job now writes one `expire` row per customer per run (key
-- 'expire:{cutoff}:customer:{id}', lot_id = the newest lot it closes) instead of one per lot —
-- the mass-expiry day of the 100k-customer benchmark store went from 909,346 rows to 68,853.
-- No data changes: old per-lot rows ('expire:lot:{id}') keep their meaning (loyalty::lots).
--
-- Finding that day's candidates walks every lot expiring in the window: carrying the customer
-- (and only lots, delta > 0) in the expiry index makes that walk index-only instead of one table
-- row read per lot (909k). Same name and leading column, so every existing use keeps working.
DROP INDEX points_ledger_expires;
CREATE INDEX points_ledger_expires ON points_ledger(expires_at, customer_id)
    WHERE expires_at IS NOT NULL AND delta > 0;

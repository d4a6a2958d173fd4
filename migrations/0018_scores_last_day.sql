-- The scoring pass stores each customer's last counted order day instead of R (days since it,
-- as of the pass's day). R moved for every buyer every day, so each new day's pass rewrote some
-- 80,000 rows of the benchmark store; the day itself changes only with orders, so a new day's
-- pass now writes only the customers whose class, stage, window or quintiles changed
-- (`insight::write`). R is `as_of − last_order_day`, with `as_of` from the newest insight_runs row.
ALTER TABLE customer_scores ADD COLUMN last_order_day TEXT;
UPDATE customer_scores
SET last_order_day = date((SELECT as_of FROM insight_runs ORDER BY id DESC LIMIT 1),
                          '-' || r_days || ' days')
WHERE r_days IS NOT NULL;
ALTER TABLE customer_scores DROP COLUMN r_days;

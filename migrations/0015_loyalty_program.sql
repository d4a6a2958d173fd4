-- Loyalty switched on, and what it did with past orders (issue 17, loyalty::program). No row:
-- loyalty has always been on for every order (stores made before 0015 and by `Store::init`).
-- 'off': no order earns (corrections of points already earned still run). 'starting': switched
-- on, the past orders (ids done_to_id < id <= pending_to_id) still to earn in batches, one
-- transaction each, so the first run never holds the window and resumes after a crash. 'on':
-- orders paid from `earn_from` on earn (NULL: every order).
CREATE TABLE loyalty_program (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    state         TEXT NOT NULL CHECK (state IN ('off', 'starting', 'on')),
    past          TEXT NOT NULL DEFAULT 'all' CHECK (past IN ('none', 'all', 'months')),
    past_months   INTEGER,
    earn_from     TEXT,
    pending_to_id INTEGER NOT NULL DEFAULT 0,
    done_to_id    INTEGER NOT NULL DEFAULT 0,
    pending_total INTEGER NOT NULL DEFAULT 0,
    done_count    INTEGER NOT NULL DEFAULT 0,
    earned_orders INTEGER NOT NULL DEFAULT 0,
    earned_points INTEGER NOT NULL DEFAULT 0,
    changed_at    TEXT NOT NULL,
    changed_by    TEXT NOT NULL
);

-- The points reminder list as the job left it (loyalty::expiry::remember_in_tx): what is left of
-- each open lot expiring before `expiring_until`, summed per customer and expiry time, as of
-- ledger row `expiring_ledger_id`. Today reads it (an index range) instead of replaying every
-- ledger whose points come due; customers with newer ledger rows are replayed at read time.
CREATE TABLE loyalty_expiring (
    customer_id INTEGER NOT NULL,
    expires_at  TEXT NOT NULL,
    points      INTEGER NOT NULL,
    PRIMARY KEY (customer_id, expires_at)
) WITHOUT ROWID;
CREATE INDEX loyalty_expiring_at ON loyalty_expiring (expires_at, customer_id, points);
ALTER TABLE loyalty_job_state ADD COLUMN expiring_until TEXT NOT NULL DEFAULT '';
ALTER TABLE loyalty_job_state ADD COLUMN expiring_ledger_id INTEGER NOT NULL DEFAULT 0;

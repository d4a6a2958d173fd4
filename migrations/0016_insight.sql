-- The scoring pass of `insight` (issue 12): every customer's R, F, M over the RFM window, the
-- 8-class RFM class, quintile scores, lifecycle stage and 老客 flag, as of one shop day. One row
-- per live customer (prospects included), rewritten whole by each pass; `insight_runs` says as of
-- which day and with which parameters. The churn/value issue adds its columns here.
CREATE TABLE customer_scores (
    customer_id     INTEGER PRIMARY KEY REFERENCES customers(id) ON DELETE CASCADE,
    -- Days from the last counted order's shop day to the as-of day; NULL: never bought.
    r_days          INTEGER,
    -- Counted orders and net spend (paid − refunded, fen) inside the window.
    f_orders        INTEGER NOT NULL DEFAULT 0,
    m_fen           INTEGER NOT NULL DEFAULT 0,
    -- Counted orders ever (up to the as-of day): the stage and the 老客 flag read it.
    lifetime_orders INTEGER NOT NULL DEFAULT 0,
    -- One of the 8 class codes; NULL when the customer bought nothing inside the window.
    rfm_class       TEXT,
    -- Quintiles 1–5 among buyers in the window (5 = most recent / most / biggest); NULL as above.
    r_score         INTEGER,
    f_score         INTEGER,
    m_score         INTEGER,
    stage           TEXT NOT NULL CHECK (stage IN ('prospect', 'new', 'active', 'dormant', 'churned')),
    -- 老客 (two or more counted orders ever). Not `returning`: that is an SQLite keyword.
    is_returning    INTEGER NOT NULL DEFAULT 0 CHECK (is_returning IN (0, 1))
);
CREATE INDEX customer_scores_class ON customer_scores (rfm_class);
CREATE INDEX customer_scores_stage ON customer_scores (stage);

-- Each scoring pass: the as-of shop day, the parameters it used (JSON, medians resolved to the
-- lines applied) and how long it took. The newest row describes `customer_scores`.
CREATE TABLE insight_runs (
    id        INTEGER PRIMARY KEY,
    as_of     TEXT NOT NULL,
    scored_at TEXT NOT NULL,
    params    TEXT NOT NULL,
    customers INTEGER NOT NULL,
    millis    INTEGER NOT NULL,
    reason    TEXT NOT NULL,
    -- What the orders and customers looked like (counts and sums, `insight::pass::source_mark`):
    -- the periodic job re-scores when it differs or a new shop day began.
    source_mark TEXT NOT NULL DEFAULT ''
);

-- Class and stage of every customer who had bought by each month end (`month` = 'YYYY-MM',
-- scored as of its last shop day), so movement month to month is a join. Back-filled from order
-- history on the first pass; prospects are not stored (no row = prospect).
CREATE TABLE customer_class_months (
    month       TEXT NOT NULL,
    customer_id INTEGER NOT NULL,
    rfm_class   TEXT,
    stage       TEXT NOT NULL,
    PRIMARY KEY (month, customer_id)
) WITHOUT ROWID;
CREATE INDEX customer_class_months_customer ON customer_class_months (customer_id, month);

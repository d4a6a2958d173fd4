-- The year's official holiday arrangement as the shop entered it (issue 17): an .ics import or
-- the dates typed from the State Council notice. A year with rows here overrides the built-in
-- official schedule and the computed statutory days for that whole year (src/holidays/).
CREATE TABLE holiday_days (
    day         TEXT PRIMARY KEY,                      -- YYYY-MM-DD, shop-local
    year        INTEGER NOT NULL,                      -- the year of `day`
    kind        TEXT NOT NULL CHECK (kind IN ('off', 'work')),
    name        TEXT NOT NULL DEFAULT '',
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL
) WITHOUT ROWID;

CREATE INDEX holiday_days_year ON holiday_days (year);

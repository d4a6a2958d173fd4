-- An index on customers.merged_into, the foreign key a merged-away record keeps to the record it
-- was merged into (0003). Without it every DELETE of a customer (an import's undo removing the
-- customers it created, the recycle bin's purge) made SQLite's foreign-key check scan the whole
-- customers table for rows pointing at the deleted one, and the lookups "who was merged into
-- #42" (erasure, an import's undo check) scanned it too. Partial: only merged-away records have
-- the column set, a small minority, so the index stays tiny; `merged_into = ?` implies
-- `merged_into IS NOT NULL`, so SQLite uses it for those lookups and the foreign-key check.
CREATE INDEX customers_merged_into ON customers(merged_into) WHERE merged_into IS NOT NULL;

-- The weekly deep check of the newest backup (issue 17): the full `integrity_check` of the
-- decrypted copy, run in the background on top of the quick check done when it was written.
-- `deep_check_error` is NULL when the last deep check passed (src/backup/deep_check.rs).
ALTER TABLE backups ADD COLUMN deep_checked_at TEXT;
ALTER TABLE backups ADD COLUMN deep_check_error TEXT;

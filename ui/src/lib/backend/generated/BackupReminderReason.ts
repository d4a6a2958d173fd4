// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * Why the owner is reminded.
 */
export type BackupReminderReason = "noFolder" | "neverBackedUp" | "stale" | "deepCheckFailed";

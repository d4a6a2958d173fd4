// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * Which step a long operation is in.
 */
export type BackupPhase = "snapshot" | "encrypt" | "verify";

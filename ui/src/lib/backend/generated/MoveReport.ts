// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * Where the data went.
 */
export type MoveReport = { dataDir: string, 
/**
 * False when the old folder could not be removed after the move (the app then shows its
 * path; it holds only encrypted files).
 */
oldRemoved: boolean, oldDir: string, };

// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * What this user may do on the page, so the UI offers only working buttons.
 */
export type Abilities = { edit: boolean, 
/**
 * Contacts are masked and a reveal is possible.
 */
reveal: boolean, erase: boolean, merge: boolean, export: boolean, };

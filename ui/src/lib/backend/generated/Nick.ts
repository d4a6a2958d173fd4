// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * A buyer name on a marketplace (旺旺 on Taobao, a JD or PDD account…).
 */
export type Nick = { platform: string, nick: string, };

// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * Which field of a result the query was found in.
 */
export type MatchField = "name" | "email" | "wechat" | "phone" | "nick" | "orderNo";

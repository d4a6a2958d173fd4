// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * One customer's contacts in full.
 */
export type Contact = { customerId: number, 
/**
 * As shown to people allowed to see them: mainland numbers without +86.
 */
phones: Array<string>, address: string | null, };

// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

export type BirthdayRow = { customerId: number, customerName: string, 
/**
 * `MM-DD` or `YYYY-MM-DD` as stored, shown as typed.
 */
birthday: string, on: string, inDays: number, };

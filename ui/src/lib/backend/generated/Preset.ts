// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * Fixed lines as a platform publishes them.
 */
export type Preset = { id: string, zh: string, en: string, rDays: number, fOrders: number, mFen: number, };

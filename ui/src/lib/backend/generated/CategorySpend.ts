// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * Money spent in one category.
 */
export type CategorySpend = { category: string, spendFen: number, };

// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * A label set offered in the settings.
 */
export type LabelSet = { id: string, zh: string, en: string, };

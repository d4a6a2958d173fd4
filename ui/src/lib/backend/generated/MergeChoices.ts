// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * Which value wins where the two records differ. Fields not named keep the kept record's value.
 */
export type MergeChoices = { 
/**
 * API field names (see [`MERGE_FIELDS`]) whose value comes from the other record.
 */
takeFromOther: Array<string>, 
/**
 * Keep both records' notes (kept first).
 */
combineNotes: boolean, };

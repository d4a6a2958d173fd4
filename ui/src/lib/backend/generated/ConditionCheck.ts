// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * One condition of a segment and whether the customer meets it.
 */
export type ConditionCheck = { 
/**
 * e.g. "阶段 = 沉睡客户 ✔".
 */
zh: string, en: string, ok: boolean, };

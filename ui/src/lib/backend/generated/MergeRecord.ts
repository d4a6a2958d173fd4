// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * A merge as lists show it.
 */
export type MergeRecord = { id: number, keptId: number, mergedId: number, 
/**
 * Names at the time of the merge (kept, merged); empty once erased.
 */
keptName: string, mergedName: string, mergedBy: string, mergedAt: string, undoneAt: string | null, 
/**
 * Until when undo is possible; `None` once undone or erased.
 */
undoUntil: string | null, };

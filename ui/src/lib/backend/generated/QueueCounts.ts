// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * Sizes of the queues for the navigation.
 */
export type QueueCounts = { mine: number, unassigned: number, dueSoon: number, breached: number, waiting: number, open: number, };

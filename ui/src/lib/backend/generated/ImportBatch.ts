// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { ImportKind } from "./ImportKind";

/**
 * One import in the history list.
 */
export type ImportBatch = { id: number, kind: ImportKind, fileName: string, preset: string, createdBy: string, createdAt: string, created: number, updated: number, skipped: number, rejected: number, undoneAt: string | null, undoneBy: string | null, };

// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { FileFormat } from "./FileFormat";
import type { ImportKind } from "./ImportKind";
import type { ImportProblem } from "./ImportProblem";

/**
 * [`ImportReport`] as a window shows it (docs/IPC.md `ImportSummary`).
 */
export type ImportSummary = { batchId: number | null, dryRun: boolean, cancelled: boolean, fileName: string, format: FileFormat, encoding: string | null, preset: string, kind: ImportKind, rows: number, created: number, updated: number, skipped: number, rejected: number, customersCreated: number, customersUpdated: number, maskedPhones: number, problemsTotal: number, problems: Array<ImportProblem>, };

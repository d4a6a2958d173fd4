// The import wizard: inspect, preview (dry run), import, cancel, error workbook, history, undo
// and the template (src-tauri/src/commands/import.rs). Progress: `onImportProgress` in events.ts.
import { call } from "./transport";
import type { ImportBatch, ImportInspection, ImportMapping, ImportSummary, ImportUndoReport } from "./types";

export const importInspect = (a: { path: string; preset?: string }) => call<ImportInspection>("import_inspect", a);
/** Dry run: exactly what importing would do; nothing is kept. */
export const importPreview = (a: { path: string; preset?: string; mapping?: ImportMapping }) =>
  call<ImportSummary>("import_preview", a);
export const importRun = (a: { path: string; preset?: string; mapping?: ImportMapping }) =>
  call<ImportSummary>("import_run", a);
export const importCancel = () => call<null>("import_cancel");
/** Writes the rejected rows of the last preview / import to `path` (xlsx). */
export const importSaveErrors = (a: { path: string }) => call<number>("import_save_errors", a);
export const importList = () => call<ImportBatch[]>("import_list");
export const importUndo = (a: { batchId: number }) => call<ImportUndoReport>("import_undo", a);
export const importTemplate = (a: { path: string }) => call<number>("import_template", a);

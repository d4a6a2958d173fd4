// The import wizard: inspect, preview (dry run), import, cancel, error workbook, history, undo
// and the template (src-tauri/src/commands/import.rs). Progress: `onImportProgress` in events.ts.
import { call, type Args } from "./transport";

export const importInspect = (a: Args<"import_inspect">) => call("import_inspect", a);
/** Dry run: exactly what importing would do; nothing is kept. */
export const importPreview = (a: Args<"import_preview">) => call("import_preview", a);
export const importRun = (a: Args<"import_run">) => call("import_run", a);
export const importCancel = () => call("import_cancel");
/** Writes the rejected rows of the last preview / import to `path` (xlsx). */
export const importSaveErrors = (a: Args<"import_save_errors">) => call("import_save_errors", a);
export const importList = () => call("import_list");
export const importUndo = (a: Args<"import_undo">) => call("import_undo", a);
export const importTemplate = (a: Args<"import_template">) => call("import_template", a);

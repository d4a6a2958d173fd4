// The owner's data as a whole: moving the data folder, the full xlsx export
// (src-tauri/src/commands/data.rs).
import { call } from "./transport";
import type { ExportDone, MoveReport } from "./types";

/** Owner only: moves the data folder (copy, check, switch, then remove the old one). */
export const dataDirMove = (a: { path: string }) => call<MoveReport>("data_dir_move", a);
/** Owner only: every table into one xlsx workbook. */
export const exportFull = (a: { path: string }) => call<ExportDone>("export_full", a);

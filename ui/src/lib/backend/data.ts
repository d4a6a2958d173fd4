// The owner's data as a whole: moving the data folder, the full xlsx export
// (src-tauri/src/commands/data.rs).
import { call, type Args } from "./transport";

/** Owner only: moves the data folder (copy, check, switch, then remove the old one). */
export const dataDirMove = (a: Args<"data_dir_move">) => call("data_dir_move", a);
/** Owner only: every table into one xlsx workbook. */
export const exportFull = (a: Args<"export_full">) => call("export_full", a);

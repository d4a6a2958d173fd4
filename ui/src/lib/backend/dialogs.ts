// The native pickers (tauri-plugin-dialog: only `open` and `save` are granted). Not commands:
// they return a path the user chose, which the command files then pass to the core.
import { open, save } from "@tauri-apps/plugin-dialog";

/** The native folder picker (tauri-plugin-dialog); null when cancelled. */
export async function pickFolder(): Promise<string | null> {
  const picked = await open({ directory: true, multiple: false });
  return typeof picked === "string" ? picked : null;
}

/** The native file picker for a backup file; null when cancelled. */
export async function pickBackupFile(): Promise<string | null> {
  const picked = await open({ directory: false, multiple: false, filters: [{ name: "Laoke backup", extensions: ["laokebak"] }] });
  return typeof picked === "string" ? picked : null;
}

/** The native save dialog for an xlsx file; null when cancelled. Adds `.xlsx` when missing. */
export async function pickSaveXlsx(defaultName: string): Promise<string | null> {
  const picked = await save({ defaultPath: defaultName, filters: [{ name: "Excel", extensions: ["xlsx"] }] });
  if (typeof picked !== "string" || !picked) return null;
  return /\.xlsx$/i.test(picked) ? picked : `${picked}.xlsx`;
}

/** The native file picker for a spreadsheet to import; null when cancelled. */
export async function pickImportFile(): Promise<string | null> {
  const picked = await open({
    directory: false,
    multiple: false,
    filters: [{ name: "Excel / CSV", extensions: ["xlsx", "xls", "csv", "txt"] }],
  });
  return typeof picked === "string" ? picked : null;
}

/** The native file picker for an .ics calendar; null when cancelled. */
export async function pickIcsFile(): Promise<string | null> {
  const picked = await open({ directory: false, multiple: false, filters: [{ name: "iCalendar", extensions: ["ics"] }] });
  return typeof picked === "string" ? picked : null;
}

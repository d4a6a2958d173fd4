// Events the core's shell sends to the window (docs/IPC.md "Events"). Only this folder talks to
// Tauri; outside the app (plain browser, unit tests) listening is a no-op.
import { listen } from "@tauri-apps/api/event";
import type { BackupFinishedEvent, BackupProgressEvent, ImportProgress } from "./generated";

export type Unlisten = () => void;

function insideTauri(): boolean {
  return typeof window !== "undefined" && "__TAURI_INTERNALS__" in window;
}

async function on<T>(name: string, handler: (payload: T) => void): Promise<Unlisten> {
  if (!insideTauri()) return () => {};
  return listen<T>(name, (e) => handler(e.payload));
}

/** A backup's progress (several times a second while it runs). */
export const onBackupProgress = (h: (p: BackupProgressEvent) => void) => on("backup-progress", h);
/** A backup run ended (manual or the automatic daily one), with each target's outcome. */
export const onBackupFinished = (h: (p: BackupFinishedEvent) => void) => on("backup-finished", h);
/** The running import preview / import: progress several times a second. */
export const onImportProgress = (h: (p: ImportProgress) => void) => on("import-progress", h);

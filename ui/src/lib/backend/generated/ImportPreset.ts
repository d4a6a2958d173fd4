// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { Channel } from "./Channel";
import type { ImportKind } from "./ImportKind";

/**
 * A preset as the UI lists it.
 */
export type ImportPreset = { id: string, labelZh: string, labelEn: string, kind: ImportKind, channel: Channel | null, };

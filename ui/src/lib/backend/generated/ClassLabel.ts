// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { RfmClass } from "./RfmClass";

/**
 * One class's names and suggested action in a label set.
 */
export type ClassLabel = { code: RfmClass, zh: string, en: string, actionZh: string, actionEn: string, };

// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { ImportField } from "./ImportField";

/**
 * A field as the mapping screen lists it.
 */
export type ImportFieldInfo = { field: ImportField, labelZh: string, labelEn: string, required: boolean, };

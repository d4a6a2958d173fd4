// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { Field } from "./Field";

/**
 * A field as the mapping screen lists it.
 */
export type FieldInfo = { field: Field, labelZh: string, labelEn: string, required: boolean, };

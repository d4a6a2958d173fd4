// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { FieldInfo } from "./FieldInfo";
import type { FileFormat } from "./FileFormat";
import type { Mapping } from "./Mapping";
import type { MappingSource } from "./MappingSource";
import type { PresetInfo } from "./PresetInfo";
import type { TextEncoding } from "./TextEncoding";

/**
 * What the wizard shows after a file was chosen.
 */
export type Inspection = { fileName: string, format: FileFormat, encoding: TextEncoding | null, headers: Array<string>, headerRow: number, 
/**
 * The first few data rows, as text.
 */
sample: Array<Array<string>>, 
/**
 * The recognised (or chosen) preset, if any.
 */
preset: PresetInfo | null, mapping: Mapping, mappingSource: MappingSource, presets: Array<PresetInfo>, orderFields: Array<FieldInfo>, customerFields: Array<FieldInfo>, };

// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { FileFormat } from "./FileFormat";
import type { ImportFieldInfo } from "./ImportFieldInfo";
import type { ImportMapping } from "./ImportMapping";
import type { ImportPreset } from "./ImportPreset";
import type { MappingSource } from "./MappingSource";
import type { TextEncoding } from "./TextEncoding";

/**
 * What the wizard shows after a file was chosen.
 */
export type ImportInspection = { fileName: string, format: FileFormat, encoding: TextEncoding | null, headers: Array<string>, headerRow: number, 
/**
 * The first few data rows, as text.
 */
sample: Array<Array<string>>, 
/**
 * The recognised (or chosen) preset, if any.
 */
preset: ImportPreset | null, mapping: ImportMapping, mappingSource: MappingSource, presets: Array<ImportPreset>, orderFields: Array<ImportFieldInfo>, customerFields: Array<ImportFieldInfo>, };

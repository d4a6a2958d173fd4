// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { Channel } from "./Channel";
import type { ImportField } from "./ImportField";
import type { ImportKind } from "./ImportKind";

/**
 * A mapping as the UI edits it: field → column header (as in the file).
 */
export type ImportMapping = { kind: ImportKind, 
/**
 * Channel for all orders when no column says (orders only).
 */
channel: Channel | null, columns: { [key in ImportField]?: string }, };

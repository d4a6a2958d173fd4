// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { ConsentChannel } from "./ConsentChannel";

/**
 * The current choice for one channel; `granted: None` = never asked (no marketing).
 */
export type ConsentState = { channel: ConsentChannel, granted: boolean | null, at: string | null, source: string | null, };

// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { ConsentChannel } from "./ConsentChannel";

/**
 * One row of the history.
 */
export type ConsentEvent = { channel: ConsentChannel, granted: boolean, source: string, recordedBy: string, at: string, };

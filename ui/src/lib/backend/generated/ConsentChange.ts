// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { ConsentChannel } from "./ConsentChannel";

/**
 * One channel's new choice.
 */
export type ConsentChange = { channel: ConsentChannel, granted: boolean, };

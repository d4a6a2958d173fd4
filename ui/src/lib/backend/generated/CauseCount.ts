// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { RootCause } from "./RootCause";

export type CauseCount = { cause: RootCause, tickets: number, };

// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { SessionInfo } from "./SessionInfo";

export type DemoOpenResult = { session: SessionInfo, username: string, password: string, };

// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { Stage } from "./Stage";

export type StageCount = { code: Stage, customers: number, };

// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { MoveCell } from "./MoveCell";
import type { MoveKind } from "./MoveKind";

export type Movement = { kind: MoveKind, fromMonth: string, toMonth: string, cells: Array<MoveCell>, };

// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { RfmClass } from "./RfmClass";

export type ClassCount = { code: RfmClass, customers: number, share: number, spendFen: number, spendShare: number, };

// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { TableCount } from "./TableCount";

export type StoreInfo = { dataDir: string, schemaVersion: number, counts: Array<TableCount>, };

// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { Role } from "./Role";
import type { StoreKind } from "./StoreKind";

/**
 * The session as the UI sees it (docs/IPC.md `SessionInfo`).
 */
export type SessionInfo = { userId: number, username: string, displayName: string, role: Role, store: StoreKind, };

// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { Role } from "./Role";

export type User = { id: number, username: string, displayName: string, role: Role, disabled: boolean, createdAt: string, lastLoginAt: string | null, };

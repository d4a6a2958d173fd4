// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { Role } from "./Role";

/**
 * Someone a ticket can be assigned to.
 */
export type Assignee = { id: number, displayName: string, role: Role, };

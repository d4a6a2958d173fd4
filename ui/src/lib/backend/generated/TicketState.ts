// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

export type TicketState = "new" | "assigned" | "in_progress" | "waiting" | "resolved" | "closed" | "merged";

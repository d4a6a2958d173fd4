// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { EventKind } from "./EventKind";
import type { JsonValue } from "./serde_json/JsonValue";

export type TimelineEntry = { id: number, 
/**
 * The ticket the entry was written on (a merged ticket's entries show here too).
 */
ticketNo: string, kind: EventKind, at: string, actorName: string, body: string, detail: JsonValue, };

// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { MatchField } from "./MatchField";
import type { MatchKind } from "./MatchKind";

/**
 * What matched, as the user may see it (a rep sees a matched phone masked).
 */
export type SearchMatch = { field: MatchField, kind: MatchKind, text: string, };

// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { Lang } from "./Lang";

export type ReplyTemplate = { id: number, lang: Lang, title: string, body: string, };

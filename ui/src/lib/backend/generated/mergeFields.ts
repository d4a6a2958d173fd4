// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/** The fields a customer merge chooses between, in display order. */
export const MERGE_FIELDS = [
  "name",
  "gender",
  "birthday",
  "email",
  "wechatId",
  "qq",
  "province",
  "city",
  "address",
  "sourceChannel",
  "notes",
] as const;

export type MergeField = (typeof MERGE_FIELDS)[number];

// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/** Every `code` a command's error can carry (laoke::Error::code). */
export const ERROR_CODES = [
  "wrong_password",
  "user_disabled",
  "needs_password_reset",
  "bad_recovery_key",
  "store_missing",
  "store_exists",
  "store_too_new",
  "key_file_corrupt",
  "not_logged_in",
  "locked",
  "forbidden",
  "invalid_input",
  "conflict",
  "not_found",
  "io",
  "database",
  "internal",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * Root-cause category recorded at resolution (top causes in reports).
 */
export type RootCause = "product_defect" | "wrong_item" | "logistics" | "description" | "service" | "pricing" | "customer_misunderstanding" | "other";

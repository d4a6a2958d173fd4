// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

export type BackupListing = { path: string, fileName: string, size: number, createdAt: string | null, appVersion: string | null, schemaVersion: number | null, createdBy: string | null, storeId: string | null, counts: { [key in string]: number }, 
/**
 * A copy made by a sync client (OneDrive, Dropbox, 坚果云 …) when two computers wrote.
 */
conflictCopy: boolean, 
/**
 * Why the header could not be read (damaged, not a backup, newer format).
 */
problem: string | null, problemCode: string | null, 
/**
 * When this store recorded the file as written and verified ([`list_known`] only).
 */
verifiedAt: string | null, };

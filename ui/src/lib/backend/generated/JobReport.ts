// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { BirthdayReport } from "./BirthdayReport";
import type { ExpiryReport } from "./ExpiryReport";
import type { SyncReport } from "./SyncReport";
import type { TierReport } from "./TierReport";

export type JobReport = { tiers: TierReport, sync: SyncReport, expiry: ExpiryReport, birthday: BirthdayReport, };

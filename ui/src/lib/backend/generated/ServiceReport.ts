// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { CauseCount } from "./CauseCount";
import type { CompensationCost } from "./CompensationCost";
import type { Period } from "./Period";
import type { PeriodRow } from "./PeriodRow";

export type ServiceReport = { period: Period, from: string, to: string, rows: Array<PeriodRow>, topRootCauses: Array<CauseCount>, compensation: Array<CompensationCost>, };

// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { SearchMatch } from "./SearchMatch";

export type SearchCustomerHit = { id: number, name: string, 
/**
 * First phone; masked for reps.
 */
phone: string | null, province: string | null, city: string | null, ordersCount: number, spendFen: number, lastOrderAt: string | null, matched: SearchMatch, };

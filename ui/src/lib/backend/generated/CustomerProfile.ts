// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { Abilities } from "./Abilities";
import type { ConsentState } from "./ConsentState";
import type { CustomerRecord } from "./CustomerRecord";
import type { CustomerSummary } from "./CustomerSummary";
import type { MergeRecord } from "./MergeRecord";
import type { OrderPage } from "./OrderPage";

export type CustomerProfile = { customer: CustomerRecord, 
/**
 * Total spend, orders, average order, first/last order, favourite categories.
 */
stats: CustomerSummary, 
/**
 * The first page of the order timeline, newest first.
 */
orders: OrderPage, consent: Array<ConsentState>, 
/**
 * Merges into or out of this customer, newest first (undo while `undoUntil` is set).
 */
merges: Array<MergeRecord>, can: Abilities, };

// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { CategorySpend } from "./CategorySpend";

/**
 * Lifetime numbers for the customer 360 page (counted orders only; spend = paid − refunded).
 */
export type CustomerSummary = { totalSpendFen: number, ordersCount: number, 
/**
 * Rounded down to the fen; 0 without orders.
 */
averageOrderFen: number, firstOrderAt: string | null, lastOrderAt: string | null, 
/**
 * Top 3 categories by item value.
 */
favouriteCategories: Array<CategorySpend>, };

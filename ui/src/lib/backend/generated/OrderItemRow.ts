// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * One item line of an order.
 */
export type OrderItemRow = { productId: number | null, productName: string, sku: string, category: string, quantity: number, unitPriceFen: number, lineFen: number, };

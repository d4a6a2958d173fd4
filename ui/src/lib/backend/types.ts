// The types of the IPC contract are generated from the Rust ones into ./generated (ts-rs,
// `scripts/gen-ts.sh`; docs/IPC.md): every command's arguments and result, the events and the
// error codes. This file re-exports them and holds the UI's helpers over them; it declares no
// core type of its own.
import type { CustomerRows } from "./generated";

export type * from "./generated";
export { ERROR_CODES, MERGE_FIELDS } from "./generated";

/** One page of list rows (customers, orders): `hasMore` says whether another page exists
 *  before the totals arrive. The generated `CustomerRows` / `OrderRows` over any row type. */
export type RowsPage<T> = Omit<CustomerRows, "rows"> & { rows: T[] };

/** What the pager counts while the totals are still on their way: the pages seen so far. */
export const knownCount = (p: RowsPage<unknown>) => (p.page - 1) * p.pageSize + p.rows.length + (p.hasMore ? 1 : 0);

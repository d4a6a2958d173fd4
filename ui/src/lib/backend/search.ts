// The global search box, Ctrl+K (src-tauri/src/commands/search.rs).
import { call, type Args } from "./transport";

/** Global search (Ctrl+K): customers and orders as the user types. */
export const search = (a: Args<"search">) => call("search", a);

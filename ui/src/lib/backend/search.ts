// The global search box, Ctrl+K (src-tauri/src/commands/search.rs).
import { call } from "./transport";
import type { SearchResults } from "./types";

/** Global search (Ctrl+K): customers and orders as the user types. */
export const search = (a: { query: string }) => call<SearchResults>("search", a);

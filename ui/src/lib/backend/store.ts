// Choosing, creating and describing stores, the real one and the demo one
// (src-tauri/src/commands/store.rs).
import { call, type Args } from "./transport";
import type { StoreKind } from "./types";

export const storeSelect = (store: StoreKind) => call("store_select", { store });
export const storeInit = (a: Args<"store_init">) => call("store_init", a);
export const demoOpen = () => call("demo_open");
export const storeInfo = () => call("store_info");

// Choosing, creating and describing stores, the real one and the demo one
// (src-tauri/src/commands/store.rs).
import { call } from "./transport";
import type { AppStatus, DemoOpenResult, StoreInfo, StoreInitResult, StoreKind } from "./types";

export const storeSelect = (store: StoreKind) => call<AppStatus>("store_select", { store });
export const storeInit = (a: { username: string; displayName: string; password: string }) =>
  call<StoreInitResult>("store_init", a);
export const demoOpen = () => call<DemoOpenResult>("demo_open");
export const storeInfo = () => call<StoreInfo>("store_info");

import { invoke } from "@tauri-apps/api/core";
import { BackendError, toBackendError } from "./errors";

export type Args = Record<string, unknown>;

function insideTauri(): boolean {
  return typeof window !== "undefined" && "__TAURI_INTERNALS__" in window;
}

/**
 * Calls one Tauri command; rejections become BackendError. The only module that calls `invoke`.
 * There is no stand-in for the core: develop against the real app (`scripts/run-app.sh`, then
 * "try the demo store"); unit tests mock this module or the functions they need.
 */
export async function call<T>(command: string, args?: Args): Promise<T> {
  // Unit tests mock `invoke` (vi.mock("@tauri-apps/api/core")); anywhere else outside the window
  // there is nothing to answer.
  if (import.meta.env.MODE !== "test" && !insideTauri()) {
    throw new BackendError(
      "internal",
      "老客只能在它自己的窗口里运行：请用 scripts/run-app.sh 启动。 / Laoke runs only in its own window: start it with scripts/run-app.sh.",
    );
  }
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw toBackendError(e);
  }
}

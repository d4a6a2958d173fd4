import { invoke } from "@tauri-apps/api/core";
import { toBackendError } from "./errors";

export type Args = Record<string, unknown>;

function insideTauri(): boolean {
  return typeof window !== "undefined" && "__TAURI_INTERNALS__" in window;
}

/** Calls one Tauri command; rejections become BackendError. */
export async function call<T>(command: string, args?: Args): Promise<T> {
  // Development in a plain browser only: an in-memory stand-in for the core.
  // `import.meta.env.DEV` is false in production builds, so this branch and
  // the devFake module are dropped from the bundle.
  if (import.meta.env.DEV && import.meta.env.MODE !== "test" && !insideTauri()) {
    const { fakeInvoke } = await import("./devFake");
    try {
      return (await fakeInvoke(command, args ?? {})) as T;
    } catch (e) {
      throw toBackendError(e);
    }
  }
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw toBackendError(e);
  }
}

import { invoke } from "@tauri-apps/api/core";
import { BackendError, toBackendError } from "./errors";
import type { CommandName, Commands } from "./generated";

/** A command's arguments and result, as generated from its Rust signature (generated/commands.ts). */
export type Args<K extends CommandName> = Commands[K]["args"];
export type Result<K extends CommandName> = Commands[K]["result"];
/** No argument object for a command that takes none. */
type ArgList<K extends CommandName> = Args<K> extends Record<string, never> ? [] : [args: Args<K>];

function insideTauri(): boolean {
  return typeof window !== "undefined" && "__TAURI_INTERNALS__" in window;
}

/**
 * Calls one Tauri command; rejections become BackendError. The only module that calls `invoke`.
 * The command's name, arguments and result are checked against the Rust signatures.
 * There is no stand-in for the core: develop against the real app (`scripts/run-app.sh`, then
 * "try the demo store"); unit tests mock this module or the functions they need.
 */
export async function call<K extends CommandName>(command: K, ...args: ArgList<K>): Promise<Result<K>> {
  // Unit tests mock `invoke` (vi.mock("@tauri-apps/api/core")); anywhere else outside the window
  // there is nothing to answer.
  if (import.meta.env.MODE !== "test" && !insideTauri()) {
    throw new BackendError(
      "internal",
      "老客只能在它自己的窗口里运行：请用 scripts/run-app.sh 启动。 / Laoke runs only in its own window: start it with scripts/run-app.sh.",
    );
  }
  try {
    return await invoke<Result<K>>(command, args[0]);
  } catch (e) {
    throw toBackendError(e);
  }
}

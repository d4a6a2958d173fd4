// The one doorway from the UI to the core: one typed function per IPC command, in one file per
// command file of the shell (src-tauri/src/commands/<domain>.rs → <domain>.ts, same names).
// `transport.ts` is the only module that calls `invoke`; `events.ts` the only one that listens;
// `dialogs.ts` holds the native pickers. The types of every command's arguments and result, the
// events and the error codes are generated from the Rust ones into `generated/` (`scripts/gen-ts.sh`),
// re-exported by `types.ts`; `call` checks each command's name, arguments and result against them.

export * from "./types";
export { BackendError, toBackendError } from "./errors";
export { onBackupFinished, onBackupProgress, onImportProgress, type Unlisten } from "./events";
export * from "./dialogs";

export * from "./app";
export * from "./auth";
export * from "./backup";
export * from "./calendar";
export * from "./care";
export * from "./customers";
export * from "./data";
export * from "./import";
export * from "./insight";
export * from "./loyalty";
export * from "./orders";
export * from "./search";
export * from "./segments";
export * from "./settings";
export * from "./store";
export * from "./tickets";
export * from "./users";

// Every failure from the core reaches the UI as a BackendError { code, message }.
// `message` is already translated by the core; the UI branches on `code` only.

export class BackendError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = "BackendError";
    this.code = code;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** Turns whatever `invoke` rejects with into a BackendError. */
export function toBackendError(raw: unknown): BackendError {
  if (raw instanceof BackendError) return raw;
  if (isRecord(raw) && typeof raw.code === "string") {
    const message = typeof raw.message === "string" ? raw.message : "";
    return new BackendError(raw.code, message);
  }
  if (typeof raw === "string") {
    const trimmed = raw.trim();
    if (trimmed.startsWith("{")) {
      try {
        const parsed: unknown = JSON.parse(trimmed);
        if (isRecord(parsed) && typeof parsed.code === "string") return toBackendError(parsed);
      } catch {
        // not JSON: fall through and keep the text as the message
      }
    }
    return new BackendError("internal", trimmed);
  }
  if (raw instanceof Error) return new BackendError("internal", raw.message);
  return new BackendError("internal", "");
}

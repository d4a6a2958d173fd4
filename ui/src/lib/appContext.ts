import { createContext, useContext } from "react";
import type { AppStatus, SessionInfo } from "./backend";

export interface AppContextValue {
  status: AppStatus;
  /** Re-reads app_status from the core. */
  refresh: () => Promise<void>;
  setStatus: (status: AppStatus) => void;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error("useApp outside AppContext");
  return value;
}

/** The logged-in session; only for screens shown behind login. */
export function useSession(): SessionInfo {
  const { status } = useApp();
  if (!status.session) throw new Error("useSession without a session");
  return status.session;
}

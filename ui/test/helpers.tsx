import { App as AntApp } from "antd";
import type { ReactNode } from "react";
import { I18nProvider } from "../src/i18n";
import type { AppStatus } from "../src/lib/backend";
import { AppContext } from "../src/lib/appContext";

export const baseStatus: AppStatus = {
  dataDir: "/tmp/laoke",
  storeExists: true,
  demoExists: false,
  activeStore: "main",
  language: "zh-CN",
  idleLockMinutes: 10,
  session: null,
  locked: false,
};

export function Providers({ children, status = baseStatus }: { children: ReactNode; status?: AppStatus }) {
  return (
    <AntApp>
      <I18nProvider lang={status.language}>
        <AppContext.Provider value={{ status, refresh: async () => {}, setStatus: () => {} }}>{children}</AppContext.Provider>
      </I18nProvider>
    </AntApp>
  );
}

import { App as AntApp, Button, ConfigProvider, Result, Spin } from "antd";
import enUS from "antd/locale/en_US";
import zh_CN from "antd/locale/zh_CN";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import { useCallback, useEffect, useMemo, useState } from "react";
import { HashRouter } from "react-router-dom";
import { I18nProvider, translate } from "./i18n";
import { appStatus, toBackendError, type AppStatus, type Lang } from "./lib/backend";
import { AppContext, useApp, type AppContextValue } from "./lib/appContext";
import { LockScreen } from "./screens/auth/LockScreen";
import { Login } from "./screens/auth/Login";
import { MainLayout } from "./screens/MainLayout";
import { RecoveryKeyScreen } from "./screens/wizard/RecoveryKeyScreen";
import { Wizard } from "./screens/wizard/Wizard";
import { theme } from "./theme";

function applyLanguage(lang: Lang) {
  dayjs.locale(lang === "en" ? "en" : "zh-cn");
  document.documentElement.lang = lang;
  document.title = `${translate(lang, "brand.name")} ${translate(lang, "brand.latin")}`;
}

/** Picks the screen from AppStatus: wizard, login, lock or the app. */
function Screens({ status }: { status: AppStatus }) {
  // Kept here so the recovery key step survives the status refresh after store_init.
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const { refresh } = useApp();

  if (recoveryKey) {
    const done = async () => {
      // A new shop opens on its 工作台, not on the screen the sample shop was left on.
      window.location.hash = "#/dashboard";
      await refresh();
      setRecoveryKey(null);
    };
    return <RecoveryKeyScreen recoveryKey={recoveryKey} onDone={() => void done()} />;
  }
  if (!status.session) {
    if (!status.storeExists && status.activeStore === "main") return <Wizard onRecoveryKey={setRecoveryKey} />;
    return <Login />;
  }
  if (status.locked) return <LockScreen />;
  return (
    <HashRouter future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
      <MainLayout />
    </HashRouter>
  );
}

export default function App() {
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [startError, setStartError] = useState<{ code: string; message: string } | null>(null);

  const refresh = useCallback(async () => {
    try {
      setStatus(await appStatus());
      setStartError(null);
    } catch (e) {
      const err = toBackendError(e);
      setStartError({ code: err.code, message: err.message });
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const lang: Lang = status?.language ?? "zh-CN";
  useEffect(() => applyLanguage(lang), [lang]);

  const ctx = useMemo<AppContextValue | null>(() => (status ? { status, refresh, setStatus } : null), [status, refresh]);

  let body;
  if (ctx) {
    body = (
      <AppContext.Provider value={ctx}>
        <Screens status={ctx.status} />
      </AppContext.Provider>
    );
  } else if (startError) {
    body = (
      <Result
        status="error"
        title={translate(lang, "error.startTitle")}
        subTitle={startError.message || translate(lang, "error.generic")}
        extra={
          <Button type="primary" onClick={() => void refresh()}>
            {translate(lang, "common.retry")}
          </Button>
        }
      />
    );
  } else {
    body = (
      <div className="boot">
        <Spin size="large" />
      </div>
    );
  }

  return (
    <ConfigProvider locale={lang === "en" ? enUS : zh_CN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <I18nProvider lang={lang}>{body}</I18nProvider>
      </AntApp>
    </ConfigProvider>
  );
}

import { Segmented } from "antd";
import { useState } from "react";
import { useI18n } from "../i18n";
import { appSetLanguage, type Lang } from "../lib/backend";
import { useApp } from "../lib/appContext";
import { useErrorText } from "../lib/useErrorText";
import { App } from "antd";

/** 中文 / English toggle; the choice is kept by the core (app config). */
export function LanguageSwitch({ size = "middle" }: { size?: "small" | "middle" }) {
  const { lang, t } = useI18n();
  const { setStatus } = useApp();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const change = async (next: Lang) => {
    if (next === lang || busy) return;
    setBusy(true);
    try {
      setStatus(await appSetLanguage(next));
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Segmented<Lang>
      data-testid="lang-switch"
      size={size}
      value={lang}
      disabled={busy}
      onChange={(v) => void change(v)}
      options={[
        { value: "zh-CN", label: <span data-testid="lang-zh">{t("lang.zh")}</span> },
        { value: "en", label: <span data-testid="lang-en">{t("lang.en")}</span> },
      ]}
    />
  );
}

// Small typed i18n: t(key, vars) with {name} placeholders; language comes from AppStatus.
import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { Lang } from "../lib/backend/types";
import en from "./en";
import zhCN, { type MessageKey, type Messages } from "./zh-CN";

export type { MessageKey, Messages };

export const dictionaries: Record<Lang, Messages> = { "zh-CN": zhCN, en };

export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const text = dictionaries[lang][key] ?? zhCN[key] ?? key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

export function hasKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(zhCN, key);
}

interface I18nValue {
  lang: Lang;
  t: Translate;
}

const I18nContext = createContext<I18nValue>({
  lang: "zh-CN",
  t: (key, vars) => translate("zh-CN", key, vars),
});

export function I18nProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  const value = useMemo<I18nValue>(() => ({ lang, t: (key, vars) => translate(lang, key, vars) }), [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  return useContext(I18nContext);
}

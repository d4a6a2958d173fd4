// Names of classes and stages on screen. Class names come from the core's chosen label set
// (InsightOverview.labels on the Insight screen, useClassLabels elsewhere: Laoke's words or
// another platform's) and fall back to the UI's own (i18n insight.class.*) until they arrive.
import type { Translate } from "../../i18n";
import { RFM_CLASSES, STAGES, type ClassLabel, type Lang, type MoveKind, type RfmClass, type Stage } from "../../lib/backend";

const isClass = (s: string): s is RfmClass => (RFM_CLASSES as readonly string[]).includes(s);
const isStage = (s: string): s is Stage => (STAGES as readonly string[]).includes(s);

/** A class's name; `null` = no class (bought nothing inside the window). */
export function className(t: Translate, lang: Lang, code: string | null, labels?: ClassLabel[]): string {
  if (code === null) return t("insight.class.none");
  const own = labels?.find((l) => l.code === code);
  if (own) return lang === "en" ? own.en : own.zh;
  return isClass(code) ? t(`insight.class.${code}`) : code;
}

/** A stage's name; `null` = not yet a buyer at that month's end. */
export function stageName(t: Translate, code: string | null): string {
  if (code === null) return t("insight.stage.none");
  return isStage(code) ? t(`insight.stage.${code}`) : code;
}

/** A class's suggested action from the label set, or the UI's own words. */
export function classAction(t: Translate, lang: Lang, code: RfmClass, labels?: ClassLabel[]): string {
  const own = labels?.find((l) => l.code === code);
  if (own) return lang === "en" ? own.actionEn : own.actionZh;
  return t(`insight.action.${code}`);
}

/** A class or stage name, by movement kind ("none" in its short form: tables and chart nodes). */
export function codeName(t: Translate, lang: Lang, kind: MoveKind, code: string | null, labels?: ClassLabel[]): string {
  if (code === null) return t(kind === "class" ? "insight.class.noneShort" : "insight.stage.noneShort");
  return kind === "class" ? className(t, lang, code, labels) : stageName(t, code);
}

/** Tag colours: important classes warm, general ones cool; stages from fresh to gone. */
export const CLASS_COLOR: Record<RfmClass, string> = {
  important_value: "gold",
  important_keep: "orange",
  important_develop: "volcano",
  important_retain: "red",
  general_value: "cyan",
  general_keep: "blue",
  general_develop: "geekblue",
  general_retain: "purple",
};
export const STAGE_COLOR: Record<Stage, string> = {
  prospect: "default",
  new: "green",
  active: "cyan",
  dormant: "orange",
  churned: "red",
};

/** The same hues as hex, for charts (antd's preset colours at their 6th step). */
export const CLASS_HEX: Record<RfmClass, string> = {
  important_value: "#faad14",
  important_keep: "#fa8c16",
  important_develop: "#fa541c",
  important_retain: "#f5222d",
  general_value: "#13c2c2",
  general_keep: "#1677ff",
  general_develop: "#2f54eb",
  general_retain: "#722ed1",
};
export const STAGE_HEX: Record<Stage, string> = {
  prospect: "#8c8c8c",
  new: "#52c41a",
  active: "#13c2c2",
  dormant: "#fa8c16",
  churned: "#f5222d",
};
/** "None" (no class, not yet a buyer) in charts. */
export const NONE_HEX = "#bfbfbf";

/** A class's or stage's chart colour by code (unknown or null: grey). */
export function codeHex(code: string | null): string {
  if (code !== null && isClass(code)) return CLASS_HEX[code];
  if (code !== null && isStage(code)) return STAGE_HEX[code];
  return NONE_HEX;
}

/** 0.1234 → "12.3%". */
export const formatShare = (share: number) => `${(Math.round(share * 1000) / 10).toFixed(1)}%`;

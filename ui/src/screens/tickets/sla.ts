// SLA clock text for the queue and the ticket page. Pure (the caller passes "now"), so the
// wording at the edges — minutes left, breached, paused — is unit tested without a clock.
import type { Translate } from "../../i18n";
import type { SlaClock, TicketRow } from "../../lib/backend";

/** "2天 3小时", "5小时 12分钟", "12分钟" (or "2d 3h" …): the two largest units, at least minutes. */
export function formatDuration(t: Translate, secs: number): string {
  const mins = Math.max(0, Math.floor(Math.abs(secs) / 60));
  const d = Math.floor(mins / 1440);
  const h = Math.floor((mins % 1440) / 60);
  const m = mins % 60;
  const parts: string[] = [];
  if (d) parts.push(t("sla.d", { n: d }));
  if (h) parts.push(t("sla.h", { n: h }));
  if (!d && (m || !h)) parts.push(t("sla.m", { n: m }));
  return parts.slice(0, 2).join(" ");
}

export type ClockTone = "ok" | "warning" | "breached" | "muted";

export interface ClockView {
  text: string;
  tone: ClockTone;
}

/** A queue row's clock: wall-clock time to the earlier running due time (the core's `slaDueAt`,
 * already in business hours), or breached / paused / none; a resolved or closed ticket shows the
 * core's outcome (`slaOutcome`): met reads 已达成, not red; only a breach is red. */
export function rowClock(t: Translate, row: TicketRow, nowMs: number): ClockView {
  if (row.state === "closed" || row.state === "resolved") {
    if (row.slaOutcome === "breached") return { text: t("sla.breached"), tone: "breached" };
    return row.slaOutcome === "met" ? { text: t("sla.met"), tone: "muted" } : { text: t("sla.none"), tone: "muted" };
  }
  if (row.state === "merged") {
    return row.breached ? { text: t("sla.breached"), tone: "breached" } : { text: t("sla.none"), tone: "muted" };
  }
  if (!row.slaDueAt) {
    if (row.breached) return { text: t("sla.breached"), tone: "breached" };
    return row.state === "waiting" ? { text: t("sla.paused"), tone: "muted" } : { text: t("sla.none"), tone: "muted" };
  }
  const left = (Date.parse(row.slaDueAt) - nowMs) / 1000;
  if (left <= 0) return { text: t("sla.overdue", { d: formatDuration(t, -left) }), tone: "breached" };
  const text = t("sla.left", { d: formatDuration(t, left) });
  if (row.breached) return { text, tone: "breached" };
  return { text, tone: row.slaWarning ? "warning" : "ok" };
}

/** One window on the ticket page, in business time as the core evaluated it. */
export function clockView(t: Translate, c: SlaClock): ClockView {
  switch (c.state) {
    case "met":
      return { text: t("sla.met"), tone: "ok" };
    case "paused":
      return { text: t("sla.paused"), tone: "muted" };
    case "breached":
      return {
        text: c.elapsedSecs > c.targetSecs ? t("sla.overdue", { d: formatDuration(t, c.elapsedSecs - c.targetSecs) }) : t("sla.breached"),
        tone: "breached",
      };
    default:
      return {
        text: t("sla.left", { d: formatDuration(t, c.targetSecs - c.elapsedSecs) }),
        tone: c.state === "warning" ? "warning" : "ok",
      };
  }
}

export const TONE_COLOR: Record<ClockTone, string> = {
  ok: "#0f766e",
  warning: "#d46b08",
  breached: "#cf1322",
  muted: "#8c8c8c",
};

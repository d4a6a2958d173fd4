// Labels and tags for the service desk's vocabulary (codes from the core, words from i18n).
import { Tag } from "antd";
import type { MessageKey, Translate } from "../../i18n";
import type { Priority, TicketState } from "../../lib/backend";
import { TONE_COLOR, type ClockView } from "./sla";

export const lbl = (t: Translate, prefix: string, code: string) => t(`${prefix}.${code}` as MessageKey);

const STATE_COLORS: Record<TicketState, string> = {
  new: "blue",
  assigned: "geekblue",
  in_progress: "cyan",
  waiting: "gold",
  resolved: "green",
  closed: "default",
  merged: "default",
};

const PRIORITY_COLORS: Record<Priority, string> = { p1: "red", p2: "orange", p3: "default" };

export function StateTag({ t, state, testId }: { t: Translate; state: TicketState; testId?: string }) {
  return (
    <Tag color={STATE_COLORS[state]} bordered={false} data-testid={testId}>
      {lbl(t, "ticketState", state)}
    </Tag>
  );
}

export function PriorityTag({ t, priority }: { t: Translate; priority: Priority }) {
  return (
    <Tag color={PRIORITY_COLORS[priority]} bordered={false} title={lbl(t, "priority", priority)}>
      {priority.toUpperCase()}
    </Tag>
  );
}

export function Clock({ view, testId }: { view: ClockView; testId?: string }) {
  return (
    <span style={{ color: TONE_COLOR[view.tone], fontWeight: view.tone === "ok" || view.tone === "muted" ? 400 : 600 }} data-testid={testId} data-tone={view.tone}>
      {view.text}
    </span>
  );
}

// The assignee picker's options, shared by the new-ticket dialog and the ticket page: "nobody"
// first, then the acting user as "name (me)", then colleagues with their role. The list itself
// comes from the core (tickets_assignees: active users only, every role may read it).
import type { Translate } from "../../i18n";
import type { Assignee } from "../../lib/backend";

/** The option value that stands for "unassigned" (user ids start at 1). */
export const NOBODY = 0;

export interface AssigneeOption {
  value: number;
  label: string;
}

export function assigneeOptions(t: Translate, list: Assignee[], me: number, current?: { id: number; name: string } | null): AssigneeOption[] {
  const options: AssigneeOption[] = [{ value: NOBODY, label: t("newTicket.unassigned") }];
  const mine = list.find((a) => a.id === me);
  if (mine) options.push({ value: mine.id, label: t("newTicket.me", { name: mine.displayName }) });
  for (const a of list) {
    if (a.id !== me) options.push({ value: a.id, label: `${a.displayName} · ${t(`role.${a.role}`)}` });
  }
  // A ticket may still be with someone since disabled: keep them visible as the current value.
  if (current && !options.some((o) => o.value === current.id)) options.push({ value: current.id, label: current.name });
  return options;
}

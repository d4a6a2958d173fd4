// One ticket: header (number, customer → 360, order, type, channel, priority, state, assignee —
// changed with the same picker as the new-ticket dialog — tags), both SLA clocks, the actions the state machine allows (the core refuses the rest and its
// message is shown), the timeline with who/when, add note / call / message with a 话术 picker
// (placeholders filled by the core), resolve with CSAT and compensation, reopen, merge.
import { ArrowLeftOutlined, MergeCellsOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Descriptions, Input, Modal, Progress, Segmented, Select, Space, Spin, Tag, Timeline, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import { useI18n } from "../../i18n";
import { useSession } from "../../lib/appContext";
import {
  parseTicketNo,
  ticketNo,
  ticketsAddEntry,
  ticketsAssign,
  ticketsAssignees,
  ticketsGet,
  ticketsMerge,
  ticketsRenderTemplate,
  ticketsSetState,
  ticketsTemplates,
  type Assignee,
  type ReplyTemplate,
  type SlaClock,
  type TicketDetail,
  type TicketState,
  type TimelineEntry,
} from "../../lib/backend";
import { formatDateTime } from "../../lib/format";
import { formatYuan } from "../../lib/money";
import { useErrorText } from "../../lib/useErrorText";
import { assigneeOptions, NOBODY } from "./assignees";
import { announceChange } from "./changes";
import { Clock, lbl, PriorityTag, StateTag } from "./labels";
import { ResolveDialog } from "./ResolveDialog";
import { clockView, TONE_COLOR } from "./sla";

type EntryKind = "note" | "call" | "message";

function SlaCard({ title, clock, breachedBefore, testId }: { title: string; clock: SlaClock; breachedBefore: boolean; testId: string }) {
  const { t } = useI18n();
  const view = clockView(t, clock);
  return (
    <div className="ticket-sla" data-testid={testId}>
      <Typography.Text type="secondary">{title}</Typography.Text>
      <div style={{ fontSize: 18 }}>
        <Clock view={view} testId={`${testId}-text`} />
      </div>
      <Progress percent={Math.min(100, clock.percentUsed)} showInfo={false} size="small" strokeColor={TONE_COLOR[view.tone]} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t("sla.used", { p: clock.percentUsed })}
        {clock.dueAt && clock.state !== "met" ? ` · ${t("sla.dueAt", { t: formatDateTime(clock.dueAt) })}` : ""}
      </Typography.Text>
      {breachedBefore && clock.state !== "breached" && (
        <div>
          <Tag color="red" bordered={false}>
            {t("sla.breachKept")}
          </Tag>
        </div>
      )}
    </div>
  );
}

function entryText(t: ReturnType<typeof useI18n>["t"], e: TimelineEntry, names: Map<number, string>): { title: string; body: string } {
  const d = (e.detail ?? {}) as Record<string, unknown>;
  switch (e.kind) {
    case "state": {
      const state = (v: unknown) => (typeof v === "string" ? lbl(t, "ticketState", v) : "—");
      return { title: t("ticket.event.state", { from: state(d.from), to: state(d.to) }), body: e.body };
    }
    case "assignee": {
      // The core records user ids and adds their display names (fromName / toName).
      const name = (v: unknown, n: unknown) =>
        typeof n === "string" && n ? n : typeof v === "number" ? (names.get(v) ?? `#${v}`) : t("ticket.nobody");
      return { title: t("ticket.event.assignee", { from: name(d.from, d.fromName), to: name(d.to, d.toName) }), body: e.body };
    }
    case "merge": {
      const other = typeof d.into === "number" ? `→ ${ticketNo(d.into)}` : typeof d.from === "number" ? `← ${ticketNo(d.from)}` : "";
      return { title: `${t("ticket.event.merge")} ${other}`, body: e.body };
    }
    default:
      return { title: t(`ticket.event.${e.kind}`), body: e.body };
  }
}

export function TicketPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { id } = useParams();
  const navigate = useNavigate();
  const session = useSession();
  const errorText = useErrorText();
  const [ticket, setTicket] = useState<TicketDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [kind, setKind] = useState<EntryKind>("note");
  const [body, setBody] = useState("");
  const [templates, setTemplates] = useState<ReplyTemplate[]>([]);
  const [resolving, setResolving] = useState(false);
  const [merging, setMerging] = useState(false);
  const [mergeInto, setMergeInto] = useState("");
  const [assignees, setAssignees] = useState<Assignee[]>([]);

  const load = useCallback(async () => {
    try {
      setTicket(await ticketsGet(Number(id)));
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, [id, errorText]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    ticketsAssignees()
      .then(setAssignees)
      .catch(() => setAssignees([]));
  }, []);

  useEffect(() => {
    ticketsTemplates()
      .then(setTemplates)
      .catch(() => setTemplates([]));
  }, []);

  const act = async (f: () => Promise<TicketDetail>) => {
    setBusy(true);
    try {
      setTicket(await f());
      setActionError(null);
      announceChange();
      return true;
    } catch (e) {
      setActionError(errorText(e));
      return false;
    } finally {
      setBusy(false);
    }
  };

  if (error) {
    return (
      <div className="page" data-testid="page-ticket">
        <Alert type="error" showIcon message={error} />
      </div>
    );
  }
  if (!ticket) {
    return (
      <div className="page boot" data-testid="page-ticket">
        <Spin />
      </div>
    );
  }

  const r = ticket.row;
  const names = new Map<number, string>([[session.userId, session.displayName]]);
  if (r.assigneeId !== null && r.assigneeName) names.set(r.assigneeId, r.assigneeName);
  const moves = ticket.nextStates.filter((s) => s !== "resolved");
  const canResolve = ticket.nextStates.includes("resolved");
  const open = r.state !== "closed" && r.state !== "merged";

  const addEntry = async () => {
    if (!body.trim()) return;
    const ok = await act(() => ticketsAddEntry(r.id, kind, body));
    if (ok) {
      setBody("");
      void message.success(t("ticket.saved"));
    }
  };

  const applyTemplate = async (templateId: number) => {
    try {
      setBody(await ticketsRenderTemplate(templateId, r.id));
      if (kind === "note") setKind("message");
    } catch (e) {
      setActionError(errorText(e));
    }
  };

  const doMerge = async () => {
    const into = parseTicketNo(mergeInto);
    if (into === null) {
      setActionError(t("merge.badNo"));
      return;
    }
    const ok = await act(() => ticketsMerge(r.id, into));
    if (ok) {
      setMerging(false);
      void message.success(t("merge.done"));
      navigate(`/tickets/${into}`);
    }
  };

  const moveLabel = (s: TicketState) => (r.state === "resolved" && s === "in_progress" ? t("ticket.reopen") : t("ticket.move", { s: lbl(t, "ticketState", s) }));

  return (
    <div className="page" data-testid="page-ticket">
      <div className="page-head">
        <Space align="center" wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate("/tickets")} data-testid="ticket-back" aria-label={t("ticket.back")} />
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="ticket-title">
            <span className="mono">{r.no}</span> {r.subject}
          </Typography.Title>
          <StateTag t={t} state={r.state} testId="ticket-state" />
          <PriorityTag t={t} priority={r.priority} />
        </Space>
        <Space wrap>
          {r.assigneeId !== session.userId && open && r.state !== "resolved" && (
            <Button disabled={busy} onClick={() => void act(() => ticketsAssign(r.id, session.userId))} data-testid="ticket-assign-me">
              {t("ticket.assignMe")}
            </Button>
          )}
          {moves.map((s) => (
            <Button key={s} disabled={busy} onClick={() => void act(() => ticketsSetState(r.id, s, ""))} data-testid={`ticket-to-${s}`}>
              {moveLabel(s)}
            </Button>
          ))}
          {canResolve && (
            <Button type="primary" disabled={busy} onClick={() => setResolving(true)} data-testid="ticket-resolve">
              {t("ticket.resolve")}
            </Button>
          )}
          {open && (
            <Button icon={<MergeCellsOutlined />} disabled={busy} onClick={() => setMerging(true)} data-testid="ticket-merge">
              {t("ticket.merge")}
            </Button>
          )}
        </Space>
      </div>
      {actionError && <Alert type="error" showIcon closable message={actionError} onClose={() => setActionError(null)} style={{ marginBottom: 12 }} data-testid="ticket-error" />}
      {ticket.mergedInto && <Alert type="info" showIcon message={t("ticket.mergedInto", { no: ticket.mergedInto })} style={{ marginBottom: 12 }} />}
      {ticket.mergedFrom.length > 0 && <Alert type="info" showIcon message={t("ticket.mergedFrom", { list: ticket.mergedFrom.join("、") })} style={{ marginBottom: 12 }} />}
      <div className="ticket-grid" style={{ display: "grid", gridTemplateColumns: "minmax(0, 2fr) minmax(280px, 1fr)", gap: 16 }}>
        <div>
          <Card variant="borderless" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={2} data-testid="ticket-header">
              <Descriptions.Item label={t("ticket.customer")}>
                <Link to={`/customers/${r.customerId}`} data-testid="ticket-customer">
                  {r.customerName}
                </Link>
              </Descriptions.Item>
              <Descriptions.Item label={t("ticket.order")}>
                {ticket.orderId ? (
                  <Link to={`/orders/${ticket.orderId}`} className="mono">
                    {ticket.orderNo}
                  </Link>
                ) : (
                  t("common.none")
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t("ticket.type")}>{lbl(t, "ticketType", r.ticketType)}</Descriptions.Item>
              <Descriptions.Item label={t("ticket.channel")}>{lbl(t, "ticketChannel", r.channel)}</Descriptions.Item>
              <Descriptions.Item label={t("ticket.priority")}>{lbl(t, "priority", r.priority)}</Descriptions.Item>
              <Descriptions.Item label={t("ticket.assignee")}>
                {open && r.state !== "resolved" ? (
                  <Select<number>
                    size="small"
                    variant="borderless"
                    value={r.assigneeId ?? NOBODY}
                    disabled={busy}
                    onChange={(v) => void act(() => ticketsAssign(r.id, v === NOBODY ? null : v))}
                    options={assigneeOptions(t, assignees, session.userId, r.assigneeId !== null ? { id: r.assigneeId, name: r.assigneeName ?? `#${r.assigneeId}` } : null)}
                    style={{ minWidth: 150 }}
                    popupMatchSelectWidth={false}
                    aria-label={t("ticket.changeAssignee")}
                    data-testid="ticket-assignee-select"
                  />
                ) : (
                  <span data-testid="ticket-assignee">{r.assigneeName ?? t("tickets.unassigned")}</span>
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t("ticket.created")}>{formatDateTime(r.createdAt)}</Descriptions.Item>
              <Descriptions.Item label={t("ticket.tags")}>
                {r.tags.length ? r.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) : t("common.none")}
              </Descriptions.Item>
            </Descriptions>
            {ticket.description && (
              <>
                <Typography.Text type="secondary">{t("ticket.description")}</Typography.Text>
                <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginTop: 4 }}>{ticket.description}</Typography.Paragraph>
              </>
            )}
          </Card>
          {open && (
            <Card variant="borderless" title={t("ticket.add")} style={{ marginBottom: 16 }}>
              <Space style={{ marginBottom: 8 }} wrap>
                <Segmented<EntryKind>
                  value={kind}
                  onChange={setKind}
                  options={(["note", "call", "message"] as const).map((k) => ({ value: k, label: t(`ticket.entry.${k}`) }))}
                  data-testid="ticket-entry-kind"
                />
                <Select
                  style={{ width: 260 }}
                  placeholder={t("ticket.templatePick")}
                  value={null}
                  onChange={(v: number) => void applyTemplate(v)}
                  options={templates.map((tp) => ({ value: tp.id, label: tp.title }))}
                  data-testid="ticket-template"
                  showSearch
                  optionFilterProp="label"
                />
              </Space>
              <Input.TextArea
                value={body}
                onChange={(e) => setBody(e.target.value)}
                autoSize={{ minRows: 3, maxRows: 10 }}
                placeholder={t("ticket.entry.placeholder")}
                onKeyDown={(e) => {
                  if ((e.ctrlKey || e.metaKey) && e.key === "Enter") {
                    e.preventDefault();
                    void addEntry();
                  }
                }}
                data-testid="ticket-entry-body"
              />
              <div style={{ textAlign: "right", marginTop: 8 }}>
                <Button type="primary" disabled={busy || !body.trim()} onClick={() => void addEntry()} data-testid="ticket-entry-save">
                  {t("ticket.save")}
                </Button>
              </div>
            </Card>
          )}
          <Card variant="borderless" title={t("ticket.timeline")}>
            <Timeline
              data-testid="ticket-timeline"
              items={[...ticket.timeline].reverse().map((e) => {
                const text = entryText(t, e, names);
                return {
                  color: e.kind === "resolution" ? "green" : e.kind === "state" || e.kind === "assignee" ? "gray" : "blue",
                  children: (
                    <div data-testid="timeline-entry" data-kind={e.kind}>
                      <Typography.Text strong>{e.actorName}</Typography.Text> <Typography.Text>{text.title}</Typography.Text>{" "}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(e.at)}
                        {e.ticketNo !== r.no ? ` · ${t("ticket.fromMerged", { no: e.ticketNo })}` : ""}
                      </Typography.Text>
                      {text.body && <div style={{ whiteSpace: "pre-wrap" }}>{text.body}</div>}
                    </div>
                  ),
                };
              })}
            />
          </Card>
        </div>
        <div>
          <Card variant="borderless" style={{ marginBottom: 16 }}>
            <Space direction="vertical" style={{ width: "100%" }} size={16}>
              <SlaCard title={t("sla.firstResponse")} clock={ticket.firstResponse} breachedBefore={ticket.firstResponseBreached} testId="ticket-sla-first" />
              <SlaCard title={t("sla.resolution")} clock={ticket.resolution} breachedBefore={ticket.resolutionBreached} testId="ticket-sla-resolution" />
            </Space>
          </Card>
          <Card variant="borderless" title={t("ticket.resolution")} data-testid="ticket-resolution">
            {ticket.resolvedAt ? (
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t("ticket.csat")}>
                  <span data-testid="ticket-csat">{ticket.csat ?? t("common.none")}</span>
                  {ticket.csatReason ? ` · ${lbl(t, "csatReason", ticket.csatReason)}` : ""}
                </Descriptions.Item>
                <Descriptions.Item label={t("ticket.rootCause")}>{ticket.rootCause ? lbl(t, "rootCause", ticket.rootCause) : t("rootCause.none")}</Descriptions.Item>
                <Descriptions.Item label={t("ticket.compensation")}>
                  <span data-testid="ticket-compensation">
                    {ticket.compensations.length
                      ? ticket.compensations
                          .map((c) =>
                            c.kind === "points"
                              ? t("ticket.pointsComp", { points: String(c.amountFen), note: c.note })
                              : c.kind === "coupon"
                                ? t("ticket.couponComp", { note: c.note })
                                : t("ticket.refundNote", { amount: formatYuan(c.amountFen), note: c.note }),
                          )
                          .join("；")
                      : t("common.none")}
                  </span>
                </Descriptions.Item>
                {ticket.resolutionNote && <Descriptions.Item label={t("resolve.note")}>{ticket.resolutionNote}</Descriptions.Item>}
              </Descriptions>
            ) : (
              <Typography.Text type="secondary">{t("ticket.noResolution")}</Typography.Text>
            )}
          </Card>
        </div>
      </div>
      {resolving && (
        <ResolveDialog
          ticket={ticket}
          onClose={() => setResolving(false)}
          onDone={(d) => {
            setTicket(d);
            setResolving(false);
            setActionError(null);
            announceChange();
            void message.success(t("resolve.done"));
          }}
        />
      )}
      <Modal
        open={merging}
        title={t("merge.title", { no: r.no })}
        onCancel={() => setMerging(false)}
        onOk={() => void doMerge()}
        okText={t("merge.submit")}
        okButtonProps={{ loading: busy }}
        destroyOnHidden
      >
        <Typography.Text>{t("merge.into")}</Typography.Text>
        <Input autoFocus value={mergeInto} onChange={(e) => setMergeInto(e.target.value)} onPressEnter={() => void doMerge()} data-testid="merge-into" />
      </Modal>
    </div>
  );
}

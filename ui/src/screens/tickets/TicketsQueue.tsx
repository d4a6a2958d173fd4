// The ticket queue: tabs mine / unassigned / due soon / breached / waiting / all with counts
// from the core, filters (type, priority, state, channel, text), sort, and a live SLA clock per
// row (time left, warning colour at 75 %, breached). "Load more" pages on the core's has_more.
import { BarChartOutlined, PlusOutlined, SearchOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Empty, Input, Select, Space, Table, Tabs, Typography, type TableProps } from "antd";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useNavigate, useSearchParams } from "react-router-dom";
import { useI18n } from "../../i18n";
import {
  PRIORITIES,
  QUEUES,
  TICKET_CHANNELS,
  TICKET_SORTS,
  TICKET_STATES,
  TICKET_TYPES,
  ticketsCounts,
  ticketsList,
  type Priority,
  type Queue,
  type QueueCounts,
  type TicketChannel,
  type TicketQuery,
  type TicketRow,
  type TicketState,
  type TicketType,
} from "../../lib/backend";
import { formatDateTime } from "../../lib/format";
import { useDebounced } from "../../lib/useDebounced";
import { useErrorText } from "../../lib/useErrorText";
import { useOnChange } from "./changes";
import { Clock, lbl, PriorityTag, StateTag } from "./labels";
import { openNewTicket } from "./NewTicketDialog";
import { rowClock } from "./sla";

const PAGE_SIZE = 50;

const countOf = (c: QueueCounts | null, q: Queue): number | null => {
  if (!c) return null;
  switch (q) {
    case "mine":
      return c.mine;
    case "unassigned":
      return c.unassigned;
    case "due_soon":
      return c.dueSoon;
    case "breached":
      return c.breached;
    case "waiting":
      return c.waiting;
    default:
      return c.open;
  }
};

interface Filters {
  types: TicketType[];
  priorities: Priority[];
  states: TicketState[];
  channels: TicketChannel[];
}

export function TicketsQueue() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const errorText = useErrorText();
  // Today's "see all" opens a queue: /tickets?queue=breached
  const [params] = useSearchParams();
  const [queue, setQueue] = useState<Queue>(() => {
    const asked = params.get("queue") as Queue | null;
    if (asked && (QUEUES as readonly string[]).includes(asked)) return asked;
    return (sessionStorage.getItem("tickets.queue") as Queue | null) ?? "mine";
  });
  const [filters, setFilters] = useState<Filters>({ types: [], priorities: [], states: [], channels: [] });
  const [sort, setSort] = useState<string>("slaDueAt");
  const [text, setText] = useState("");
  const debounced = useDebounced(text.trim(), 250);
  const [rows, setRows] = useState<TicketRow[]>([]);
  const [page, setPage] = useState(1);
  const [hasMore, setHasMore] = useState(false);
  const [counts, setCounts] = useState<QueueCounts | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [reload, setReload] = useState(0);

  // The clocks tick once a minute.
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(id);
  }, []);

  const bump = useCallback(() => setReload((n) => n + 1), []);
  useOnChange(bump);

  const query = useMemo<TicketQuery>(
    () => ({
      queue,
      ...filters,
      sort,
      desc: sort === "updatedAt" || sort === "createdAt",
      page: 1,
      pageSize: PAGE_SIZE,
      ...(debounced ? { text: debounced } : {}),
    }),
    [queue, filters, sort, debounced],
  );

  useEffect(() => {
    let live = true;
    setLoading(true);
    setPage(1);
    Promise.all([ticketsList(query), ticketsCounts()])
      .then(([p, c]) => {
        if (!live) return;
        setRows(p.rows);
        setHasMore(p.hasMore);
        setCounts(c);
        setError(null);
        setNow(Date.now());
      })
      .catch((e: unknown) => live && setError(errorText(e)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [query, errorText, reload]);

  const more = async () => {
    try {
      const p = await ticketsList({ ...query, page: page + 1 });
      setRows((r) => [...r, ...p.rows]);
      setHasMore(p.hasMore);
      setPage(page + 1);
    } catch (e) {
      setError(errorText(e));
    }
  };

  const pickQueue = (q: string) => {
    sessionStorage.setItem("tickets.queue", q);
    setQueue(q as Queue);
  };

  const columns: TableProps<TicketRow>["columns"] = [
    { key: "no", title: t("tickets.col.no"), width: 96, render: (_, r) => <span className="mono">{r.no}</span> },
    { key: "priority", title: t("tickets.col.priority"), width: 70, render: (_, r) => <PriorityTag t={t} priority={r.priority} /> },
    {
      key: "subject",
      title: t("tickets.col.subject"),
      ellipsis: true,
      render: (_, r) => (
        <span>
          {r.subject}
          {r.tags.map((tag) => (
            <Typography.Text key={tag} type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
              #{tag}
            </Typography.Text>
          ))}
        </span>
      ),
    },
    { key: "customer", title: t("tickets.col.customer"), width: 110, ellipsis: true, render: (_, r) => r.customerName },
    { key: "type", title: t("tickets.col.type"), width: 100, render: (_, r) => lbl(t, "ticketType", r.ticketType) },
    { key: "state", title: t("tickets.col.state"), width: 110, render: (_, r) => <StateTag t={t} state={r.state} /> },
    {
      key: "assignee",
      title: t("tickets.col.assignee"),
      width: 100,
      render: (_, r) => r.assigneeName ?? <Typography.Text type="secondary">{t("tickets.unassigned")}</Typography.Text>,
    },
    { key: "sla", title: t("tickets.col.sla"), width: 140, render: (_, r) => <Clock view={rowClock(t, r, now)} testId="ticket-row-sla" /> },
    { key: "updated", title: t("tickets.col.updated"), width: 140, render: (_, r) => <span className="mono-num">{formatDateTime(r.updatedAt)}</span> },
  ];

  return (
    <div className="page" data-testid="page-tickets">
      <div className="page-head">
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t("tickets.title")}
          </Typography.Title>
          <Typography.Text type="secondary">{t("newTicket.shortcut")}</Typography.Text>
        </div>
        <Space>
          <Button icon={<BarChartOutlined />} onClick={() => navigate("/tickets/reports")} data-testid="tickets-reports">
            {t("tickets.reports")}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => openNewTicket()} data-testid="tickets-new">
            {t("tickets.new")}
          </Button>
        </Space>
      </div>
      <Tabs
        activeKey={queue}
        onChange={pickQueue}
        items={QUEUES.map((q) => {
          const n = countOf(counts, q);
          return {
            key: q,
            label: (
              <span data-testid={`queue-${q}`}>
                {lbl(t, "queue", q)}{" "}
                {n !== null && q !== "all" && (
                  <span
                    className="queue-count"
                    style={{
                      display: "inline-block",
                      minWidth: 20,
                      padding: "0 6px",
                      borderRadius: 10,
                      fontSize: 12,
                      lineHeight: "20px",
                      textAlign: "center",
                      color: "#fff",
                      background: q === "breached" && n > 0 ? "#cf1322" : q === "due_soon" && n > 0 ? "#d46b08" : "#bfbfbf",
                    }}
                    data-testid={`queue-count-${q}`}
                  >
                    {n}
                  </span>
                )}
              </span>
            ),
          };
        })}
      />
      <Card variant="borderless" className="filter-card">
        <Space wrap size={[12, 10]}>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t("tickets.search")}
            value={text}
            onChange={(e) => setText(e.target.value)}
            style={{ width: 240 }}
            data-testid="tickets-search"
          />
          {(
            [
              ["types", "type", "ticketType", TICKET_TYPES],
              ["priorities", "priority", "priority", PRIORITIES],
              ["states", "state", "ticketState", TICKET_STATES],
              ["channels", "channel", "ticketChannel", TICKET_CHANNELS],
            ] as const
          ).map(([field, label, prefix, codes]) => (
            <Select
              key={field}
              mode="multiple"
              allowClear
              maxTagCount="responsive"
              placeholder={t(`tickets.filter.${label}`)}
              style={{ minWidth: 130 }}
              value={filters[field] as string[]}
              onChange={(v: string[]) => setFilters((f) => ({ ...f, [field]: v }))}
              options={codes.map((c) => ({ value: c, label: lbl(t, prefix, c) }))}
              data-testid={`tickets-filter-${label}`}
            />
          ))}
          <Select
            value={sort}
            onChange={setSort}
            style={{ width: 150 }}
            options={TICKET_SORTS.map((s) => ({ value: s, label: t(`tickets.sort.${s}`) }))}
            data-testid="tickets-sort"
            prefix={t("tickets.sort")}
          />
        </Space>
      </Card>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Table<TicketRow>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={rows}
        pagination={false}
        data-testid="tickets-table"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("tickets.empty")} /> }}
        onRow={(r) => ({
          onClick: () => navigate(`/tickets/${r.id}`),
          style: { cursor: "pointer" },
          "data-testid": "ticket-row",
        }) as React.HTMLAttributes<HTMLElement>}
      />
      {hasMore && (
        <div style={{ textAlign: "center", marginTop: 12 }}>
          <Button onClick={() => void more()} data-testid="tickets-more">
            {t("tickets.more")}
          </Button>
        </div>
      )}
    </div>
  );
}

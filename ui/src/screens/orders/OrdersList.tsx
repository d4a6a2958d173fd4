import { PlusOutlined, SearchOutlined } from "@ant-design/icons";
import { Alert, Button, Card, DatePicker, Empty, Input, Select, Space, Table, Typography, type TableProps } from "antd";
import type { SorterResult } from "antd/es/table/interface";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useMemo, useState, type HTMLAttributes } from "react";
import { useNavigate, useSearchParams } from "react-router-dom";
import { ColumnChooser, useColumnPrefs } from "../../components/list/ColumnChooser";
import "../../components/list/lists.css";
import { YuanRange } from "../../components/list/YuanRange";
import { useI18n } from "../../i18n";
import { CHANNELS, knownCount, ORDER_STATUSES, ordersPage, ordersTotals, type OrderQuery, type OrderRow, type OrderStatus, type OrderTotals, type RowsPage } from "../../lib/backend";
import { formatCount, formatDateTime } from "../../lib/format";
import { formatYuan } from "../../lib/money";
import { useDebounced } from "../../lib/useDebounced";
import { useErrorText } from "../../lib/useErrorText";
import { channelLabel, statusLabel, StatusTag } from "./labels";

const PAGE_SIZES = [20, 50, 100];
type Filters = Omit<OrderQuery, "page" | "pageSize" | "sort" | "desc" | "text">;
const MONEY_COLUMNS = ["goodsFen", "shippingFen", "discountFen", "paidFen", "refundedFen", "keptFen"];
const isTotalled = (key: string) => key === "paidFen" || key === "refundedFen" || key === "keptFen";

/** Orders with server-side filters, sort, paging, a column chooser and the totals row. */
export function OrdersList() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const [text, setText] = useState("");
  const debouncedText = useDebounced(text.trim(), 250);
  // Today's "see all" opens the list filtered: /orders?status=unpaid
  const [params] = useSearchParams();
  const [filters, setFilters] = useState<Filters>(() => {
    const status = params.get("status") as OrderStatus | null;
    return status && (ORDER_STATUSES as readonly string[]).includes(status) ? { statuses: [status] } : {};
  });
  const [sort, setSort] = useState<{ key: string; desc: boolean }>({ key: "orderedAt", desc: true });
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(PAGE_SIZES[0]);
  const [data, setData] = useState<RowsPage<OrderRow> | null>(null);
  // The totals row reads every match: it comes in a second call, after the page.
  const [totals, setTotals] = useState<OrderTotals | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const query = useMemo<OrderQuery>(
    () => ({ ...filters, page, pageSize, sort: sort.key, desc: sort.desc, ...(debouncedText ? { text: debouncedText } : {}) }),
    [filters, page, pageSize, sort, debouncedText],
  );

  useEffect(() => setPage(1), [filters, debouncedText, sort]);

  useEffect(() => {
    let live = true;
    setLoading(true);
    ordersPage(query)
      .then((p) => {
        if (!live) return;
        setData(p);
        setError(null);
      })
      .catch((e: unknown) => live && setError(errorText(e)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [query, errorText]);

  // Not on page or sort changes: the totals depend on the filters only.
  useEffect(() => {
    let live = true;
    setTotals(null);
    ordersTotals({ ...filters, page: 1, pageSize: 1, ...(debouncedText ? { text: debouncedText } : {}) })
      .then((t) => live && setTotals(t))
      .catch((e: unknown) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [filters, debouncedText, errorText]);

  const allColumns = useMemo(
    () => [
      { key: "orderNo", title: t("orders.col.orderNo") },
      { key: "channel", title: t("orders.col.channel") },
      { key: "status", title: t("orders.col.status") },
      { key: "customerName", title: t("orders.col.customer") },
      { key: "buyerNick", title: t("orders.col.buyerNick") },
      { key: "products", title: t("orders.col.products") },
      { key: "orderedAt", title: t("orders.col.orderedAt") },
      { key: "paidAt", title: t("orders.col.paidAt") },
      { key: "goodsFen", title: t("orders.col.goods") },
      { key: "shippingFen", title: t("orders.col.shipping") },
      { key: "discountFen", title: t("orders.col.discount") },
      { key: "paidFen", title: t("orders.col.paid") },
      { key: "refundedFen", title: t("orders.col.refunded") },
      { key: "keptFen", title: t("orders.col.kept") },
    ],
    [t],
  );
  const { hidden, toggle } = useColumnPrefs(
    "orders",
    allColumns.map((c) => c.key),
    // 实收 (kept after refunds, as the order page says) with the refund beside it; 实付 before
    // refunds is one click away in the column chooser.
    ["buyerNick", "paidAt", "goodsFen", "shippingFen", "discountFen", "paidFen"],
  );

  const columns = useMemo<NonNullable<TableProps<OrderRow>["columns"]>>(() => {
    const sortOrder = (key: string) => (sort.key === key ? (sort.desc ? "descend" : "ascend") : null);
    const money = (key: keyof OrderRow) => ({
      align: "right" as const,
      width: 116,
      render: (_: unknown, r: OrderRow) => <span className="mono-num">{formatYuan(r[key] as number)}</span>,
    });
    const all: NonNullable<TableProps<OrderRow>["columns"]> = [
      { key: "orderNo", width: 170, render: (_, r) => <span className="mono">{r.orderNo}</span> },
      { key: "channel", width: 100, render: (_, r) => channelLabel(t, r.channel) },
      { key: "status", width: 110, render: (_, r) => <StatusTag t={t} status={r.status} /> },
      {
        key: "customerName",
        width: 110,
        render: (_, r) => r.customerName ?? <Typography.Text type="secondary">{t("orders.noCustomer")}</Typography.Text>,
      },
      { key: "buyerNick", width: 130, ellipsis: true, render: (_, r) => r.buyerNick ?? t("common.none") },
      {
        key: "products",
        width: 240,
        ellipsis: true,
        render: (_, r) => (
          <span>
            {r.products || t("common.none")}
            {r.itemCount > 3 && <Typography.Text type="secondary"> {t("orders.moreItems", { n: r.itemCount })}</Typography.Text>}
          </span>
        ),
      },
      { key: "orderedAt", width: 150, render: (_, r) => <span className="mono-num">{formatDateTime(r.orderedAt)}</span> },
      { key: "paidAt", width: 150, render: (_, r) => <span className="mono-num">{formatDateTime(r.paidAt) || t("common.none")}</span> },
      { key: "goodsFen", ...money("goodsFen") },
      { key: "shippingFen", ...money("shippingFen") },
      { key: "discountFen", ...money("discountFen") },
      { key: "paidFen", ...money("paidFen") },
      { key: "refundedFen", ...money("refundedFen") },
      { key: "keptFen", ...money("keptFen") },
    ];
    return all
      .filter((c) => !hidden.includes(String(c.key)))
      .map((c) => ({
        ...c,
        title: allColumns.find((a) => a.key === c.key)?.title,
        dataIndex: String(c.key),
        sorter: c.key !== "products",
        sortOrder: sortOrder(String(c.key)),
        sortDirections: ["descend", "ascend", "descend"],
      }));
  }, [t, hidden, sort, allColumns]);

  const onTableChange: TableProps<OrderRow>["onChange"] = (_p, _f, sorter) => {
    const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<OrderRow> | undefined;
    if (s?.columnKey && s.order) setSort({ key: String(s.columnKey), desc: s.order === "descend" });
    else setSort({ key: "orderedAt", desc: true });
  };

  const pagerTotal = totals?.count ?? (data ? knownCount(data) : 0);
  const anyFilter = Object.values(filters).some((v) => v !== undefined && !(Array.isArray(v) && v.length === 0)) || !!debouncedText;
  // The label cell takes the second column too, unless that column holds a total.
  const spanFirst = columns.length > 2 && !isTotalled(String(columns[1].key));
  const summary = () =>
    totals && totals.count > 0 ? (
      <Table.Summary fixed>
        <Table.Summary.Row className="totals-row" data-testid="orders-totals">
          {columns.map((c, i) => {
            if (i === 1 && spanFirst) return null;
            const key = String(c.key);
            let content: React.ReactNode = null;
            if (i === 0) content = <Typography.Text strong>{t("list.totals")} · {t("orders.totalsRow", { n: formatCount(totals.count, lang) })}</Typography.Text>;
            else if (key === "paidFen") content = <Typography.Text strong className="mono-num" data-testid="orders-totals-paid">{formatYuan(totals.paidFen)}</Typography.Text>;
            else if (key === "refundedFen") content = <Typography.Text strong className="mono-num">{formatYuan(totals.refundedFen)}</Typography.Text>;
            else if (key === "keptFen") content = <Typography.Text strong className="mono-num" data-testid="orders-totals-kept">{formatYuan(totals.keptFen)}</Typography.Text>;
            return (
              <Table.Summary.Cell key={key} index={i} colSpan={i === 0 && spanFirst ? 2 : 1} align={MONEY_COLUMNS.includes(key) ? "right" : undefined}>
                {content}
              </Table.Summary.Cell>
            );
          })}
        </Table.Summary.Row>
      </Table.Summary>
    ) : null;

  const dateValue: [Dayjs | null, Dayjs | null] | null =
    filters.orderedFrom || filters.orderedTo
      ? [filters.orderedFrom ? dayjs(filters.orderedFrom) : null, filters.orderedTo ? dayjs(filters.orderedTo) : null]
      : null;

  const empty = (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        anyFilter ? (
          t("orders.noMatch")
        ) : (
          <span>
            <Typography.Text strong>{t("orders.emptyTitle")}</Typography.Text>
            <br />
            <Typography.Text type="secondary">{t("orders.emptyText")}</Typography.Text>
          </span>
        )
      }
    />
  );

  return (
    <div className="page" data-testid="page-orders">
      <div className="page-head">
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t("orders.title")}
          </Typography.Title>
          <Typography.Text type="secondary" data-testid="orders-total">
            {totals ? t("orders.total", { n: formatCount(totals.count, lang) }) : t("lists.counting")}
          </Typography.Text>
        </div>
        <Space>
          <ColumnChooser columns={allColumns} hidden={hidden} onToggle={toggle} testId="orders-columns" />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate("/orders/new")} data-testid="orders-new">
            {t("orders.new")}
          </Button>
        </Space>
      </div>
      <Card variant="borderless" className="filter-card">
        <Space wrap size={[12, 10]}>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t("orders.search")}
            value={text}
            onChange={(e) => setText(e.target.value)}
            style={{ width: 260 }}
            data-testid="orders-search"
          />
          <Select
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            placeholder={t("orders.filter.channel")}
            style={{ minWidth: 150 }}
            value={filters.channels ?? []}
            onChange={(v) => setFilters((f) => ({ ...f, channels: v }))}
            options={CHANNELS.map((c) => ({ value: c, label: channelLabel(t, c) }))}
            data-testid="orders-filter-channel"
          />
          <Select
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            placeholder={t("orders.filter.status")}
            style={{ minWidth: 150 }}
            value={filters.statuses ?? []}
            onChange={(v) => setFilters((f) => ({ ...f, statuses: v }))}
            options={ORDER_STATUSES.map((s) => ({ value: s, label: statusLabel(t, s) }))}
            data-testid="orders-filter-status"
          />
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            placeholder={[t("list.from"), t("list.to")]}
            value={dateValue}
            onChange={(v) =>
              setFilters((f) => ({
                ...f,
                orderedFrom: v?.[0] ? v[0].format("YYYY-MM-DD") : undefined,
                orderedTo: v?.[1] ? v[1].format("YYYY-MM-DD") : undefined,
              }))
            }
            data-testid="orders-filter-date"
          />
          <Space size={6}>
            <Typography.Text type="secondary">{t("orders.filter.paid")}</Typography.Text>
            <YuanRange
              min={filters.minPaidFen ?? undefined}
              max={filters.maxPaidFen ?? undefined}
              onChange={(minPaidFen, maxPaidFen) => setFilters((f) => ({ ...f, minPaidFen, maxPaidFen }))}
              testId="orders-filter-paid"
            />
          </Space>
          {anyFilter && (
            <Button
              type="link"
              onClick={() => {
                setFilters({});
                setText("");
              }}
              data-testid="orders-filter-reset"
            >
              {t("list.reset")}
            </Button>
          )}
        </Space>
      </Card>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Card variant="borderless" styles={{ body: { padding: 0 } }}>
        <Table<OrderRow>
          data-testid="orders-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.rows ?? []}
          loading={loading}
          onChange={onTableChange}
          summary={summary}
          locale={{ emptyText: loading ? " " : empty }}
          onRow={(r) =>
            ({
              "data-testid": "order-row",
              onClick: () => navigate(`/orders/${r.id}`),
              style: { cursor: "pointer" },
            }) as HTMLAttributes<HTMLElement>
          }
          scroll={{ x: "max-content" }}
          pagination={{
            current: page,
            pageSize,
            total: pagerTotal,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES,
            showTotal: () => (totals ? t("orders.total", { n: formatCount(totals.count, lang) }) : t("lists.counting")),
            onChange: (p, size) => {
              if (size !== pageSize) {
                setPageSize(size);
                setPage(1);
              } else {
                setPage(p);
              }
            },
          }}
        />
      </Card>
    </div>
  );
}

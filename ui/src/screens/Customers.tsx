import { SearchOutlined } from "@ant-design/icons";
import { Alert, Card, Empty, Input, Space, Table, Tag, Typography, type TableProps } from "antd";
import type { SorterResult } from "antd/es/table/interface";
import { useEffect, useMemo, useState, type HTMLAttributes, type ReactNode } from "react";
import { useNavigate, useSearchParams } from "react-router-dom";
import { ColumnChooser, useColumnPrefs } from "../components/list/ColumnChooser";
import "../components/list/lists.css";
import { useI18n } from "../i18n";
import { customersPage, customersTotals, knownCount, type SegmentDefinition, type CustomerRow, type CustomerTotals, type RowsPage } from "../lib/backend";
import { formatCount, formatDateTime } from "../lib/format";
import { formatYuan } from "../lib/money";
import { useDebounced } from "../lib/useDebounced";
import { useErrorText } from "../lib/useErrorText";
import { useSession } from "../lib/appContext";
import { SegmentEditor } from "./segments/SegmentEditor";
import { CustomerFilterCard, type Filters } from "./customers/CustomerFilterCard";
import { hasScoreParams, replaceScoreParams, scoreParamsFrom, scoreQuery, scoreSearch, type ScoreParams } from "./customers/scoreFilters";
import { CustomersToolbar } from "./customers/CustomersToolbar";

const PAGE_SIZES = [20, 50, 100];
const SEARCH_DEBOUNCE_MS = 250;
/** Column key → the server's sort key (columns without one are not sortable). */
const SORT_KEYS: Record<string, string> = {
  name: "name",
  gender: "gender",
  wechat: "wechatId",
  region: "province",
  source: "sourceChannel",
  birthday: "birthday",
  ordersCount: "ordersCount",
  spendFen: "spendFen",
  firstOrderAt: "firstOrderAt",
  lastOrderAt: "lastOrderAt",
  topCategory: "topCategory",
  createdAt: "createdAt",
};

const isTotalled = (key: string) => key === "spendFen";

/** Customer list: server-side filters on any column, sort, paging, column chooser, totals row. */
export function Customers() {
  const { t, lang } = useI18n();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const canSaveSegment = useSession().role !== "rep";
  const [savingSegment, setSavingSegment] = useState(false);
  // Score filters come from the URL (Insight numbers, segments, movement cells): see scoreFilters.ts.
  const scoreKey = scoreSearch(scoreParamsFrom(params));
  const score = useMemo(() => scoreParamsFrom(new URLSearchParams(scoreKey)), [scoreKey]);
  const scoreFields = useMemo(() => scoreQuery(score), [score]);
  const setScore = (next: ScoreParams) => setParams(replaceScoreParams(params, next));
  const [search, setSearch] = useState(params.get("q") ?? "");
  // The global search (Ctrl+K) opens this screen filtered to the picked customer.
  useEffect(() => {
    const q = params.get("q");
    if (q !== null) setSearch(q);
  }, [params]);
  const query = useDebounced(search.trim(), SEARCH_DEBOUNCE_MS);
  const [filters, setFilters] = useState<Filters>({});
  const debouncedFilters = useDebounced(filters, SEARCH_DEBOUNCE_MS);
  const [sort, setSort] = useState<{ key: string; desc: boolean }>({ key: "createdAt", desc: true });
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(PAGE_SIZES[0]);
  const [data, setData] = useState<RowsPage<CustomerRow> | null>(null);
  // The totals row reads every match: it comes in a second call, after the page.
  const [totals, setTotals] = useState<CustomerTotals | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setPage(1);
  }, [query, debouncedFilters, sort, scoreFields]);

  useEffect(() => {
    let live = true;
    setLoading(true);
    customersPage({ ...debouncedFilters, ...scoreFields, page, pageSize, sort: sort.key, desc: sort.desc, ...(query ? { search: query } : {}) })
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
  }, [page, pageSize, query, debouncedFilters, scoreFields, sort, errorText]);

  useEffect(() => {
    let live = true;
    setTotals(null);
    customersTotals({ ...debouncedFilters, ...scoreFields, page: 1, pageSize: 1, ...(query ? { search: query } : {}) })
      .then((t) => live && setTotals(t))
      .catch((e: unknown) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [query, debouncedFilters, scoreFields, errorText]);

  const allColumns = useMemo(
    () => [
      { key: "name", title: t("customers.col.name") },
      { key: "gender", title: t("customers.col.gender") },
      { key: "phone", title: t("customers.col.phone") },
      { key: "wechat", title: t("customers.col.wechat") },
      { key: "region", title: t("customers.col.region") },
      { key: "tags", title: t("customers.col.tags") },
      { key: "source", title: t("customers.col.source") },
      { key: "birthday", title: t("clist.col.birthday") },
      { key: "ordersCount", title: t("clist.col.orders") },
      { key: "spendFen", title: t("clist.col.spend") },
      { key: "firstOrderAt", title: t("clist.col.firstOrder") },
      { key: "lastOrderAt", title: t("clist.col.lastOrder") },
      { key: "topCategory", title: t("clist.col.topCategory") },
      { key: "createdAt", title: t("customers.col.createdAt") },
    ],
    [t],
  );
  const { hidden, toggle } = useColumnPrefs(
    "customers",
    allColumns.map((c) => c.key),
    ["wechat", "birthday", "firstOrderAt", "topCategory"],
  );

  const columns = useMemo<NonNullable<TableProps<CustomerRow>["columns"]>>(() => {
    const none = t("common.none");
    const all: NonNullable<TableProps<CustomerRow>["columns"]> = [
      { key: "name", width: 110, render: (_, r) => <Typography.Text strong>{r.name}</Typography.Text> },
      { key: "gender", width: 84, render: (_, r) => t(`gender.${r.gender}`) },
      { key: "phone", width: 130, render: (_, r) => (r.phone ? <span className="mono">{r.phone}</span> : none) },
      { key: "wechat", width: 130, ellipsis: true, render: (_, r) => r.wechatId ?? none },
      {
        key: "region",
        width: 120,
        render: (_, r) => [r.province, r.city].filter((x, i, a) => x && a.indexOf(x) === i).join(" ") || none,
      },
      {
        key: "tags",
        render: (_, r) =>
          r.tags.length ? (
            r.tags.map((tag) => (
              <Tag key={tag} color="cyan" bordered={false} style={{ marginBlock: 2 }}>
                {tag}
              </Tag>
            ))
          ) : (
            <Typography.Text type="secondary">{none}</Typography.Text>
          ),
      },
      { key: "source", width: 100, render: (_, r) => r.sourceChannel ?? none },
      { key: "birthday", width: 110, render: (_, r) => <span className="mono-num">{r.birthday?.replace(/^--/, "") ?? none}</span> },
      { key: "ordersCount", width: 90, align: "right", render: (_, r) => <span className="mono-num">{r.ordersCount}</span> },
      { key: "spendFen", width: 120, align: "right", render: (_, r) => <span className="mono-num">{formatYuan(r.spendFen)}</span> },
      { key: "firstOrderAt", width: 150, render: (_, r) => <span className="mono-num">{formatDateTime(r.firstOrderAt) || none}</span> },
      { key: "lastOrderAt", width: 150, render: (_, r) => <span className="mono-num">{formatDateTime(r.lastOrderAt) || none}</span> },
      { key: "topCategory", width: 110, render: (_, r) => r.topCategory ?? none },
      { key: "createdAt", width: 150, render: (_, r) => <span className="mono-num">{formatDateTime(r.createdAt)}</span> },
    ];
    return all
      .filter((c) => !hidden.includes(String(c.key)))
      .map((c) => {
        const sortKey = SORT_KEYS[String(c.key)];
        return {
          ...c,
          title: allColumns.find((a) => a.key === c.key)?.title,
          sorter: !!sortKey,
          sortOrder: sortKey && sort.key === sortKey ? (sort.desc ? "descend" : "ascend") : null,
          sortDirections: ["descend", "ascend", "descend"],
        };
      });
  }, [t, hidden, sort, allColumns]);

  const onTableChange: TableProps<CustomerRow>["onChange"] = (_p, _f, sorter) => {
    const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<CustomerRow> | undefined;
    const key = s?.columnKey ? SORT_KEYS[String(s.columnKey)] : undefined;
    if (key && s?.order) setSort({ key, desc: s.order === "descend" });
    else setSort({ key: "createdAt", desc: true });
  };

  const total = totals?.total ?? 0;
  const pagerTotal = totals?.total ?? (data ? knownCount(data) : 0);
  const anyFilter = hasScoreParams(score) || Object.values(filters).some((v) => v !== undefined && v !== "" && !(Array.isArray(v) && v.length === 0));
  // A segment from the list: its filters and score conditions (a segment or movement cell is not
  // a condition a segment can hold, so saving waits until those chips are removed).
  const segmentDefinition: SegmentDefinition = { ...filters, ...(query ? { search: query } : {}), rfmClasses: score.rfmClasses, stages: score.stages, returning: score.returning };
  const canSaveHere = canSaveSegment && !score.segment && !score.movement;
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  const resetFilters = () => {
    setFilters({});
    setScore({ rfmClasses: [], stages: [] });
  };

  // The label cell takes the second column too, unless that column holds a total.
  const spanFirst = columns.length > 2 && !isTotalled(String(columns[1].key));
  const summary = () =>
    totals && total > 0 ? (
      <Table.Summary fixed>
        <Table.Summary.Row className="totals-row" data-testid="customers-totals">
          {columns.map((c, i) => {
            if (i === 1 && spanFirst) return null;
            let content: ReactNode = null;
            if (i === 0) content = <Typography.Text strong>{t("list.totals")} · {t("clist.totalsRow", { n: formatCount(total, lang) })}</Typography.Text>;
            else if (c.key === "spendFen")
              content = (
                <Typography.Text strong className="mono-num" data-testid="customers-totals-spend">
                  {formatYuan(totals.totalSpendFen)}
                </Typography.Text>
              );
            return (
              <Table.Summary.Cell key={String(c.key)} index={i} colSpan={i === 0 && spanFirst ? 2 : 1} align={c.key === "spendFen" ? "right" : undefined}>
                {content}
              </Table.Summary.Cell>
            );
          })}
        </Table.Summary.Row>
      </Table.Summary>
    ) : null;

  const empty = (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        query ? (
          t("customers.noMatch", { q: query })
        ) : anyFilter ? (
          t("clist.noMatchFilters")
        ) : (
          <span>
            <Typography.Text strong>{t("customers.emptyTitle")}</Typography.Text>
            <br />
            <Typography.Text type="secondary">{t("customers.emptyText")}</Typography.Text>
          </span>
        )
      }
    />
  );

  return (
    <div className="page" data-testid="page-customers">
      <div className="page-head">
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t("customers.title")}
          </Typography.Title>
          <Typography.Text type="secondary" data-testid="customers-total">
            {totals ? t("customers.total", { n: formatCount(total, lang) }) : t("lists.counting")}
          </Typography.Text>
        </div>
        <Space>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t("customers.search")}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            data-testid="customers-search"
            style={{ width: 300 }}
          />
          <ColumnChooser columns={allColumns} hidden={hidden} onToggle={toggle} testId="customers-columns" />
          <CustomersToolbar />
        </Space>
      </div>
      <CustomerFilterCard filters={filters} onChange={set} onReset={resetFilters} score={score} onScore={setScore} anyFilter={anyFilter} onSaveSegment={canSaveHere ? () => setSavingSegment(true) : undefined} />
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      {savingSegment && (
        <SegmentEditor
          initial={segmentDefinition}
          onClose={() => setSavingSegment(false)}
          onSaved={(s) => {
            // Open the new segment as the list: its conditions replace the ones typed here.
            setSavingSegment(false);
            setFilters({});
            setSearch("");
            navigate(`/customers${scoreSearch({ segment: s.key })}`);
          }}
        />
      )}
      <Card variant="borderless" styles={{ body: { padding: 0 } }}>
        <Table<CustomerRow>
          data-testid="customers-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.rows ?? []}
          loading={loading}
          onChange={onTableChange}
          summary={summary}
          locale={{ emptyText: loading ? " " : empty }}
          onRow={(r) => ({ "data-testid": "customer-row", onClick: () => navigate(`/customers/${r.id}`), style: { cursor: "pointer" } }) as HTMLAttributes<HTMLElement>}
          scroll={{ x: "max-content" }}
          pagination={{
            current: page,
            pageSize,
            total: pagerTotal,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES,
            showTotal: () => (totals ? t("customers.total", { n: formatCount(total, lang) }) : t("lists.counting")),
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

import { SearchOutlined } from "@ant-design/icons";
import { Alert, Card, Empty, Input, Table, Tag, Typography, type TableProps } from "antd";
import { useEffect, useMemo, useState, type HTMLAttributes } from "react";
import { useI18n } from "../i18n";
import { customersList, type CustomerRow, type Page } from "../lib/backend";
import { formatCount, formatDateTime } from "../lib/format";
import { useErrorText } from "../lib/useErrorText";
import { useNavigate } from "react-router-dom";
import { CustomersToolbar } from "./customers/CustomersToolbar";

const PAGE_SIZES = [20, 50, 100];
const SEARCH_DEBOUNCE_MS = 250;

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const id = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(id);
  }, [value, ms]);
  return debounced;
}

/** Customer list with server-side paging and search (name / phone / WeChat). */
export function Customers() {
  const { t, lang } = useI18n();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [search, setSearch] = useState("");
  const query = useDebounced(search.trim(), SEARCH_DEBOUNCE_MS);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(PAGE_SIZES[0]);
  const [data, setData] = useState<Page<CustomerRow> | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setPage(1);
  }, [query]);

  useEffect(() => {
    let live = true;
    setLoading(true);
    customersList({ page, pageSize, ...(query ? { search: query } : {}) })
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
  }, [page, pageSize, query, errorText]);

  const columns = useMemo<TableProps<CustomerRow>["columns"]>(
    () => [
      { title: t("customers.col.name"), dataIndex: "name", key: "name", width: 110, render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
      { title: t("customers.col.gender"), dataIndex: "gender", key: "gender", width: 84, render: (g: CustomerRow["gender"]) => t(`gender.${g}`) },
      { title: t("customers.col.phone"), dataIndex: "phone", key: "phone", width: 130, render: (v: string | null) => (v ? <span className="mono">{v}</span> : t("common.none")) },
      { title: t("customers.col.wechat"), dataIndex: "wechatId", key: "wechat", width: 130, ellipsis: true, render: (v: string | null) => v ?? t("common.none") },
      {
        title: t("customers.col.region"),
        key: "region",
        width: 120,
        render: (_: unknown, r: CustomerRow) => [r.province, r.city].filter((x, i, all) => x && all.indexOf(x) === i).join(" ") || t("common.none"),
      },
      {
        title: t("customers.col.tags"),
        dataIndex: "tags",
        key: "tags",
        render: (tags: string[]) =>
          tags.length ? tags.map((tag) => (
            <Tag key={tag} color="cyan" bordered={false} style={{ marginBlock: 2 }}>
              {tag}
            </Tag>
          )) : <Typography.Text type="secondary">{t("common.none")}</Typography.Text>,
      },
      { title: t("customers.col.source"), dataIndex: "sourceChannel", key: "source", width: 130, render: (v: string | null) => v ?? t("common.none") },
      { title: t("customers.col.createdAt"), dataIndex: "createdAt", key: "createdAt", width: 150, render: (v: string) => <span className="mono-num">{formatDateTime(v)}</span> },
    ],
    [t],
  );

  const total = data?.total ?? 0;
  const empty = (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        query ? (
          t("customers.noMatch", { q: query })
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
            {t("customers.total", { n: formatCount(total, lang) })}
          </Typography.Text>
        </div>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t("customers.search")}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="customers-search"
          style={{ width: 300 }}
        />
      </div>
      <div style={{ display: "flex", justifyContent: "flex-end", marginBottom: 12 }}>
        <CustomersToolbar />
      </div>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Card variant="borderless" styles={{ body: { padding: 0 } }}>
        <Table<CustomerRow>
          data-testid="customers-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.rows ?? []}
          loading={loading}
          locale={{ emptyText: loading ? " " : empty }}
          onRow={(r) => ({ "data-testid": "customer-row", onClick: () => navigate(`/customers/${r.id}`), style: { cursor: "pointer" } }) as HTMLAttributes<HTMLElement>}
          scroll={{ x: 980 }}
          pagination={{
            current: page,
            pageSize,
            total,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES,
            showTotal: () => t("customers.total", { n: formatCount(total, lang) }),
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

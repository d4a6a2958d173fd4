import { ArrowLeftOutlined, MergeCellsOutlined, StopOutlined } from "@ant-design/icons";
import { Alert, App as AntApp, Button, Card, Empty, Popconfirm, Space, Table, Tag, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { useI18n } from "../../i18n";
import {
  customersDismissDuplicate,
  customersDuplicates,
  customersMerges,
  customersUnmerge,
  type DuplicatePair,
  type DuplicateSide,
  type MergeRecord,
} from "../../lib/backend";
import { useSession } from "../../lib/appContext";
import { formatDateTime } from "../../lib/format";
import { useErrorText } from "../../lib/useErrorText";
import { formatDay } from "./format";
import { MergeModal } from "./MergeModal";

/** Suggested duplicates (never merged silently), side-by-side merge, and undo of recent merges. */
export function Duplicates() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const session = useSession();
  const canMerge = session.role !== "rep";
  const [pairs, setPairs] = useState<DuplicatePair[] | null>(null);
  const [merges, setMerges] = useState<MergeRecord[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [merging, setMerging] = useState<[number, number] | null>(null);

  const load = useCallback(async () => {
    try {
      const [p, m] = await Promise.all([customersDuplicates(), customersMerges()]);
      setPairs(p);
      setMerges(m);
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, [errorText]);

  useEffect(() => {
    void load();
  }, [load]);

  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      void message.success(done);
      await load();
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  const side = (s: DuplicateSide) => (
    <Space direction="vertical" size={0}>
      <Link to={`/customers/${s.id}`}>
        <Typography.Text strong>{s.name}</Typography.Text> <Typography.Text type="secondary">#{s.id}</Typography.Text>
      </Link>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {[s.phone, s.city, t("cust.duplicates.orders", { n: s.ordersCount })].filter(Boolean).join(" · ")}
      </Typography.Text>
    </Space>
  );

  const open = merges.filter((m) => m.undoUntil);
  return (
    <div className="page" data-testid="page-duplicates">
      <div className="page-head">
        <Space align="center">
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate("/customers")} aria-label={t("common.back")} />
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t("cust.duplicates.title")}
            </Typography.Title>
            <Typography.Text type="secondary">{t("cust.duplicates.subtitle")}</Typography.Text>
          </div>
        </Space>
      </div>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      {!canMerge && <Alert type="info" showIcon message={t("cust.duplicates.repHint")} style={{ marginBottom: 16 }} />}
      <Card variant="borderless" styles={{ body: { padding: 0 } }} style={{ marginBottom: 16 }}>
        <Table<DuplicatePair>
          data-testid="duplicates-table"
          rowKey={(p) => `${p.a.id}-${p.b.id}`}
          loading={pairs === null && !error}
          dataSource={pairs ?? []}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("cust.duplicates.none")} /> }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          onRow={() => ({ "data-testid": "duplicate-row" }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t("cust.duplicates.a"), key: "a", render: (_: unknown, p: DuplicatePair) => side(p.a) },
            { title: t("cust.duplicates.b"), key: "b", render: (_: unknown, p: DuplicatePair) => side(p.b) },
            {
              title: t("cust.duplicates.why"),
              key: "why",
              render: (_: unknown, p: DuplicatePair) =>
                p.reasons.map((r) => (
                  <Tag key={r} color={r === "nameAddress" || r === "nameCity" ? "default" : "orange"} bordered={false}>
                    {t(`cust.reason.${r}`)}
                  </Tag>
                )),
            },
            {
              title: "",
              key: "actions",
              width: 230,
              render: (_: unknown, p: DuplicatePair) => (
                <Space>
                  {canMerge && (
                    <Button size="small" type="primary" icon={<MergeCellsOutlined />} onClick={() => setMerging([p.a.id, p.b.id])} data-testid="duplicate-merge">
                      {t("cust.duplicates.compare")}
                    </Button>
                  )}
                  <Button size="small" icon={<StopOutlined />} onClick={() => void act(() => customersDismissDuplicate(p.a.id, p.b.id), t("cust.duplicates.dismissed"))} data-testid="duplicate-dismiss">
                    {t("cust.duplicates.dismiss")}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card title={t("cust.merges.recent")} variant="borderless" data-testid="recent-merges">
        {open.length === 0 ? (
          <Typography.Text type="secondary">{t("cust.merges.noneOpen")}</Typography.Text>
        ) : (
          open.map((m) => (
            <div key={m.id} style={{ display: "flex", justifyContent: "space-between", alignItems: "center", padding: "6px 0" }} data-testid="merge-record">
              <span>
                {t("cust.merges.named", { id: m.id, merged: m.mergedName, mergedId: m.mergedId, kept: m.keptName, keptId: m.keptId, at: formatDateTime(m.mergedAt) })}
              </span>
              {canMerge && (
                <Popconfirm
                  title={t("cust.merges.undoConfirm")}
                  okText={t("cust.merges.undo")}
                  cancelText={t("common.cancel")}
                  onConfirm={() => act(() => customersUnmerge(m.id), t("cust.merges.undoDone"))}
                >
                  <Button size="small" data-testid="merge-undo">
                    {t("cust.merges.undoUntil", { day: formatDay(m.undoUntil) })}
                  </Button>
                </Popconfirm>
              )}
            </div>
          ))
        )}
      </Card>
      <MergeModal
        pair={merging}
        onClose={() => setMerging(null)}
        onMerged={() => {
          setMerging(null);
          void load();
        }}
      />
    </div>
  );
}

import { PlusCircleOutlined } from "@ant-design/icons";
import { Alert, App as AntApp, Button, Card, Col, Empty, Row, Spin, Statistic, Table, Tag, Typography } from "antd";
import { useCallback, useEffect, useState, type HTMLAttributes } from "react";
import { Link } from "react-router-dom";
import { useI18n } from "../../i18n";
import { loyaltyHistory, loyaltyPoints, type PointsEntry, type PointsSummary } from "../../lib/backend";
import { formatDateTime } from "../../lib/format";
import { formatYuan } from "../../lib/money";
import { useErrorText } from "../../lib/useErrorText";
import { formatDay } from "../customers/format";
import { AdjustPoints } from "./AdjustPoints";
import { formatPoints, signedPoints } from "./format";
import { reasonLabel } from "./labels";

const HISTORY_ROWS = 100;

/** The customer 360 page's loyalty card: balance (usable / locked), history, adjust dialog. */
export function CustomerLoyaltyCard({ customerId, editable }: { customerId: number; editable: boolean }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = AntApp.useApp();
  const [summary, setSummary] = useState<PointsSummary | null>(null);
  const [history, setHistory] = useState<PointsEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [adjusting, setAdjusting] = useState(false);

  const load = useCallback(async () => {
    try {
      const [s, h] = await Promise.all([loyaltyPoints(customerId), loyaltyHistory(customerId, HISTORY_ROWS)]);
      setSummary(s);
      setHistory(h);
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, [customerId, errorText]);

  useEffect(() => {
    void load();
  }, [load]);

  const detail = (e: PointsEntry) => {
    const parts: string[] = [];
    if (e.source === "order" && e.sourceId) parts.push(t("c360.points.order", { id: e.sourceId }));
    if (e.reason === "earn" && e.pointsPerYuan !== null) parts.push(t("c360.points.rate", { rate: e.pointsPerYuan, mult: `${((e.multiplierPct ?? 100) / 100).toFixed(1)}×` }));
    if (e.ticketId) parts.push(t("c360.points.ticket", { id: e.ticketId }));
    if (e.note) parts.push(e.note);
    return parts.join(" · ");
  };

  const columns = [
    { title: t("c360.points.col.at"), dataIndex: "at", key: "at", width: 150, render: (v: string) => <span className="mono-num">{formatDateTime(v)}</span> },
    { title: t("c360.points.col.reason"), dataIndex: "reason", key: "reason", width: 110, render: (_: unknown, e: PointsEntry) => <Tag bordered={false}>{reasonLabel(t, e.reason)}</Tag> },
    {
      title: t("c360.points.col.delta"),
      dataIndex: "delta",
      key: "delta",
      width: 100,
      align: "right" as const,
      render: (v: number) => (
        <Typography.Text className="mono-num" type={v < 0 ? "danger" : "success"} data-testid="points-delta">
          {signedPoints(v)}
        </Typography.Text>
      ),
    },
    {
      title: t("c360.points.col.detail"),
      key: "detail",
      ellipsis: true,
      render: (_: unknown, e: PointsEntry) => (
        <span data-testid="points-detail">
          {e.source === "order" && e.sourceId ? <Link to={`/orders/${e.sourceId}`}>{detail(e)}</Link> : detail(e)}
        </span>
      ),
    },
    { title: t("c360.points.col.operator"), dataIndex: "operator", key: "operator", width: 100 },
  ];

  return (
    <Card
      title={t("c360.points.title")}
      variant="borderless"
      style={{ marginBottom: 16 }}
      data-testid="c360-loyalty"
      extra={
        editable && (
          <Button icon={<PlusCircleOutlined />} onClick={() => setAdjusting(true)} data-testid="c360-adjust-points">
            {t("c360.adjust")}
          </Button>
        )
      }
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      {!summary && !error && <Spin />}
      {summary && (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 12 }}>
            <Col xs={12} md={6}>
              <Statistic title={t("c360.points.usable")} value={formatPoints(summary.usable)} data-testid="c360-points-usable" />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t("c360.points.locked")} value={formatPoints(summary.locked)} data-testid="c360-points-locked" />
            </Col>
            <Col xs={24} md={12}>
              <Statistic title={t("c360.points.total")} value={formatPoints(summary.balance)} suffix={<span style={{ fontSize: 14, color: "#8c8c8c" }}>≈ {formatYuan(summary.valueFen)}</span>} data-testid="c360-points-balance" />
              {summary.nextExpiryAt && summary.nextExpiryPoints > 0 && (
                <Typography.Text type="warning">{t("c360.points.expires", { points: formatPoints(summary.nextExpiryPoints), day: formatDay(summary.nextExpiryAt) })}</Typography.Text>
              )}
            </Col>
          </Row>
          <Typography.Title level={5}>{t("c360.points.history")}</Typography.Title>
          <Table<PointsEntry>
            data-testid="c360-points-history"
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={history}
            pagination={history.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
            onRow={() => ({ "data-testid": "points-row" }) as HTMLAttributes<HTMLElement>}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("c360.points.none")} /> }}
            scroll={{ x: 700 }}
          />
        </>
      )}
      <AdjustPoints
        customerId={customerId}
        open={adjusting}
        onClose={() => setAdjusting(false)}
        onDone={() => {
          setAdjusting(false);
          void message.success(t("c360.adjust.done"));
          void load();
        }}
      />
    </Card>
  );
}

import { PlusCircleOutlined, StopOutlined } from "@ant-design/icons";
import { Alert, App as AntApp, Button, Card, Col, Empty, Input, Popconfirm, Progress, Row, Select, Space, Spin, Statistic, Table, Tabs, Tag, Typography } from "antd";
import { useCallback, useEffect, useState, type HTMLAttributes } from "react";
import { Link } from "react-router-dom";
import { useI18n, type MessageKey } from "../../i18n";
import { couponsVoid, loyaltyCustomer, loyaltyHistory, loyaltyLockTier, loyaltyRules, type CouponGrant, type CustomerLoyalty, type PointsEntry, type TierChange, type TierDef } from "../../lib/backend";
import { useSession } from "../../lib/appContext";
import { formatDateTime } from "../../lib/format";
import { formatYuan } from "../../lib/money";
import { useErrorText } from "../../lib/useErrorText";
import { formatDay } from "../customers/format";
import { AdjustPoints } from "./AdjustPoints";
import { formatPoints, signedPoints } from "./format";
import { describeCoupon, reasonLabel, tierName } from "./labels";

const MORE_ROWS = 500;
const GRANT_COLORS = { unused: "green", used: "blue", voided: "default", expired: "default" } as const;

/**
 * The customer 360 page's loyalty card: points (usable / locked), tier with progress to the
 * next and its history, coupons held, and the points history with the adjust dialog.
 */
export function CustomerLoyaltyCard({ customerId, editable }: { customerId: number; editable: boolean }) {
  const { t, lang } = useI18n();
  const session = useSession();
  const errorText = useErrorText();
  const { message } = AntApp.useApp();
  const [data, setData] = useState<CustomerLoyalty | null>(null);
  const [tiers, setTiers] = useState<TierDef[]>([]);
  const [more, setMore] = useState<PointsEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [adjusting, setAdjusting] = useState(false);
  const [voidReason, setVoidReason] = useState("");

  const load = useCallback(async () => {
    try {
      const [d, r] = await Promise.all([loyaltyCustomer(customerId), loyaltyRules()]);
      setData(d);
      setTiers(r.rules.tiers);
      setMore(null);
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
    if (e.source === "order" && e.sourceId) parts.push(t("c360.points.order", { id: e.orderNo ?? `#${e.sourceId}` }));
    if (e.reason === "earn" && e.pointsPerYuan !== null) parts.push(t("c360.points.rate", { rate: e.pointsPerYuan, mult: `${((e.multiplierPct ?? 100) / 100).toFixed(1)}×` }));
    if (e.ticketId) parts.push(t("c360.points.ticket", { id: e.ticketId }));
    // One expiry row closes every lot due that day: say how many, earned when.
    const c = e.closedLots;
    if (c) {
      const from = formatDay(c.firstEarnedAt);
      const to = formatDay(c.lastEarnedAt);
      parts.push(from === to ? t("c360.points.closedOn", { lots: c.lots, day: from }) : t("c360.points.closedBetween", { lots: c.lots, from, to }));
    }
    if (e.note) parts.push(e.note);
    // A lock period (return window): say from when the points can be used.
    if (e.delta > 0 && Date.parse(e.usableFrom) - Date.parse(e.at) > 60_000) parts.push(t("c360.points.usableFrom", { day: formatDay(e.usableFrom) }));
    return parts.join(" · ");
  };

  const pointColumns = [
    { title: t("c360.points.col.at"), dataIndex: "at", key: "at", width: 150, render: (v: string) => <span className="mono-num">{formatDateTime(v)}</span> },
    { title: t("c360.points.col.reason"), dataIndex: "reason", key: "reason", width: 110, render: (_: unknown, e: PointsEntry) => <Tag bordered={false}>{reasonLabel(t, e.reason)}</Tag> },
    {
      title: t("c360.points.col.delta"),
      dataIndex: "delta",
      key: "delta",
      width: 100,
      align: "right" as const,
      render: (v: number) => (
        <Typography.Text className="mono-num" type={v < 0 ? "danger" : "success"}>
          {signedPoints(v)}
        </Typography.Text>
      ),
    },
    {
      title: t("c360.points.col.detail"),
      key: "detail",
      ellipsis: true,
      render: (_: unknown, e: PointsEntry) => (
        <span data-testid="points-detail">{e.source === "order" && e.sourceId ? <Link to={`/orders/${e.sourceId}`}>{detail(e)}</Link> : detail(e)}</span>
      ),
    },
    { title: t("c360.points.col.operator"), dataIndex: "operator", key: "operator", width: 100 },
  ];

  const tierColumns = [
    { title: t("c360.points.col.at"), dataIndex: "at", key: "at", width: 150, render: (v: string) => <span className="mono-num">{formatDateTime(v)}</span> },
    { title: t("c360.points.col.reason"), dataIndex: "reason", key: "reason", width: 90, render: (v: string) => <Tag bordered={false}>{tierReason(t, v)}</Tag> },
    { title: t("rules.tier.name"), key: "change", render: (_: unknown, c: TierChange) => `${c.fromTier ? `${tierName(lang, tiers, c.fromTier)} → ` : ""}${tierName(lang, tiers, c.toTier)}` },
    { title: t("c360.tier.spendCol"), dataIndex: "spendFen", key: "spend", width: 130, align: "right" as const, render: (v: number) => <span className="mono-num">{formatYuan(v)}</span> },
    { title: t("c360.points.col.operator"), dataIndex: "operator", key: "operator", width: 100 },
  ];

  const lockTier = async (code: string | null) => {
    try {
      await loyaltyLockTier({ customerId, tier: code });
      void message.success(code ? t("c360.tier.lockDone") : t("c360.tier.unlockDone"));
      await load();
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  const voidGrant = async (g: CouponGrant) => {
    try {
      await couponsVoid({ grantId: g.id, reason: voidReason.trim() });
      setVoidReason("");
      void message.success(t("coupon.void.done"));
      await load();
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  const couponColumns = [
    { title: t("coupon.col.name"), key: "name", render: (_: unknown, g: CouponGrant) => <Typography.Text strong>{g.coupon.name}</Typography.Text> },
    { title: t("coupon.col.terms"), key: "terms", render: (_: unknown, g: CouponGrant) => describeCoupon(t, g.coupon) },
    { title: t("coupon.col.validTo"), key: "to", width: 120, render: (_: unknown, g: CouponGrant) => <span className="mono-num">{formatDay(g.coupon.validTo)}</span> },
    { title: t("coupon.col.state"), key: "state", width: 90, render: (_: unknown, g: CouponGrant) => <Tag color={GRANT_COLORS[g.state]}>{t(`coupon.state.${g.state}` as MessageKey)}</Tag> },
    ...(session.role !== "rep"
      ? [
          {
            title: "",
            key: "void",
            width: 90,
            render: (_: unknown, g: CouponGrant) =>
              g.state === "unused" && (
                <Popconfirm
                  title={t("coupon.void.title")}
                  description={<Input placeholder={t("coupon.void.reason")} value={voidReason} onChange={(e) => setVoidReason(e.target.value)} data-testid="coupon-void-reason" />}
                  okText={t("coupon.void")}
                  cancelText={t("common.cancel")}
                  onConfirm={() => voidGrant(g)}
                >
                  <Button size="small" icon={<StopOutlined />} data-testid="coupon-void">
                    {t("coupon.void")}
                  </Button>
                </Popconfirm>
              ),
          },
        ]
      : []),
  ];

  const history = more ?? data?.history ?? [];
  const tier = data?.tier;

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
      {!data && !error && <Spin />}
      {data && tier && (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 12 }}>
            <Col xs={12} md={4}>
              <Statistic title={t("c360.points.usable")} value={formatPoints(data.points.usable)} data-testid="c360-points-usable" />
            </Col>
            <Col xs={12} md={4}>
              <Statistic title={t("c360.points.locked")} value={formatPoints(data.points.locked)} data-testid="c360-points-locked" />
            </Col>
            <Col xs={24} md={6}>
              <Statistic
                title={t("c360.points.total")}
                value={formatPoints(data.points.balance)}
                suffix={<span style={{ fontSize: 14, color: "#8c8c8c" }}>≈ {formatYuan(data.points.valueFen)}</span>}
                data-testid="c360-points-balance"
              />
              {data.points.nextExpiryAt && data.points.nextExpiryPoints > 0 && (
                <Typography.Text type="warning" data-testid="c360-points-expiry">
                  {t("c360.points.expires", { points: formatPoints(data.points.nextExpiryPoints), day: formatDay(data.points.nextExpiryAt) })}
                </Typography.Text>
              )}
            </Col>
            <Col xs={24} md={10}>
              <div className="ant-statistic-title" style={{ color: "rgba(0,0,0,0.45)", marginBottom: 4 }}>
                {t("c360.tier.title")}
              </div>
              <Space wrap size={6} data-testid="c360-tier">
                <Tag color={tier.tier ? "gold" : "default"} style={{ fontSize: 15, padding: "2px 10px" }}>
                  {tier.tier ? (lang === "en" ? tier.tier.nameEn : tier.tier.nameZh) : t("c360.tier.none")}
                </Tag>
                {tier.locked && <Tag color="purple">{t("c360.tier.locked")}</Tag>}
                {tier.retainedUntil && !tier.locked && <Typography.Text type="secondary">{t("c360.tier.keptUntil", { day: formatDay(tier.retainedUntil) })}</Typography.Text>}
                {session.role === "owner" && tiers.length > 0 && (
                  <Select<string>
                    size="small"
                    style={{ width: 150 }}
                    value={tier.locked && tier.tier ? tier.tier.code : ""}
                    onChange={(code) => void lockTier(code || null)}
                    options={[{ value: "", label: t("c360.tier.unlocked") }, ...tiers.map((x) => ({ value: x.code, label: t("c360.tier.lockAt", { tier: lang === "en" ? x.nameEn : x.nameZh }) }))]}
                    data-testid="c360-tier-lock"
                  />
                )}
              </Space>
              <div style={{ marginTop: 6 }}>
                <Typography.Text type="secondary">{t("c360.tier.spend", { spend: formatYuan(tier.qualifyingSpendFen) })}</Typography.Text>
              </div>
              {tier.tier && (
                <div data-testid="c360-tier-progress">
                  {tier.nextTier && tier.toNextFen !== null ? (
                    <>
                      <Progress percent={tier.progressPercent} size="small" showInfo={false} strokeColor="#0f766e" />
                      <Typography.Text>{t("c360.tier.next", { remaining: formatYuan(tier.toNextFen), next: lang === "en" ? tier.nextTier.nameEn : tier.nextTier.nameZh })}</Typography.Text>
                    </>
                  ) : (
                    <Typography.Text>{t("c360.tier.top")}</Typography.Text>
                  )}
                </div>
              )}
            </Col>
          </Row>
          <Tabs
            size="small"
            items={[
              {
                key: "points",
                label: <span data-testid="c360-tab-points">{t("c360.points.history")}</span>,
                children: (
                  <>
                    <Table<PointsEntry>
                      data-testid="c360-points-history"
                      rowKey="id"
                      size="small"
                      columns={pointColumns}
                      dataSource={history}
                      pagination={history.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
                      onRow={() => ({ "data-testid": "points-row" }) as HTMLAttributes<HTMLElement>}
                      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("c360.points.none")} /> }}
                      scroll={{ x: 700 }}
                    />
                    {!more && data.history.length >= 20 && (
                      <Button type="link" onClick={() => void loyaltyHistory(customerId, MORE_ROWS).then(setMore, (e: unknown) => void message.error(errorText(e)))}>
                        {t("c360.points.more")}
                      </Button>
                    )}
                  </>
                ),
              },
              {
                key: "tiers",
                label: <span data-testid="c360-tab-tiers">{t("c360.tier.history")}</span>,
                children: (
                  <Table<TierChange>
                    rowKey="id"
                    size="small"
                    columns={tierColumns}
                    dataSource={data.tierHistory}
                    pagination={false}
                    locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("c360.tier.historyNone")} /> }}
                  />
                ),
              },
              {
                key: "coupons",
                label: <span data-testid="c360-tab-coupons">{t("c360.coupons.title", { n: data.coupons.filter((g) => g.state === "unused").length })}</span>,
                children: (
                  <Table<CouponGrant>
                    rowKey="id"
                    size="small"
                    columns={couponColumns}
                    dataSource={data.coupons}
                    pagination={false}
                    data-testid="c360-coupons"
                    locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("c360.coupons.none")} /> }}
                  />
                ),
              },
            ]}
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

function tierReason(t: (k: MessageKey) => string, reason: string): string {
  const known = ["upgrade", "downgrade", "lock", "unlock", "merge"].includes(reason);
  return known ? t(`c360.tier.reason.${reason}` as MessageKey) : reason;
}

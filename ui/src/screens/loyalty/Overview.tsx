import { SyncOutlined } from "@ant-design/icons";
import { Alert, App as AntApp, Button, Card, Col, Empty, Result, Row, Space, Spin, Statistic, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useI18n } from "../../i18n";
import { loyaltyLiability, loyaltyMonthly, loyaltyRules, loyaltyRun, type Liability, type MonthPoints, type TierDef } from "../../lib/backend";
import { useSession } from "../../lib/appContext";
import { formatYuan } from "../../lib/money";
import { useErrorText } from "../../lib/useErrorText";
import { HBarChart, MonthChart } from "./BarChart";
import { formatPoints, lastMonths } from "./format";
import { TIER_COLORS, tierName } from "./labels";

/** Liability (points and their ¥ value, unused coupons, what expires soon) and two charts. */
export function Overview() {
  const session = useSession();
  const { t } = useI18n();
  if (session.role === "rep") {
    return <Result status="info" title={t("loyalty.ov.repTitle")} subTitle={t("loyalty.ov.repText")} data-testid="loyalty-overview-rep" />;
  }
  return <OverviewNumbers />;
}

function OverviewNumbers() {
  const { t, lang } = useI18n();
  const errorText = useErrorText();
  const { message } = AntApp.useApp();
  const [data, setData] = useState<{ liability: Liability; months: MonthPoints[]; tiers: TierDef[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);

  const load = useCallback(async () => {
    try {
      const [liability, months, rules] = await Promise.all([loyaltyLiability(), loyaltyMonthly(), loyaltyRules()]);
      setData({ liability, months, tiers: rules.rules.tiers });
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, [errorText]);

  useEffect(() => {
    void load();
  }, [load]);

  const runNow = async () => {
    setRunning(true);
    try {
      const r = await loyaltyRun();
      void message.success(
        t("loyalty.ov.ran", { orders: r.sync.earnedOrders, points: formatPoints(r.sync.earnedPoints), up: r.tiers.upgraded, down: r.tiers.downgraded, expired: formatPoints(r.expiry.points) }),
      );
      await load();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setRunning(false);
    }
  };

  if (error) return <Alert type="error" showIcon message={error} />;
  if (!data) return <Spin />;
  const { liability: l } = data;
  const months = lastMonths(data.months, 12, (month) => ({ month, issued: 0, redeemed: 0, expired: 0, reversed: 0 }));
  const hasMonths = months.some((m) => m.issued || m.redeemed || m.expired);

  return (
    <div data-testid="loyalty-overview">
      <Space style={{ marginBottom: 12, width: "100%", justifyContent: "space-between" }} wrap>
        <Typography.Text type="secondary">{t("loyalty.ov.jobNote")}</Typography.Text>
        <Button icon={<SyncOutlined />} loading={running} onClick={() => void runNow()} data-testid="loyalty-run">
          {t("loyalty.ov.run")}
        </Button>
      </Space>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={8}>
          <Card size="small">
            <Statistic title={t("loyalty.ov.outstanding")} value={formatPoints(l.outstandingPoints)} data-testid="loyalty-outstanding" />
            <div className="mono-num" data-testid="loyalty-outstanding-value">
              {t("loyalty.ov.outstandingValue", { value: formatYuan(l.outstandingValueFen) })}
            </div>
          </Card>
        </Col>
        <Col xs={24} md={6}>
          <Card size="small" style={{ height: "100%" }}>
            <Statistic title={t("loyalty.ov.unusedCoupons")} value={formatPoints(l.unusedCoupons)} data-testid="loyalty-unused-coupons" />
          </Card>
        </Col>
        <Col xs={24} md={10}>
          <Card size="small" title={t("loyalty.ov.expiring")} style={{ height: "100%" }}>
            <Row>
              {([30, 60, 90] as const).map((days) => (
                <Col span={8} key={days}>
                  <Statistic
                    title={t("loyalty.ov.expiringIn", { days })}
                    value={formatPoints(days === 30 ? l.expiring30Days : days === 60 ? l.expiring60Days : l.expiring90Days)}
                    valueStyle={{ fontSize: 20 }}
                    data-testid={`loyalty-expiring-${days}`}
                  />
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Card size="small" title={t("loyalty.ov.tiers")} style={{ height: "100%" }}>
            {l.tierCounts.some(([, n]) => n > 0) ? (
              <HBarChart
                testId="loyalty-tier-chart"
                bars={l.tierCounts.map(([code, n], i) => ({ key: code, label: tierName(lang, data.tiers, code), value: n, color: TIER_COLORS[i % TIER_COLORS.length] }))}
                format={(n) => t("loyalty.ov.customers", { n: formatPoints(n) })}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("loyalty.ov.tiersNone")} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <Card size="small" title={t("loyalty.ov.months")}>
            {hasMonths ? (
              <MonthChart
                testId="loyalty-month-chart"
                months={months.map((m) => m.month)}
                series={[
                  { key: "issued", label: t("loyalty.ov.issued"), color: "#0f766e" },
                  { key: "redeemed", label: t("loyalty.ov.redeemed"), color: "#faad14" },
                  { key: "expired", label: t("loyalty.ov.expired"), color: "#bfbfbf" },
                ]}
                values={months.map((m) => [m.issued, m.redeemed, m.expired])}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("loyalty.ov.monthsNone")} />
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}

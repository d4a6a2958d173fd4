import { Alert, Card, Col, Empty, Row, Spin, Statistic } from "antd";
import { useEffect, useState } from "react";
import { useI18n } from "../../i18n";
import { loyaltyLiability, loyaltyMonthly, type Liability, type MonthPoints } from "../../lib/backend";
import { formatYuan } from "../../lib/money";
import { useErrorText } from "../../lib/useErrorText";
import { MonthChart } from "./BarChart";
import { formatPoints, lastMonths } from "./format";

/** Liability (points and their ¥ value, unused coupons, what expires soon) and two charts. */
export function Overview() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [data, setData] = useState<{ liability: Liability; months: MonthPoints[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all([loyaltyLiability(), loyaltyMonthly()])
      .then(([liability, months]) => live && setData({ liability, months }))
      .catch((e: unknown) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [errorText]);

  if (error) return <Alert type="error" showIcon message={error} />;
  if (!data) return <Spin />;
  const { liability: l } = data;
  const months = lastMonths(data.months, 12);
  const hasMonths = months.some((m) => m.issued || m.redeemed || m.expired);

  return (
    <div data-testid="loyalty-overview">
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
        <Col span={24}>
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

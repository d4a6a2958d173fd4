// Lifecycle stages 潜在 → 新 → 活跃 → 沉睡 → 流失 as a funnel and a table, with the 老客 count; each
// count a link to those customers. The day lines applied are stated above.
import { Col, Row, Statistic, Table, Tag, Typography } from "antd";
import { useMemo } from "react";
import { Link, useNavigate } from "react-router-dom";
import { Chart } from "../../charts/Chart";
import { useI18n } from "../../i18n";
import type { InsightOverview, StageCount } from "../../lib/backend";
import { formatCount } from "../../lib/format";
import { customersHref } from "../customers/scoreFilters";
import { stageFunnelOption } from "./insightCharts";
import { STAGE_COLOR, STAGE_HEX, formatShare, stageName } from "./labels";

export function StageCard({ overview }: { overview: InsightOverview }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const p = overview.params;
  const option = useMemo(
    () => stageFunnelOption(overview.stages.map((s) => ({ code: s.code, label: stageName(t, s.code), customers: s.customers, color: STAGE_HEX[s.code] })), { customers: t("insight.col.customers") }),
    [overview, t],
  );
  const share = (n: number) => (overview.customers ? formatShare(n / overview.customers) : "—");
  const columns = [
    {
      key: "stage",
      title: t("insight.col.stage"),
      render: (_: unknown, s: StageCount) => (
        <Tag color={STAGE_COLOR[s.code]} bordered={false}>
          {stageName(t, s.code)}
        </Tag>
      ),
    },
    { key: "rule", title: t("insight.col.rule"), render: (_: unknown, s: StageCount) => <Typography.Text type="secondary">{t(`insight.stageRule.${s.code}`, { new: p.newDays, active: p.activeDays, dormant: p.dormantDays })}</Typography.Text> },
    {
      key: "customers",
      title: t("insight.col.customers"),
      align: "right" as const,
      render: (_: unknown, s: StageCount) => (
        <Link to={customersHref({ stages: [s.code] })} className="mono-num" data-testid={`insight-stage-count-${s.code}`}>
          {formatCount(s.customers, lang)}
        </Link>
      ),
    },
    { key: "share", title: t("insight.col.shareAll"), align: "right" as const, render: (_: unknown, s: StageCount) => <Link to={customersHref({ stages: [s.code] })} className="mono-num">{share(s.customers)}</Link> },
  ];
  return (
    <div data-testid="insight-stages">
      <Typography.Title level={5}>{t("insight.stages.title")}</Typography.Title>
      <Row gutter={[24, 16]}>
        <Col xs={24} xl={10}>
          <Chart
            option={option}
            height={260}
            testId="insight-stages-chart"
            label={t("insight.stages.title")}
            onPick={(pick) => {
              const code = (pick.data as { code?: string } | null)?.code;
              const s = overview.stages.find((x) => x.code === code);
              if (s) navigate(customersHref({ stages: [s.code] }));
            }}
          />
        </Col>
        <Col xs={24} xl={14}>
          <Table<StageCount> rowKey="code" size="small" pagination={false} columns={columns} dataSource={overview.stages} data-testid="insight-stages-table" />
          <div style={{ marginTop: 12 }}>
            <Statistic
              title={t("insight.returning.title")}
              valueRender={() => (
                <Link to={customersHref({ returning: true })} className="mono-num" data-testid="insight-returning-count">
                  {formatCount(overview.returning, lang)}
                </Link>
              )}
              suffix={<Typography.Text type="secondary" style={{ fontSize: 13 }}>{t("insight.returning.text", { share: share(overview.returning) })}</Typography.Text>}
            />
          </div>
        </Col>
      </Row>
    </div>
  );
}

// RFM class distribution: the 8 classes as bars and as a table (customers, share, spend, spend
// share), each count a link to those customers, with the lines the pass applied stated above.
import { Col, Row, Table, Tag, Typography } from "antd";
import { useMemo } from "react";
import { Link, useNavigate } from "react-router-dom";
import { Chart } from "../../charts/Chart";
import { useI18n } from "../../i18n";
import type { ClassCount, InsightOverview } from "../../lib/backend";
import { formatCount } from "../../lib/format";
import { formatYuan } from "../../lib/money";
import { customersHref } from "../customers/scoreFilters";
import { classBarsOption } from "./insightCharts";
import { CLASS_COLOR, CLASS_HEX, className, formatShare } from "./labels";

export function ClassCard({ overview }: { overview: InsightOverview }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const p = overview.params;
  const name = (code: string) => className(t, lang, code, overview.labels);

  const option = useMemo(
    () =>
      classBarsOption(
        overview.classes.map((c) => ({ code: c.code, label: name(c.code), color: CLASS_HEX[c.code], customers: c.customers, share: formatShare(c.share), spendShare: formatShare(c.spendShare) })),
        { customers: t("insight.col.customers"), share: t("insight.col.share"), spendShare: t("insight.col.spendShare") },
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `name` is derived from these
    [overview, t, lang],
  );

  const columns = [
    {
      key: "class",
      title: t("insight.col.class"),
      render: (_: unknown, c: ClassCount) => (
        <Tag color={CLASS_COLOR[c.code]} bordered={false}>
          {name(c.code)}
        </Tag>
      ),
    },
    {
      key: "customers",
      title: t("insight.col.customers"),
      align: "right" as const,
      render: (_: unknown, c: ClassCount) => (
        <Link to={customersHref({ rfmClasses: [c.code] })} className="mono-num" data-testid={`insight-class-count-${c.code}`}>
          {formatCount(c.customers, lang)}
        </Link>
      ),
    },
    // The class's other numbers open the same customers.
    { key: "share", title: t("insight.col.share"), align: "right" as const, render: (_: unknown, c: ClassCount) => <Link to={customersHref({ rfmClasses: [c.code] })} className="mono-num">{formatShare(c.share)}</Link> },
    { key: "spend", title: t("insight.col.spend"), align: "right" as const, render: (_: unknown, c: ClassCount) => <Link to={customersHref({ rfmClasses: [c.code] })} className="mono-num">{formatYuan(c.spendFen)}</Link> },
    { key: "spendShare", title: t("insight.col.spendShare"), align: "right" as const, render: (_: unknown, c: ClassCount) => <Link to={customersHref({ rfmClasses: [c.code] })} className="mono-num">{formatShare(c.spendShare)}</Link> },
  ];

  const unclassed = overview.customers - overview.classes.reduce((s, c) => s + c.customers, 0);
  return (
    <div data-testid="insight-classes">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t("insight.classes.title")}
      </Typography.Title>
      <Typography.Paragraph type="secondary" data-testid="insight-lines">
        {t(p.mode === "median" ? "insight.lines.median" : "insight.lines.fixed", {
          r: p.rDays,
          f: p.fOrders,
          m: formatYuan(p.mFen),
          window: p.windowDays,
        })}
      </Typography.Paragraph>
      <Row gutter={[24, 16]}>
        <Col xs={24} xl={10}>
          <Chart
            option={option}
            height={300}
            testId="insight-classes-chart"
            label={t("insight.classes.title")}
            onPick={(pick) => {
              const code = (pick.data as { code?: string } | null)?.code;
              const c = overview.classes.find((x) => x.code === code);
              if (c) navigate(customersHref({ rfmClasses: [c.code] }));
            }}
          />
        </Col>
        <Col xs={24} xl={14}>
          <Table<ClassCount> rowKey="code" size="small" pagination={false} columns={columns} dataSource={overview.classes} data-testid="insight-classes-table" />
          {unclassed > 0 && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              {t("insight.classes.unclassed", { n: formatCount(unclassed, lang), window: p.windowDays })}
            </Typography.Paragraph>
          )}
        </Col>
      </Row>
    </div>
  );
}

// What saving new lines would do: how many customers move from which class to which and from
// which stage to which (only the moves; everyone else stays), and the lines that would apply.
import { Col, Empty, Row, Table, Typography } from "antd";
import { useI18n } from "../../i18n";
import type { ClassLabel, MoveCell, ThresholdPreview } from "../../lib/backend";
import { formatCount } from "../../lib/format";
import { formatYuan } from "../../lib/money";
import { className, stageName } from "./labels";

export function PreviewTables({ preview, labels }: { preview: ThresholdPreview; labels?: ClassLabel[] }) {
  const { t, lang } = useI18n();
  const r = preview.resolved;
  const table = (moves: MoveCell[], name: (code: string | null) => string, testId: string) => (
    <Table<MoveCell>
      size="small"
      pagination={false}
      data-testid={testId}
      rowKey={(m) => `${m.from ?? ""}>${m.to ?? ""}`}
      dataSource={[...moves].sort((a, b) => b.customers - a.customers)}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("insight.preview.noMoves")} /> }}
      columns={[
        { key: "from", title: t("insight.preview.from"), render: (_, m) => name(m.from) },
        { key: "arrow", title: "", width: 24, render: () => "→" },
        { key: "to", title: t("insight.preview.to"), render: (_, m) => name(m.to) },
        { key: "n", title: t("insight.col.customers"), align: "right", render: (_, m) => <span className="mono-num">{formatCount(m.customers, lang)}</span> },
      ]}
    />
  );
  return (
    <div data-testid="rules-preview-result" style={{ marginTop: 24 }}>
      <Typography.Title level={5}>{t("insight.preview.title")}</Typography.Title>
      <Typography.Paragraph data-testid="rules-preview-summary">
        {t("insight.preview.summary", { moved: formatCount(preview.moved, lang), total: formatCount(preview.total, lang) })}
        <Typography.Text type="secondary">
          {" "}
          {t("insight.preview.lines", { r: r.rDays, f: r.fOrders, m: formatYuan(r.mFen), window: r.windowDays, new: r.newDays, active: r.activeDays, dormant: r.dormantDays })}
        </Typography.Text>
      </Typography.Paragraph>
      <Row gutter={[24, 16]}>
        <Col xs={24} xl={14}>
          <Typography.Text strong>{t("insight.preview.classMoves")}</Typography.Text>
          {table(preview.classMoves, (c) => className(t, lang, c, labels), "rules-preview-classes")}
        </Col>
        <Col xs={24} xl={10}>
          <Typography.Text strong>{t("insight.preview.stageMoves")}</Typography.Text>
          {table(preview.stageMoves, (c) => stageName(t, c), "rules-preview-stages")}
        </Col>
      </Row>
    </div>
  );
}

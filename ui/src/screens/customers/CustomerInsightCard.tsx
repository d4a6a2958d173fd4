// The 360 page's class card (every role: "reps see classes on the 360"): RFM class, lifecycle
// stage and 老客 as tags, the reason in words with each line checked, the suggested action, the
// monthly stage history, and the segments the customer is in, condition by condition (✔/✘).
import { Alert, Card, Col, Empty, Row, Space, Table, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { useI18n } from "../../i18n";
import { insightCustomer, segmentsOfCustomer, type CustomerInsight, type SegmentMembership } from "../../lib/backend";
import { useErrorText } from "../../lib/useErrorText";
import { CLASS_COLOR, STAGE_COLOR, className, stageName } from "../insight/labels";
import { useClassLabels } from "../insight/useClassLabels";

/** Months of stage history shown (newest last). */
const HISTORY_MONTHS = 12;

export function CustomerInsightCard({ customerId }: { customerId: number }) {
  const { t, lang } = useI18n();
  const labels = useClassLabels();
  const errorText = useErrorText();
  const [insight, setInsight] = useState<CustomerInsight | null>(null);
  const [segments, setSegments] = useState<SegmentMembership[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [segmentsError, setSegmentsError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setInsight(null);
    setSegments(null);
    insightCustomer(customerId).then(
      (i) => live && (setInsight(i), setError(null)),
      (e: unknown) => live && setError(errorText(e)),
    );
    segmentsOfCustomer(customerId).then(
      (s) => live && (setSegments(s), setSegmentsError(null)),
      (e: unknown) => live && setSegmentsError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [customerId, errorText]);

  const en = lang === "en";
  const history = insight ? insight.history.slice(-HISTORY_MONTHS) : [];
  return (
    <Card title={t("c360.insight.title")} variant="borderless" style={{ marginBottom: 16 }} loading={!insight && !error} data-testid="c360-insight">
      {error && <Alert type="error" showIcon message={error} />}
      {insight && !insight.asOf && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("c360.insight.notScored")} />}
      {insight?.asOf && (
        <Row gutter={[24, 16]}>
          <Col xs={24} xl={14}>
            <Space wrap style={{ marginBottom: 8 }}>
              {insight.rfmClass ? (
                <Tag color={CLASS_COLOR[insight.rfmClass]} data-testid="c360-insight-class">
                  {className(t, lang, insight.rfmClass, labels)}
                </Tag>
              ) : (
                <Tag data-testid="c360-insight-class">{className(t, lang, null)}</Tag>
              )}
              <Tag color={STAGE_COLOR[insight.stage]} data-testid="c360-insight-stage">
                {stageName(t, insight.stage)}
              </Tag>
              {insight.returning && (
                <Tag color="green" data-testid="c360-insight-returning">
                  {t("insight.returning.tag")}
                </Tag>
              )}
              <Typography.Text type="secondary">{t("c360.insight.asOf", { day: insight.asOf })}</Typography.Text>
            </Space>
            <Typography.Paragraph className="mono-num" data-testid="c360-insight-reason" style={{ marginBottom: 4 }}>
              {en ? insight.reasonEn : insight.reasonZh}
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary" data-testid="c360-insight-stage-reason" style={{ marginBottom: 4 }}>
              {en ? insight.stageReasonEn : insight.stageReasonZh}
            </Typography.Paragraph>
            {(en ? insight.actionEn : insight.actionZh) && (
              <Typography.Paragraph data-testid="c360-insight-action" style={{ marginBottom: 12 }}>
                {en ? insight.actionEn : insight.actionZh}
              </Typography.Paragraph>
            )}
            {history.length > 0 && (
              <Table
                size="small"
                pagination={false}
                rowKey="month"
                data-testid="c360-insight-history"
                dataSource={[...history].reverse()}
                scroll={{ y: 220 }}
                columns={[
                  { key: "month", title: t("c360.insight.month"), render: (_, h) => <span className="mono-num">{h.month}</span> },
                  { key: "class", title: t("insight.col.class"), render: (_, h) => className(t, lang, h.rfmClass, labels) },
                  { key: "stage", title: t("insight.col.stage"), render: (_, h) => <Tag color={STAGE_COLOR[h.stage]} bordered={false}>{stageName(t, h.stage)}</Tag> },
                ]}
              />
            )}
          </Col>
          <Col xs={24} xl={10}>
            <Typography.Text strong>{t("c360.insight.segments")}</Typography.Text>
            {segmentsError && <Alert type="error" showIcon message={segmentsError} style={{ marginTop: 8 }} />}
            {segments && segments.length === 0 && <Typography.Paragraph type="secondary">{t("c360.insight.noSegments")}</Typography.Paragraph>}
            {segments?.map((s) => (
              <div key={s.key} className="c360-segment" data-testid="c360-segment">
                <Typography.Text>{en ? s.nameEn : s.nameZh}</Typography.Text>
                <ul style={{ listStyle: "none", paddingLeft: 4, margin: "4px 0 10px" }}>
                  {s.conditions.map((c, i) => (
                    <li key={i}>
                      <Typography.Text type={c.ok ? undefined : "secondary"}>{en ? c.en : c.zh}</Typography.Text>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </Col>
        </Row>
      )}
    </Card>
  );
}

// The follow-up log on the customer 360 page: every contact (kind, channel, outcome, notes, next
// date, who/when), newest first, and "log contact".
import { PhoneOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Empty, List, Space, Tag, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useI18n } from "../../i18n";
import { followupsForCustomer, type FollowUp } from "../../lib/backend";
import { formatDateTime } from "../../lib/format";
import { useErrorText } from "../../lib/useErrorText";
import { lbl } from "../tickets/labels";
import { FollowUpDialog } from "./FollowUpDialog";

export function FollowUpsCard({ customerId, customerName }: { customerId: number; customerName: string }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [rows, setRows] = useState<FollowUp[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);

  const load = useCallback(() => {
    followupsForCustomer(customerId)
      .then((r) => {
        setRows(r);
        setError(null);
      })
      .catch((e: unknown) => setError(errorText(e)));
  }, [customerId, errorText]);

  useEffect(load, [load]);

  return (
    <Card
      variant="borderless"
      title={t("followUp.card")}
      extra={
        <Button size="small" icon={<PhoneOutlined />} onClick={() => setAdding(true)} data-testid="customer-followup-add">
          {t("followUp.add")}
        </Button>
      }
      style={{ marginBottom: 16 }}
      data-testid="customer-followups"
    >
      {error && <Alert type="error" showIcon message={error} />}
      {rows && rows.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("followUp.empty")} />}
      {rows && rows.length > 0 && (
        <List
          size="small"
          dataSource={rows}
          renderItem={(f) => (
            <List.Item data-testid="customer-followup">
              <Space direction="vertical" size={2} style={{ width: "100%" }}>
                <Space wrap size={6}>
                  <Tag color="cyan" bordered={false}>
                    {lbl(t, "followUpKind", f.kind)}
                  </Tag>
                  <Typography.Text>{lbl(t, "ticketChannel", f.channel)}</Typography.Text>
                  <Typography.Text type="secondary">· {lbl(t, "outcome", f.outcome)}</Typography.Text>
                  {f.nextContactOn && <Tag bordered={false}>{t("followUp.nextOn", { day: f.nextContactOn })}</Tag>}
                </Space>
                {f.notes && <Typography.Text>{f.notes}</Typography.Text>}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {f.createdBy} · {formatDateTime(f.createdAt)}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
      {adding && <FollowUpDialog target={{ customerId, customerName, kind: "revisit" }} onClose={() => setAdding(false)} onDone={load} />}
    </Card>
  );
}

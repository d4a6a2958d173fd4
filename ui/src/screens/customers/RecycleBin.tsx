import { ArrowLeftOutlined, UndoOutlined } from "@ant-design/icons";
import { Alert, App as AntApp, Button, Card, Empty, Space, Table, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useNavigate } from "react-router-dom";
import { useI18n } from "../../i18n";
import { customersRecycleBin, customersRestore, type BinEntry } from "../../lib/backend";
import { formatDateTime } from "../../lib/format";
import { useErrorText } from "../../lib/useErrorText";
import { formatDay } from "./format";

/** Deleted customers, restorable for 30 days; then they go (or are anonymised if they bought). */
export function RecycleBin() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const [rows, setRows] = useState<BinEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setRows(await customersRecycleBin());
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, [errorText]);

  useEffect(() => {
    void load();
  }, [load]);

  const restore = async (r: BinEntry) => {
    try {
      await customersRestore(r.id);
      void message.success(t("cust.bin.restored", { name: r.name }));
      await load();
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  return (
    <div className="page" data-testid="page-recycle-bin">
      <div className="page-head">
        <Space align="center">
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate("/customers")} aria-label={t("common.back")} />
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t("cust.bin.title")}
            </Typography.Title>
            <Typography.Text type="secondary">{t("cust.bin.subtitle")}</Typography.Text>
          </div>
        </Space>
      </div>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Card variant="borderless" styles={{ body: { padding: 0 } }}>
        <Table<BinEntry>
          data-testid="recycle-table"
          rowKey="id"
          loading={rows === null && !error}
          dataSource={rows ?? []}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("cust.bin.empty")} /> }}
          pagination={false}
          columns={[
            { title: t("cust.field.name"), dataIndex: "name", key: "name", render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
            { title: t("cust.field.city"), dataIndex: "city", key: "city", render: (v: string | null) => v ?? t("common.none") },
            { title: t("cust.stats.orders"), dataIndex: "ordersCount", key: "orders", width: 90 },
            { title: t("cust.bin.deletedAt"), dataIndex: "deletedAt", key: "deletedAt", width: 160, render: (v: string) => formatDateTime(v) },
            { title: t("cust.bin.purgeAt"), dataIndex: "purgeAt", key: "purgeAt", width: 140, render: (v: string) => formatDay(v) },
            {
              title: "",
              key: "restore",
              width: 110,
              render: (_: unknown, r: BinEntry) => (
                <Button size="small" icon={<UndoOutlined />} onClick={() => void restore(r)} data-testid="recycle-restore">
                  {t("cust.bin.restore")}
                </Button>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}

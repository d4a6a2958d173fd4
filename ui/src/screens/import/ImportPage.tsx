import { UndoOutlined } from "@ant-design/icons";
import { App as AntApp, Button, Card, Table, Tabs, Tag, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useI18n } from "../../i18n";
import { importList, importUndo, type ImportBatch } from "../../lib/backend";
import { useSession } from "../../lib/appContext";
import { formatCount, formatDateTime } from "../../lib/format";
import { useErrorText } from "../../lib/useErrorText";
import { ImportWizard } from "./ImportWizard";

/** 批量导入: the wizard and the import history (with undo for owner and manager). */
export function ImportPage() {
  const { t, lang } = useI18n();
  const errorText = useErrorText();
  const { message, modal } = AntApp.useApp();
  const session = useSession();
  const [tab, setTab] = useState("wizard");
  const [batches, setBatches] = useState<ImportBatch[]>([]);
  const [loading, setLoading] = useState(false);
  const canUndo = session.role !== "rep";

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setBatches(await importList());
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setLoading(false);
    }
  }, [errorText, message]);

  useEffect(() => {
    if (tab === "history") void reload();
  }, [tab, reload]);

  const undo = (b: ImportBatch) =>
    modal.confirm({
      title: t("import.undoConfirmTitle", { id: b.id }),
      content: t("import.undoConfirmText"),
      okText: t("import.undo"),
      okButtonProps: { danger: true, id: "import-history-undo-confirm" },
      cancelText: t("common.cancel"),
      onOk: async () => {
        try {
          const r = await importUndo({ batchId: b.id });
          message.success(t("import.undoDone", { orders: r.ordersRemoved + r.ordersRestored, customers: r.customersRemoved }));
          await reload();
        } catch (e) {
          modal.error({ title: t("import.undoFailed"), content: errorText(e) });
        }
      },
    });

  const n = (x: number) => formatCount(x, lang);

  return (
    <div className="page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t("import.title")}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: "wizard", label: t("import.tab.wizard"), children: <ImportWizard onImported={() => void 0} /> },
          {
            key: "history",
            label: <span data-testid="import-history-tab">{t("import.tab.history")}</span>,
            children: (
              <Card>
                <Table
                  size="small"
                  rowKey="id"
                  loading={loading}
                  dataSource={batches}
                  pagination={{ pageSize: 20, hideOnSinglePage: true }}
                  locale={{ emptyText: t("import.historyEmpty") }}
                  columns={[
                    { title: "#", dataIndex: "id", key: "id", width: 60 },
                    { title: t("import.col.time"), dataIndex: "createdAt", key: "at", width: 150, render: (v: string) => formatDateTime(v) },
                    { title: t("import.file"), dataIndex: "fileName", key: "file", ellipsis: true },
                    { title: t("import.kind"), dataIndex: "kind", key: "kind", width: 90, render: (k: ImportBatch["kind"]) => t(`import.kind.${k}`) },
                    { title: t("import.col.by"), dataIndex: "createdBy", key: "by", width: 100 },
                    { title: t("import.created"), dataIndex: "created", key: "c", width: 90, render: n },
                    { title: t("import.updated"), dataIndex: "updated", key: "u", width: 80, render: n },
                    { title: t("import.col.skipped"), dataIndex: "skipped", key: "s", width: 80, render: n },
                    { title: t("import.col.rejected"), dataIndex: "rejected", key: "r", width: 90, render: n },
                    {
                      title: "",
                      key: "undo",
                      width: 120,
                      render: (_: unknown, b: ImportBatch) =>
                        b.undoneAt ? (
                          <Tag bordered={false}>{t("import.undoneTag")}</Tag>
                        ) : canUndo && b.created + b.updated > 0 ? (
                          <Button size="small" danger icon={<UndoOutlined />} onClick={() => undo(b)} data-testid={`import-undo-${b.id}`}>
                            {t("import.undo")}
                          </Button>
                        ) : null,
                    },
                  ]}
                />
              </Card>
            ),
          },
        ]}
      />
    </div>
  );
}

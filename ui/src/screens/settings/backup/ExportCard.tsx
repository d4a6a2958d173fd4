import { FileExcelOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Typography } from "antd";
import { useState } from "react";
import { useI18n } from "../../../i18n";
import { exportFull, pickSaveXlsx } from "../../../lib/backend";
import { formatCount } from "../../../lib/format";
import { useErrorText } from "../../../lib/useErrorText";

/** "Leaving with your data": every table into one xlsx workbook (owner only in the core, audited). */
export function ExportCard() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const run = async () => {
    try {
      const stamp = new Date().toISOString().slice(0, 10);
      const path = await pickSaveXlsx(`${t("backup.export.fileName")}-${stamp}.xlsx`);
      if (!path) return;
      setBusy(true);
      setDone(null);
      const r = await exportFull({ path });
      setDone(t("backup.export.done", { rows: formatCount(r.rows, lang), sheets: r.sheets, path: r.path }));
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t("backup.export.title")}>
      <Typography.Paragraph type="secondary">{t("backup.export.help")}</Typography.Paragraph>
      <Button icon={<FileExcelOutlined />} loading={busy} onClick={() => void run()} data-testid="export-full">
        {t("backup.export.button")}
      </Button>
      {done && <Alert style={{ marginTop: 12 }} type="success" showIcon message={done} data-testid="export-result" />}
    </Card>
  );
}

import { CloudUploadOutlined, SaveOutlined } from "@ant-design/icons";
import { Alert, App, Button, Space, Typography } from "antd";
import { useState } from "react";
import { BackupPlacePicker } from "../../components/BackupPlacePicker";
import { useI18n } from "../../i18n";
import { backupNow, type BackupDone, type BackupTarget } from "../../lib/backend";
import { useErrorText } from "../../lib/useErrorText";
import { BackupProgressBar } from "../settings/backup/BackupProgressBar";

/**
 * The wizard's last step: where backups go (a USB stick or a cloud sync folder found here, or
 * any folder), or "later" — the owner's banner then keeps asking until a verified backup exists.
 */
export function BackupFolderStep({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [added, setAdded] = useState<BackupTarget | null>(null);
  const [running, setRunning] = useState(false);
  const [results, setResults] = useState<BackupDone[] | null>(null);

  const runNow = async () => {
    setRunning(true);
    try {
      setResults(await backupNow());
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setRunning(false);
    }
  };
  const written = results?.some((r) => r.path) ?? false;
  const failed = results?.filter((r) => r.error) ?? [];

  return (
    <div data-testid="wizard-backup-step">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        <SaveOutlined style={{ color: "#0f766e", marginRight: 8 }} />
        {t("wizard.backupTitle")}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t("wizard.backupText")}</Typography.Paragraph>

      {!added && <BackupPlacePicker onAdded={setAdded} />}

      {added && (
        <Space direction="vertical" size={12} style={{ width: "100%" }}>
          <Alert type="success" showIcon message={t("wizard.backupAdded", { path: added.path })} data-testid="wizard-backup-added" />
          {!written && (
            <Button icon={<CloudUploadOutlined />} loading={running} onClick={() => void runNow()} data-testid="wizard-backup-now">
              {t("wizard.backupNow")}
            </Button>
          )}
          <BackupProgressBar />
          {written && <Alert type="success" showIcon message={t("wizard.backupNowDone")} data-testid="wizard-backup-written" />}
          {failed.map((r) => (
            <Alert key={r.targetId} type="error" showIcon message={r.error} />
          ))}
        </Space>
      )}

      <Space style={{ marginTop: 24, width: "100%", justifyContent: "flex-end" }}>
        {!added && (
          <Button onClick={onDone} data-testid="wizard-backup-later">
            {t("wizard.backupLater")}
          </Button>
        )}
        {added && (
          <Button type="primary" size="large" disabled={running} onClick={onDone} data-testid="wizard-backup-done">
            {t("wizard.backupDone")}
          </Button>
        )}
      </Space>
    </div>
  );
}

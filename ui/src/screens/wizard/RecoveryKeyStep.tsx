import { CopyOutlined, PrinterOutlined, SafetyCertificateOutlined } from "@ant-design/icons";
import { Alert, App, Button, Checkbox, Input, Space, Typography } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n";

async function copyText(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = document.createElement("textarea");
  area.value = text;
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  if (!ok) throw new Error("copy failed");
}

/** Shows the recovery key once; continue needs the tick and the key's last 4 characters. */
export function RecoveryKeyStep({ recoveryKey, onContinue }: { recoveryKey: string; onContinue: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [saved, setSaved] = useState(false);
  const [last4, setLast4] = useState("");
  const expected = recoveryKey.trim().slice(-4).toUpperCase();
  const typed = last4.trim().toUpperCase();
  const last4Ok = typed.length === 4 && typed === expected;
  const showMismatch = typed.length >= 4 && !last4Ok;

  const copy = async () => {
    try {
      await copyText(recoveryKey);
      message.success(t("wizard.copied"));
    } catch {
      message.error(t("wizard.copyFailed"));
    }
  };

  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        <SafetyCertificateOutlined style={{ color: "#0f766e", marginRight: 8 }} />
        {t("wizard.keyTitle")}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t("wizard.keyText")}</Typography.Paragraph>

      <div className="print-area">
        <div className="print-only print-title">{t("wizard.printTitle")}</div>
        <div className="recovery-key" data-testid="recovery-key">
          {recoveryKey}
        </div>
        <div className="print-only">{t("wizard.printNote")}</div>
      </div>

      <Space className="no-print" style={{ margin: "12px 0 16px" }}>
        <Button icon={<CopyOutlined />} onClick={() => void copy()}>
          {t("wizard.copy")}
        </Button>
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t("wizard.print")}
        </Button>
      </Space>

      <Alert className="no-print" type="warning" showIcon message={t("wizard.keyOnce")} style={{ marginBottom: 16 }} />

      <div className="no-print">
        <Checkbox data-testid="recovery-confirm" checked={saved} onChange={(e) => setSaved(e.target.checked)}>
          {t("wizard.keyConfirm")}
        </Checkbox>
        <div style={{ marginTop: 16 }}>
          <Typography.Text>{t("wizard.keyLast4")}</Typography.Text>
          <Input
            data-testid="recovery-last4"
            value={last4}
            maxLength={4}
            onChange={(e) => setLast4(e.target.value)}
            placeholder={t("wizard.keyLast4Placeholder")}
            status={showMismatch ? "error" : undefined}
            className="last4-input"
            style={{ marginTop: 8 }}
          />
          {showMismatch && (
            <div>
              <Typography.Text type="danger">{t("wizard.keyLast4Wrong")}</Typography.Text>
            </div>
          )}
        </div>
        <Button
          type="primary"
          block
          size="large"
          style={{ marginTop: 24 }}
          disabled={!(saved && last4Ok)}
          onClick={onContinue}
          data-testid="recovery-continue"
        >
          {t("wizard.keyContinue")}
        </Button>
      </div>
    </div>
  );
}

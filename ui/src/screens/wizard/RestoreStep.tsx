import { Alert, Button, Form, Input, Radio, Space, Typography } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n";
import { pickBackupFile, storeRestoreBackup } from "../../lib/backend";
import { useErrorText } from "../../lib/useErrorText";

type Method = "password" | "recoveryKey";

interface Values {
  file: string;
  method: Method;
  username?: string;
  password?: string;
  recoveryKey?: string;
}

/** New computer: restore the store from a backup file with any user's password or the recovery key. */
export function RestoreStep({ onBack, onRestored }: { onBack: () => void; onRestored: () => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const method = Form.useWatch("method", form) ?? "password";
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const pick = async () => {
    const file = await pickBackupFile();
    if (file) form.setFieldValue("file", file);
  };

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await storeRestoreBackup(
        v.method === "recoveryKey"
          ? { file: v.file.trim(), recoveryKey: v.recoveryKey ?? "" }
          : { file: v.file.trim(), username: (v.username ?? "").trim(), password: v.password ?? "" },
      );
      onRestored();
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };

  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t("wizard.restoreFormTitle")}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t("wizard.restoreFormText")}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ method: "password", username: "owner" }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item label={t("wizard.restoreFile")} required>
          <Space.Compact style={{ width: "100%" }}>
            <Form.Item name="file" noStyle rules={[{ required: true, whitespace: true, message: t("wizard.restoreFileRequired") }]}>
              <Input data-testid="wizard-restore-file" placeholder={t("backup.filePlaceholder")} />
            </Form.Item>
            <Button onClick={() => void pick()} data-testid="wizard-restore-pick">
              {t("backup.pickFile")}
            </Button>
          </Space.Compact>
        </Form.Item>
        <Form.Item name="method" label={t("wizard.restoreWith")}>
          <Radio.Group data-testid="wizard-restore-method">
            <Radio value="password">{t("wizard.restoreWithPassword")}</Radio>
            <Radio value="recoveryKey" data-testid="wizard-restore-with-key">
              {t("wizard.restoreWithKey")}
            </Radio>
          </Radio.Group>
        </Form.Item>
        {method === "password" ? (
          <>
            <Form.Item
              name="username"
              label={t("wizard.username")}
              rules={[{ required: true, whitespace: true, message: t("wizard.usernameRequired") }]}
            >
              <Input data-testid="wizard-restore-username" autoComplete="username" />
            </Form.Item>
            <Form.Item
              name="password"
              label={t("wizard.password")}
              rules={[{ required: true, message: t("wizard.restorePasswordRequired") }]}
            >
              <Input.Password data-testid="wizard-restore-password" autoComplete="current-password" />
            </Form.Item>
          </>
        ) : (
          <Form.Item
            name="recoveryKey"
            label={t("wizard.restoreKey")}
            rules={[{ required: true, whitespace: true, message: t("wizard.restoreKeyRequired") }]}
          >
            <Input data-testid="wizard-restore-key" placeholder="XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX" autoComplete="off" />
          </Form.Item>
        )}
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="wizard-restore-error" />}
        <Space style={{ width: "100%", justifyContent: "space-between" }}>
          <Button onClick={onBack} disabled={busy} data-testid="wizard-restore-back">
            {t("common.back")}
          </Button>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="wizard-restore-submit">
            {busy ? t("wizard.restoring") : t("wizard.restoreSubmit")}
          </Button>
        </Space>
      </Form>
    </div>
  );
}

import { Alert, Button, Form, Input, Space, Typography } from "antd";
import { useState } from "react";
import { PasswordFields } from "../../components/PasswordFields";
import { useI18n } from "../../i18n";
import { storeInit } from "../../lib/backend";
import { useErrorText } from "../../lib/useErrorText";

interface Values {
  username: string;
  displayName: string;
  password: string;
  password2: string;
}

/** Owner account for a new store; returns the recovery key to show next. */
export function CreateStep({ onBack, onCreated }: { onBack: () => void; onCreated: (recoveryKey: string) => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const result = await storeInit({
        username: v.username.trim(),
        displayName: v.displayName.trim(),
        password: v.password,
      });
      onCreated(result.recoveryKey);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t("wizard.accountTitle")}
      </Typography.Title>
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ username: "owner", displayName: "" }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="username"
          label={t("wizard.username")}
          extra={t("wizard.usernameHelp")}
          rules={[{ required: true, whitespace: true, message: t("wizard.usernameRequired") }]}
        >
          <Input data-testid="wizard-username" autoComplete="username" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t("wizard.displayName")}
          rules={[{ required: true, whitespace: true, message: t("wizard.displayNameRequired") }]}
        >
          <Input data-testid="wizard-displayname" placeholder={t("wizard.displayNamePlaceholder")} autoFocus />
        </Form.Item>
        <PasswordFields
          label="wizard.password"
          confirmLabel="wizard.password2"
          testId="wizard-password"
          confirmTestId="wizard-password2"
        />
        <Alert type="warning" showIcon message={t("wizard.passwordWarning")} style={{ marginBottom: 16 }} />
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Space style={{ width: "100%", justifyContent: "space-between" }}>
          <Button onClick={onBack} disabled={busy}>
            {t("common.back")}
          </Button>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="wizard-submit">
            {busy ? t("wizard.creating") : t("wizard.submit")}
          </Button>
        </Space>
      </Form>
    </div>
  );
}

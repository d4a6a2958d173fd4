import { Alert, Button, Form, Input, Typography } from "antd";
import { useState } from "react";
import { PasswordFields } from "../../components/PasswordFields";
import { useI18n } from "../../i18n";
import { authRecover } from "../../lib/backend";
import { useApp } from "../../lib/appContext";
import { useErrorText } from "../../lib/useErrorText";

interface Values {
  recoveryKey: string;
  username: string;
  password: string;
  password2: string;
}

/** auth_recover: new password for a user, authorised by the recovery key. */
export function RecoverForm({ onBack }: { onBack: () => void }) {
  const { t } = useI18n();
  const { refresh } = useApp();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await authRecover({ recoveryKey: v.recoveryKey.trim(), username: v.username.trim(), newPassword: v.password });
      await refresh();
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };

  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t("recover.title")}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t("recover.text")}</Typography.Paragraph>
      <Form<Values> layout="vertical" requiredMark={false} onFinish={(v) => void submit(v)} initialValues={{ username: "owner" }}>
        <Form.Item name="recoveryKey" label={t("recover.key")} rules={[{ required: true, whitespace: true, message: t("recover.keyRequired") }]}>
          <Input.TextArea data-testid="recover-key" autoSize={{ minRows: 2, maxRows: 3 }} className="mono" autoFocus />
        </Form.Item>
        <Form.Item name="username" label={t("recover.username")} rules={[{ required: true, whitespace: true, message: t("login.usernameRequired") }]}>
          <Input data-testid="recover-username" autoComplete="username" />
        </Form.Item>
        <PasswordFields
          label="recover.newPassword"
          confirmLabel="recover.newPassword2"
          testId="recover-password"
          confirmTestId="recover-password2"
        />
        {error && <Alert data-testid="recover-error" type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="recover-submit">
          {t("recover.submit")}
        </Button>
        <div style={{ textAlign: "center", marginTop: 12 }}>
          <Button type="link" onClick={onBack}>
            {t("recover.back")}
          </Button>
        </div>
      </Form>
    </div>
  );
}

import { LockOutlined } from "@ant-design/icons";
import { Alert, Avatar, Button, Form, Input, Typography } from "antd";
import { useState } from "react";
import { AuthShell } from "../../components/AuthShell";
import { RoleTag } from "../../components/RoleTag";
import { useI18n } from "../../i18n";
import { authLogout, authUnlock } from "../../lib/backend";
import { useApp, useSession } from "../../lib/appContext";
import { useErrorText } from "../../lib/useErrorText";

export function LockScreen() {
  const { t } = useI18n();
  const { refresh } = useApp();
  const session = useSession();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ password: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const unlock = async ({ password }: { password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await authUnlock({ password });
      await refresh();
    } catch (e) {
      setError(errorText(e));
      form.setFieldValue("password", "");
      setBusy(false);
    }
  };

  const switchUser = async () => {
    try {
      await authLogout();
    } finally {
      await refresh();
    }
  };

  return (
    <AuthShell width={400} testId="lock-screen">
      <div style={{ textAlign: "center", marginBottom: 20 }}>
        <Avatar size={64} style={{ background: "#0f766e", fontSize: 28 }}>
          {session.displayName.slice(0, 1)}
        </Avatar>
        <Typography.Title level={4} style={{ margin: "12px 0 4px" }}>
          <LockOutlined style={{ marginRight: 8 }} />
          {t("lock.title")}
        </Typography.Title>
        <RoleTag role={session.role} />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t("lock.text", { name: session.displayName, username: session.username })}
        </Typography.Paragraph>
      </div>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => void unlock(v)}>
        <Form.Item name="password" label={t("lock.password")} rules={[{ required: true, message: t("login.passwordRequired") }]}>
          <Input.Password autoFocus autoComplete="current-password" data-testid="unlock-password" size="large" />
        </Form.Item>
        {error && <Alert data-testid="unlock-error" type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="unlock-submit">
          {t("lock.unlock")}
        </Button>
        <Button type="link" block style={{ marginTop: 8 }} onClick={() => void switchUser()} data-testid="lock-switch-user">
          {t("lock.switchUser")}
        </Button>
      </Form>
    </AuthShell>
  );
}

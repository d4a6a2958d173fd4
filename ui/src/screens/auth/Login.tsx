import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, Button, Form, Input, Segmented, Typography } from "antd";
import { useEffect, useState } from "react";
import { AuthShell } from "../../components/AuthShell";
import { useI18n } from "../../i18n";
import { authLogin, demoOpen, storeSelect, type StoreKind } from "../../lib/backend";
import { useApp } from "../../lib/appContext";
import { autoOpenSample } from "../../lib/devSample";
import { useErrorText } from "../../lib/useErrorText";
import { RecoverForm } from "./RecoverForm";

const DEMO_USERNAME = "demo";
const DEMO_PASSWORD = "laoke-demo";

interface Values {
  username: string;
  password: string;
}

export function Login() {
  const { t } = useI18n();
  const { status, setStatus, refresh } = useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [recovering, setRecovering] = useState(false);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await authLogin({ username: v.username.trim(), password: v.password });
      await refresh();
    } catch (e) {
      setError(errorText(e));
      form.setFieldValue("password", "");
      setBusy(false);
    }
  };

  // Development (scripts/run-app.sh): the sample shop, and no real store yet: open it by itself.
  useEffect(() => {
    if (status.activeStore !== "demo" || status.storeExists || !autoOpenSample()) return;
    setBusy(true);
    demoOpen()
      .then(refresh)
      .catch((e: unknown) => {
        setError(errorText(e));
        setBusy(false);
      });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on the first login screen
  }, []);

  const switchStore = async (store: StoreKind) => {
    setError(null);
    try {
      setStatus(await storeSelect(store));
      form.setFieldsValue({ username: store === "demo" ? DEMO_USERNAME : "", password: "" });
    } catch (e) {
      setError(errorText(e));
    }
  };

  if (recovering) {
    return (
      <AuthShell width={460}>
        <RecoverForm onBack={() => setRecovering(false)} />
      </AuthShell>
    );
  }

  const isDemo = status.activeStore === "demo";
  return (
    <AuthShell width={420}>
      <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
        {t("login.title")}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t("login.subtitle")}</Typography.Paragraph>

      {status.demoExists && status.storeExists && (
        <Segmented<StoreKind>
          data-testid="store-switch"
          block
          value={status.activeStore}
          onChange={(v) => void switchStore(v)}
          style={{ marginBottom: 16 }}
          options={[
            { value: "main", label: <span data-testid="store-main">{t("store.main")}</span> },
            { value: "demo", label: <span data-testid="store-demo">{t("store.demo")}</span> },
          ]}
        />
      )}
      {isDemo && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={t("login.demoHint", { username: DEMO_USERNAME, password: DEMO_PASSWORD })}
        />
      )}

      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(v) => void submit(v)}
        initialValues={{ username: isDemo ? DEMO_USERNAME : "", password: "" }}
      >
        <Form.Item name="username" label={t("login.username")} rules={[{ required: true, whitespace: true, message: t("login.usernameRequired") }]}>
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" size="large" />
        </Form.Item>
        <Form.Item name="password" label={t("login.password")} rules={[{ required: true, message: t("login.passwordRequired") }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" size="large" />
        </Form.Item>
        {error && <Alert data-testid="login-error" type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="login-submit">
          {t("login.submit")}
        </Button>
      </Form>
      {!isDemo && (
        <div style={{ textAlign: "center", marginTop: 16 }}>
          <Button type="link" onClick={() => setRecovering(true)} data-testid="login-forgot">
            {t("login.forgot")}
          </Button>
        </div>
      )}
      {isDemo && !status.storeExists && (
        <div style={{ textAlign: "center", marginTop: 16 }}>
          <Button type="link" onClick={() => void switchStore("main")} data-testid="login-create-store">
            {t("login.createStore")}
          </Button>
        </div>
      )}
    </AuthShell>
  );
}

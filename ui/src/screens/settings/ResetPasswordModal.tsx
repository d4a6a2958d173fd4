import { Alert, App, Form, Modal } from "antd";
import { useState } from "react";
import { PasswordFields } from "../../components/PasswordFields";
import { useI18n } from "../../i18n";
import { usersResetPassword, type User } from "../../lib/backend";
import { useErrorText } from "../../lib/useErrorText";

export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ password: string; password2: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    form.resetFields();
    setError(null);
    onClose();
  };

  const submit = async ({ password }: { password: string }) => {
    if (!user) return;
    setBusy(true);
    setError(null);
    try {
      await usersResetPassword({ userId: user.id, newPassword: password });
      message.success(t("users.resetDone", { name: user.displayName }));
      close();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={user ? t("users.resetTitle", { name: user.displayName }) : ""}
      open={user !== null}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t("users.resetPassword")}
      cancelText={t("common.cancel")}
      confirmLoading={busy}
      forceRender
    >
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => void submit(v)}>
        <PasswordFields label="users.newPassword" confirmLabel="users.newPassword2" testId="reset-password" confirmTestId="reset-password2" />
        {error && <Alert type="error" showIcon message={error} />}
      </Form>
    </Modal>
  );
}

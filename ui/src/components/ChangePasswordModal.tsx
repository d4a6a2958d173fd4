import { App, Form, Input, Modal } from "antd";
import { useState } from "react";
import { useI18n } from "../i18n";
import { authChangePassword } from "../lib/backend";
import { useErrorText } from "../lib/useErrorText";
import { PasswordFields } from "./PasswordFields";

interface Values {
  oldPassword: string;
  password: string;
  password2: string;
}

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      await authChangePassword({ oldPassword: v.oldPassword, newPassword: v.password });
      message.success(t("changePassword.done"));
      form.resetFields();
      onClose();
    } catch (e) {
      form.setFields([{ name: "oldPassword", errors: [errorText(e)] }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={t("changePassword.title")}
      open={open}
      onCancel={() => {
        form.resetFields();
        onClose();
      }}
      onOk={() => form.submit()}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={busy}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
        <Form.Item
          name="oldPassword"
          label={t("changePassword.old")}
          rules={[{ required: true, message: t("changePassword.oldRequired") }]}
        >
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
        <PasswordFields label="changePassword.new" confirmLabel="changePassword.new2" />
      </Form>
    </Modal>
  );
}

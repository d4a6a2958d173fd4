import { Alert, Form, Input, Modal, Radio, Typography } from "antd";
import { useState } from "react";
import { PasswordFields } from "../../components/PasswordFields";
import { useI18n } from "../../i18n";
import { usersAdd, type Role, type User } from "../../lib/backend";
import { useErrorText } from "../../lib/useErrorText";

interface Values {
  username: string;
  displayName: string;
  role: Role;
  password: string;
  password2: string;
}

const ROLES: Role[] = ["owner", "manager", "rep"];

export function AddUserModal({ open, onClose, onAdded }: { open: boolean; onClose: () => void; onAdded: (u: User) => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const role: Role = Form.useWatch("role", form) ?? "rep";
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    form.resetFields();
    setError(null);
    onClose();
  };

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const user = await usersAdd({ username: v.username.trim(), displayName: v.displayName.trim(), role: v.role, password: v.password });
      onAdded(user);
      close();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={t("users.addTitle")}
      open={open}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t("users.add")}
      cancelText={t("common.cancel")}
      confirmLoading={busy}
      okButtonProps={{ "data-testid": "user-form-submit" } as Record<string, string>}
      forceRender
    >
      <Form<Values> form={form} layout="vertical" requiredMark={false} initialValues={{ role: "rep" }} onFinish={(v) => void submit(v)}>
        <Form.Item name="username" label={t("users.col.username")} extra={t("wizard.usernameHelp")} rules={[{ required: true, whitespace: true, message: t("wizard.usernameRequired") }]}>
          <Input data-testid="user-form-username" autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t("users.col.displayName")} rules={[{ required: true, whitespace: true, message: t("wizard.displayNameRequired") }]}>
          <Input data-testid="user-form-displayname" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="role"
          label={t("users.col.role")}
          rules={[{ required: true, message: t("users.roleRequired") }]}
          extra={<Typography.Text type="secondary">{t(`users.roleHelp.${role}`)}</Typography.Text>}
        >
          <Radio.Group
            data-testid="user-form-role"
            optionType="button"
            buttonStyle="solid"
            options={ROLES.map((r) => ({ value: r, label: <span data-testid={`user-form-role-${r}`}>{t(`role.${r}`)}</span> }))}
          />
        </Form.Item>
        <PasswordFields label="wizard.password" confirmLabel="wizard.password2" testId="user-form-password" confirmTestId="user-form-password2" />
        {error && <Alert type="error" showIcon message={error} data-testid="user-form-error" />}
      </Form>
    </Modal>
  );
}

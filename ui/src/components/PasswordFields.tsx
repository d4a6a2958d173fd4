import { Form, Input, Progress, Typography } from "antd";
import { useI18n } from "../i18n";
import { MIN_PASSWORD_LENGTH, passwordStrength } from "../lib/passwordStrength";
import type { MessageKey } from "../i18n";

interface Props {
  name?: string;
  confirmName?: string;
  label: MessageKey;
  confirmLabel: MessageKey;
  testId?: string;
  confirmTestId?: string;
  autoFocus?: boolean;
}

const STRENGTH_STEPS = { weak: 1, medium: 2, strong: 3 } as const;
const STRENGTH_COLORS = { weak: "#d4380d", medium: "#d48806", strong: "#389e0d" } as const;

/** New password + confirmation, with the 8-character rule and a strength hint. */
export function PasswordFields({
  name = "password",
  confirmName = "password2",
  label,
  confirmLabel,
  testId,
  confirmTestId,
  autoFocus,
}: Props) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const value: string = Form.useWatch(name, form) ?? "";
  const strength = passwordStrength(value);

  return (
    <>
      <Form.Item
        name={name}
        label={t(label)}
        rules={[
          { required: true, message: t("password.required") },
          { min: MIN_PASSWORD_LENGTH, message: t("password.min") },
        ]}
        extra={
          value ? (
            <div className="pw-strength">
              <Progress
                steps={3}
                percent={(STRENGTH_STEPS[strength] / 3) * 100}
                showInfo={false}
                strokeColor={STRENGTH_COLORS[strength]}
                size={[36, 6]}
              />
              <Typography.Text type="secondary">
                {t("password.strength")}
                {t(`password.${strength}`)}
                {strength !== "strong" ? ` · ${t("password.hint")}` : ""}
              </Typography.Text>
            </div>
          ) : (
            t("password.min")
          )
        }
      >
        <Input.Password data-testid={testId} autoComplete="new-password" autoFocus={autoFocus} />
      </Form.Item>
      <Form.Item
        name={confirmName}
        label={t(confirmLabel)}
        dependencies={[name]}
        rules={[
          { required: true, message: t("password.confirmRequired") },
          ({ getFieldValue }) => ({
            validator: (_rule, v: string | undefined) =>
              !v || getFieldValue(name) === v ? Promise.resolve() : Promise.reject(new Error(t("password.mismatch"))),
          }),
        ]}
      >
        <Input.Password data-testid={confirmTestId} autoComplete="new-password" />
      </Form.Item>
    </>
  );
}

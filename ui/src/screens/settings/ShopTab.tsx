import { Alert, App, Button, Form, Input, InputNumber, Select, Skeleton } from "antd";
import { useEffect, useState } from "react";
import { useI18n, type MessageKey } from "../../i18n";
import { settingsGet, settingsUpdate, type Settings } from "../../lib/backend";
import { useApp, useSession } from "../../lib/appContext";
import { useShop } from "../../lib/shopContext";
import { useErrorText } from "../../lib/useErrorText";

const TIMEZONES = [
  "Asia/Shanghai",
  "Asia/Hong_Kong",
  "Asia/Taipei",
  "Asia/Singapore",
  "Asia/Tokyo",
  "Europe/London",
  "America/Los_Angeles",
  "America/New_York",
  "UTC",
] as const;

export function ShopTab() {
  const { t } = useI18n();
  const session = useSession();
  const { refresh } = useApp();
  const { reloadShop } = useShop();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<Settings>();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const canEdit = session.role === "owner";

  useEffect(() => {
    let live = true;
    settingsGet()
      .then((s) => live && setSettings(s))
      .catch((e: unknown) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [errorText]);

  const save = async (v: Settings) => {
    setBusy(true);
    try {
      const saved = await settingsUpdate({ shopName: v.shopName.trim(), timezone: v.timezone, idleLockMinutes: v.idleLockMinutes });
      setSettings(saved);
      form.setFieldsValue(saved);
      message.success(t("common.saved"));
      await Promise.all([reloadShop(), refresh()]);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  if (error) return <Alert type="error" showIcon message={error} />;
  if (!settings) return <Skeleton active />;

  const zones: string[] = TIMEZONES.includes(settings.timezone as (typeof TIMEZONES)[number])
    ? [...TIMEZONES]
    : [settings.timezone, ...TIMEZONES];

  return (
    <div style={{ maxWidth: 520 }}>
      {!canEdit && <Alert type="info" showIcon message={t("settings.readOnly")} style={{ marginBottom: 16 }} />}
      <Form<Settings>
        form={form}
        layout="vertical"
        initialValues={settings}
        disabled={!canEdit}
        requiredMark={false}
        onFinish={(v) => void save(v)}
      >
        <Form.Item name="shopName" label={t("settings.shopName")} rules={[{ required: true, whitespace: true, message: t("settings.shopNameRequired") }]}>
          <Input data-testid="settings-shop-name" maxLength={60} />
        </Form.Item>
        <Form.Item name="timezone" label={t("settings.timezone")} extra={t("settings.timezoneHelp")}>
          <Select
            data-testid="settings-timezone"
            options={zones.map((z) => ({
              value: z,
              label: (TIMEZONES as readonly string[]).includes(z) ? `${t(`tz.${z}` as MessageKey)} · ${z}` : z,
            }))}
          />
        </Form.Item>
        <Form.Item name="idleLockMinutes" label={t("settings.idleLock")} extra={t("settings.idleLockHelp")}>
          <InputNumber data-testid="settings-idle-lock" min={0} max={480} precision={0} suffix={t("settings.idleLockUnit")} style={{ width: 200 }} />
        </Form.Item>
        {canEdit && (
          <Button type="primary" htmlType="submit" loading={busy} data-testid="settings-save">
            {t("common.save")}
          </Button>
        )}
      </Form>
    </div>
  );
}

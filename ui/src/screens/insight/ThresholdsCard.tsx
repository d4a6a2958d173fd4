// The threshold rules: RFM lines by the shop's medians or fixed (presets as platforms publish
// them), the RFM window, the lifecycle day lines and the label set. "预览" asks the core what
// saving would do — how many customers move from which class (stage) to which — and only a
// previewed set of lines can be saved (which re-scores every customer).
import { EyeOutlined, SaveOutlined } from "@ant-design/icons";
import { Alert, App as AntApp, Button, Form, Input, InputNumber, Radio, Select, Space, Spin, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useI18n } from "../../i18n";
import { insightPreview, insightSaveSettings, insightSettings, type ClassLabel, type InsightOverview, type InsightParams, type InsightSettings, type ThresholdPreview } from "../../lib/backend";
import { fenToInput, formatYuan, parseYuan } from "../../lib/money";
import { useErrorText } from "../../lib/useErrorText";
import { PreviewTables } from "./PreviewTables";
import "./insight.css";

/** Whole days / orders the inputs accept. */
const DAY_MAX = 3650;

export function ThresholdsCard({ labels, onSaved }: { labels?: ClassLabel[]; onSaved: (o: InsightOverview) => void }) {
  const { t, lang } = useI18n();
  const errorText = useErrorText();
  const { message } = AntApp.useApp();
  const [settings, setSettings] = useState<InsightSettings | null>(null);
  const [params, setParams] = useState<InsightParams | null>(null);
  const [mText, setMText] = useState("");
  const [preset, setPreset] = useState<string | undefined>();
  const [preview, setPreview] = useState<{ of: string; result: ThresholdPreview } | null>(null);
  const [busy, setBusy] = useState<"preview" | "save" | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    insightSettings().then(
      (s) => {
        setSettings(s);
        setParams(s.params);
        setMText(fenToInput(s.params.mFen));
      },
      (e: unknown) => setError(errorText(e)),
    );
  }, [errorText]);

  const m = parseYuan(mText);
  const current = useMemo(() => (params && m.ok ? { ...params, mFen: m.fen } : null), [params, m]);
  const key = current ? JSON.stringify(current) : "";
  const previewed = preview && preview.of === key ? preview.result : null;

  if (!settings || !params) return error ? <Alert type="error" showIcon message={error} /> : <Spin />;

  const set = (patch: Partial<InsightParams>) => setParams({ ...params, ...patch });
  const median = params.mode === "median";
  const usePreset = (id: string) => {
    const p = settings.presets.find((x) => x.id === id);
    if (!p) return;
    setPreset(id);
    setParams({ ...params, mode: "fixed", rDays: p.rDays, fOrders: p.fOrders, mFen: p.mFen });
    setMText(fenToInput(p.mFen));
  };

  const run = async (what: "preview" | "save") => {
    if (!current) return;
    setBusy(what);
    try {
      if (what === "preview") {
        setPreview({ of: key, result: await insightPreview(current) });
      } else {
        const o = await insightSaveSettings(current);
        setPreview(null);
        onSaved(o);
        void message.success(t("insight.rules.saved"));
      }
      setError(null);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  const md = settings.medians;
  const num = (field: keyof InsightParams, min: number, disabled = false) => (
    <InputNumber
      min={min}
      max={DAY_MAX}
      precision={0}
      disabled={disabled}
      style={{ width: "100%" }}
      value={params[field] as number}
      onChange={(v) => v !== null && set({ [field]: v })}
      data-testid={`rules-${field}`}
    />
  );

  return (
    <div data-testid="insight-rules" style={{ maxWidth: 980 }}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t("insight.rules.rfmTitle")}
      </Typography.Title>
      <Form layout="vertical" requiredMark={false}>
        <Space wrap size={16} align="end" style={{ marginBottom: 8 }}>
          <Form.Item label={t("insight.rules.mode")} style={{ marginBottom: 8 }}>
            <Radio.Group
              value={params.mode}
              onChange={(e) => {
                setPreset(undefined);
                set({ mode: e.target.value as InsightParams["mode"] });
              }}
              optionType="button"
              options={[
                { value: "median", label: <span data-testid="rules-mode-median">{t("insight.rules.median")}</span> },
                { value: "fixed", label: <span data-testid="rules-mode-fixed">{t("insight.rules.fixed")}</span> },
              ]}
            />
          </Form.Item>
          <Form.Item label={t("insight.rules.preset")} style={{ marginBottom: 8 }}>
            <Select
              style={{ width: 260 }}
              placeholder={t("insight.rules.presetPlaceholder")}
              value={preset}
              onChange={usePreset}
              data-testid="rules-preset"
              options={settings.presets.map((p) => ({
                value: p.id,
                label: `${lang === "en" ? p.en : p.zh} · R ${p.rDays} / F ${p.fOrders} / M ${formatYuan(p.mFen)}`,
              }))}
            />
          </Form.Item>
        </Space>
        <Typography.Paragraph type="secondary">
          {t("insight.rules.medians", { r: md.rDays, f: md.fOrders, m: formatYuan(md.mFen) })} {t("insight.rules.fFloor")}
        </Typography.Paragraph>
        <div className="threshold-grid">
          <Form.Item label={t("insight.rules.rDays")} extra={t("insight.rules.rHelp")}>
            {num("rDays", 1, median)}
          </Form.Item>
          <Form.Item label={t("insight.rules.fOrders")} extra={t("insight.rules.fHelp")}>
            {num("fOrders", 1, median)}
          </Form.Item>
          <Form.Item label={t("insight.rules.mYuan")} extra={t("insight.rules.mHelp")} validateStatus={m.ok ? undefined : "error"} help={m.ok ? undefined : t("insight.rules.mInvalid")}>
            <Input prefix="¥" disabled={median} value={mText} onChange={(e) => setMText(e.target.value)} data-testid="rules-mYuan" />
          </Form.Item>
          <Form.Item label={t("insight.rules.windowDays")} extra={t("insight.rules.windowHelp")}>
            {num("windowDays", 1)}
          </Form.Item>
        </div>
        <Typography.Title level={5}>{t("insight.rules.stageTitle")}</Typography.Title>
        <div className="threshold-grid">
          <Form.Item label={t("insight.rules.newDays")}>{num("newDays", 1)}</Form.Item>
          <Form.Item label={t("insight.rules.activeDays")}>{num("activeDays", 1)}</Form.Item>
          <Form.Item label={t("insight.rules.dormantDays")}>{num("dormantDays", 1)}</Form.Item>
          <Form.Item label={t("insight.rules.labelSet")}>
            <Select value={params.labelSet} onChange={(v: string) => set({ labelSet: v })} options={settings.labelSets.map((l) => ({ value: l.id, label: lang === "en" ? l.en : l.zh }))} data-testid="rules-labelSet" />
          </Form.Item>
        </div>
        {params.newDays >= params.activeDays || params.activeDays >= params.dormantDays ? (
          <Alert type="warning" showIcon message={t("insight.rules.orderWarning")} style={{ marginBottom: 16 }} />
        ) : null}
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Space>
          <Button icon={<EyeOutlined />} disabled={!current} loading={busy === "preview"} onClick={() => void run("preview")} data-testid="rules-preview">
            {t("insight.rules.preview")}
          </Button>
          <Button type="primary" icon={<SaveOutlined />} disabled={!previewed} loading={busy === "save"} onClick={() => void run("save")} data-testid="rules-save">
            {t("insight.rules.save")}
          </Button>
          {!previewed && <Typography.Text type="secondary">{t("insight.rules.previewFirst")}</Typography.Text>}
        </Space>
      </Form>
      {previewed && <PreviewTables preview={previewed} labels={labels} />}
    </div>
  );
}

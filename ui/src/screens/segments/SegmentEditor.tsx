// Create or edit a saved segment: a name, the customer list's filters and the score conditions
// (class, stage, 老客, tier, categories or products bought, consent per channel), with a live
// count of the customers it holds while it is edited (debounced; the core answers fast).
import { App as AntApp, type ButtonProps, Form, Input, InputNumber, Modal, Select, Space, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useI18n } from "../../i18n";
import { CONSENT_CHANNELS, RFM_CLASSES, STAGES, loyaltyRules, segmentsCount, segmentsSave, type SegmentCount, type SegmentDefinition, type SegmentSummary, type TierDef } from "../../lib/backend";
import { formatCount } from "../../lib/format";
import { formatYuan } from "../../lib/money";
import { useDebounced } from "../../lib/useDebounced";
import { useErrorText } from "../../lib/useErrorText";
import { YuanRange } from "../../components/list/YuanRange";
import { className, stageName } from "../insight/labels";
import { useClassLabels } from "../insight/useClassLabels";
import "./segments.css";

const COUNT_DEBOUNCE_MS = 250;

/** Drops empty fields so the stored definition holds only real conditions. */
export function cleanDefinition(d: SegmentDefinition): SegmentDefinition {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(d)) {
    if (v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out as SegmentDefinition;
}

export function SegmentEditor({
  segment,
  initial,
  onClose,
  onSaved,
}: {
  segment?: SegmentSummary;
  /** A new segment's conditions (e.g. the customer list's current filters). */
  initial?: SegmentDefinition;
  onClose: () => void;
  onSaved: (s: SegmentSummary) => void;
}) {
  const { t, lang } = useI18n();
  const labels = useClassLabels();
  const errorText = useErrorText();
  const { message } = AntApp.useApp();
  const [name, setName] = useState(segment ? (lang === "en" ? segment.nameEn : segment.nameZh) : "");
  const [def, setDef] = useState<SegmentDefinition>(segment?.definition ?? initial ?? {});
  const [tiers, setTiers] = useState<TierDef[]>([]);
  const [count, setCount] = useState<SegmentCount | null>(null);
  const [countError, setCountError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const clean = useMemo(() => cleanDefinition(def), [def]);
  const debounced = useDebounced(clean, COUNT_DEBOUNCE_MS);

  useEffect(() => {
    loyaltyRules().then(
      (r) => setTiers(r.rules.tiers),
      () => setTiers([]),
    );
  }, []);

  useEffect(() => {
    let live = true;
    segmentsCount(debounced).then(
      (c) => live && (setCount(c), setCountError(null)),
      (e: unknown) => live && setCountError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [debounced, errorText]);

  const set = (patch: Partial<SegmentDefinition>) => setDef((d) => ({ ...d, ...patch }));
  const save = async () => {
    setSaving(true);
    try {
      const s = await segmentsSave(segment?.id ?? null, name.trim(), clean);
      void message.success(t("segments.savedMsg", { name: name.trim() }));
      onSaved(s);
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  };
  const tags = (field: "tags" | "categories" | "products", placeholder: string) => (
    <Select mode="tags" allowClear open={false} suffixIcon={null} placeholder={placeholder} value={def[field] ?? []} onChange={(v: string[]) => set({ [field]: v })} data-testid={`segment-${field}`} />
  );

  return (
    <Modal
      open
      width={720}
      title={t(segment ? "segments.editTitle" : "segments.newTitle")}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      okButtonProps={{ disabled: !name.trim(), loading: saving, "data-testid": "segment-save" } as ButtonProps}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form layout="vertical" requiredMark={false} className="segment-form">
        <Form.Item label={t("segments.field.name")} required>
          <Input value={name} maxLength={40} onChange={(e) => setName(e.target.value)} placeholder={t("segments.field.namePlaceholder")} data-testid="segment-name-input" />
        </Form.Item>
        <div className="segment-form-grid">
          <Form.Item label={t("segments.field.classes")}>
            <Select mode="multiple" allowClear value={def.rfmClasses ?? []} onChange={(v) => set({ rfmClasses: v })} options={RFM_CLASSES.map((c) => ({ value: c, label: className(t, lang, c, labels) }))} data-testid="segment-classes" />
          </Form.Item>
          <Form.Item label={t("segments.field.stages")}>
            <Select mode="multiple" allowClear value={def.stages ?? []} onChange={(v) => set({ stages: v })} options={STAGES.map((s) => ({ value: s, label: stageName(t, s) }))} data-testid="segment-stages" />
          </Form.Item>
          <Form.Item label={t("segments.field.returning")}>
            <Select
              allowClear
              placeholder={t("segments.any")}
              value={def.returning === undefined || def.returning === null ? undefined : def.returning ? "yes" : "no"}
              onChange={(v?: string) => set({ returning: v === undefined ? undefined : v === "yes" })}
              options={[
                { value: "yes", label: t("segments.returning.yes") },
                { value: "no", label: t("segments.returning.no") },
              ]}
              data-testid="segment-returning"
            />
          </Form.Item>
          <Form.Item label={t("segments.field.tiers")}>
            <Select mode="multiple" allowClear value={def.tiers ?? []} onChange={(v: string[]) => set({ tiers: v })} options={tiers.map((x) => ({ value: x.code, label: lang === "en" ? x.nameEn : x.nameZh }))} data-testid="segment-tiers" />
          </Form.Item>
          <Form.Item label={t("segments.field.categories")}>{tags("categories", t("segments.field.typeEnter"))}</Form.Item>
          <Form.Item label={t("segments.field.products")}>{tags("products", t("segments.field.typeEnter"))}</Form.Item>
          <Form.Item label={t("segments.field.consent")}>
            <Select mode="multiple" allowClear value={def.consent ?? []} onChange={(v: string[]) => set({ consent: v })} options={CONSENT_CHANNELS.map((c) => ({ value: c, label: t(`cust.consentChannel.${c}`) }))} data-testid="segment-consent" />
          </Form.Item>
          <Form.Item label={t("segments.field.tags")}>{tags("tags", t("segments.field.typeEnter"))}</Form.Item>
          <Form.Item label={t("segments.field.spend")}>
            <YuanRange min={def.minSpendFen ?? undefined} max={def.maxSpendFen ?? undefined} onChange={(minSpendFen, maxSpendFen) => set({ minSpendFen, maxSpendFen })} testId="segment-spend" />
          </Form.Item>
          <Form.Item label={t("segments.field.orders")}>
            <Space.Compact>
              <InputNumber min={0} precision={0} placeholder={t("list.min")} value={def.minOrders ?? null} onChange={(v) => set({ minOrders: v ?? undefined })} />
              <InputNumber min={0} precision={0} placeholder={t("list.max")} value={def.maxOrders ?? null} onChange={(v) => set({ maxOrders: v ?? undefined })} />
            </Space.Compact>
          </Form.Item>
          <Form.Item label={t("segments.field.province")}>
            <Input allowClear value={def.province ?? ""} onChange={(e) => set({ province: e.target.value || undefined })} />
          </Form.Item>
          <Form.Item label={t("segments.field.source")}>
            <Input allowClear value={def.sourceChannel ?? ""} onChange={(e) => set({ sourceChannel: e.target.value || undefined })} />
          </Form.Item>
        </div>
      </Form>
      <Typography.Paragraph strong style={{ margin: "8px 0 0" }} data-testid="segment-live-count" type={countError ? "danger" : undefined}>
        {countError ??
          (count ? t("segments.liveCount", { n: formatCount(count.customers, lang), spend: formatYuan(count.spendFen) }) : t("lists.counting"))}
      </Typography.Paragraph>
    </Modal>
  );
}

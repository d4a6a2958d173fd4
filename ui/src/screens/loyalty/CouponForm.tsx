import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useI18n, type MessageKey } from "../../i18n";
import { CHANNELS, COUPON_KINDS, couponsCreate, type Channel, type NewCoupon, type CouponKind } from "../../lib/backend";
import { parseYuan } from "../../lib/money";
import { useErrorText } from "../../lib/useErrorText";
import { channelLabel } from "../orders/labels";
import { describeCoupon, kindLabel } from "./labels";

interface Draft {
  name: string;
  kind: CouponKind;
  threshold: string;
  amount: string;
  percentOff: number | null;
  cap: string;
  gift: string;
  minSpend: string;
  channel: Channel | null;
  valid: [Dayjs, Dayjs];
  perCustomer: number | null;
  total: number | null;
}

const blank = (): Draft => ({
  name: "",
  kind: "threshold",
  threshold: "100",
  amount: "10",
  percentOff: 10,
  cap: "0",
  gift: "",
  minSpend: "0",
  channel: null,
  valid: [dayjs(), dayjs().add(30, "day")],
  perCustomer: 1,
  total: null,
});

const fen = (s: string): number | null => {
  if (s.trim() === "") return 0;
  const p = parseYuan(s);
  return p.ok ? p.fen : null;
};

/** The draft as the core's input, or the label key of the first field that is wrong. */
export function draftToInput(d: Draft): { ok: true; input: NewCoupon } | { ok: false; field: MessageKey } {
  if (!d.name.trim()) return { ok: false, field: "coupon.form.name" };
  const thresholdFen = d.kind === "threshold" ? fen(d.threshold) : 0;
  if (thresholdFen === null || (d.kind === "threshold" && thresholdFen <= 0)) return { ok: false, field: "coupon.form.threshold" };
  const amountFen = d.kind === "threshold" || d.kind === "fixed" ? fen(d.amount) : 0;
  if (amountFen === null || ((d.kind === "threshold" || d.kind === "fixed") && amountFen <= 0)) return { ok: false, field: "coupon.form.amount" };
  const percentOff = d.kind === "percentage" ? (d.percentOff ?? 0) : 0;
  if (d.kind === "percentage" && (percentOff < 1 || percentOff > 99)) return { ok: false, field: "coupon.form.percent" };
  const capFen = d.kind === "percentage" ? fen(d.cap) : 0;
  if (capFen === null) return { ok: false, field: "coupon.form.cap" };
  if (d.kind === "gift" && !d.gift.trim()) return { ok: false, field: "coupon.form.gift" };
  const minSpendFen = fen(d.minSpend);
  if (minSpendFen === null) return { ok: false, field: "coupon.form.minSpend" };
  if (!d.perCustomer || d.perCustomer < 1) return { ok: false, field: "coupon.form.perCustomer" };
  return {
    ok: true,
    input: {
      name: d.name.trim(),
      kind: d.kind,
      thresholdFen,
      amountFen,
      percentOff,
      capFen,
      gift: d.kind === "gift" ? d.gift.trim() : "",
      minSpendFen,
      channel: d.channel,
      // shop days; the core turns them into instants in the shop's timezone
      validFrom: d.valid[0].format("YYYY-MM-DD"),
      validTo: d.valid[1].format("YYYY-MM-DD"),
      perCustomerLimit: d.perCustomer,
      totalLimit: d.total,
    },
  };
}

/** Create a coupon: kind-specific fields, validity, limits, minimum spend, channel; a live preview. */
export function CouponForm({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [d, setD] = useState<Draft>(blank);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Draft>) => setD((x) => ({ ...x, ...patch }));
  const parsed = draftToInput(d);

  const submit = async () => {
    if (!parsed.ok) {
      setError(t("coupon.form.required", { field: t(parsed.field) }));
      return;
    }
    setBusy(true);
    try {
      await couponsCreate(parsed.input);
      setD(blank());
      setError(null);
      onCreated();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t("coupon.form.title")}
      okText={t("coupon.form.ok")}
      cancelText={t("common.cancel")}
      okButtonProps={{ loading: busy, ...({ "data-testid": "coupon-form-ok" } as object) }}
      onOk={() => void submit()}
      onCancel={onClose}
      width={620}
      destroyOnHidden
    >
      <Form layout="vertical" data-testid="coupon-form">
        <Form.Item label={t("coupon.form.name")} required>
          <Input value={d.name} placeholder={t("coupon.form.namePlaceholder")} onChange={(e) => set({ name: e.target.value })} data-testid="coupon-name" />
        </Form.Item>
        <Form.Item label={t("coupon.form.kind")}>
          <Select<CouponKind>
            value={d.kind}
            onChange={(kind) => set({ kind })}
            options={COUPON_KINDS.map((k) => ({ value: k, label: kindLabel(t, k) }))}
            data-testid="coupon-kind"
          />
        </Form.Item>
        <div style={{ display: "flex", gap: 12, flexWrap: "wrap" }}>
          {d.kind === "threshold" && (
            <Form.Item label={t("coupon.form.threshold")} required>
              <Input value={d.threshold} onChange={(e) => set({ threshold: e.target.value })} data-testid="coupon-threshold" style={{ width: 140 }} />
            </Form.Item>
          )}
          {(d.kind === "threshold" || d.kind === "fixed") && (
            <Form.Item label={t("coupon.form.amount")} required>
              <Input value={d.amount} onChange={(e) => set({ amount: e.target.value })} data-testid="coupon-amount" style={{ width: 140 }} />
            </Form.Item>
          )}
          {d.kind === "percentage" && (
            <>
              <Form.Item label={t("coupon.form.percent")} required>
                <InputNumber min={1} max={99} precision={0} value={d.percentOff} onChange={(v) => set({ percentOff: v })} addonAfter="%" data-testid="coupon-percent" />
              </Form.Item>
              <Form.Item label={t("coupon.form.cap")}>
                <Input value={d.cap} onChange={(e) => set({ cap: e.target.value })} data-testid="coupon-cap" style={{ width: 160 }} />
              </Form.Item>
            </>
          )}
          {d.kind === "gift" && (
            <Form.Item label={t("coupon.form.gift")} required>
              <Input value={d.gift} onChange={(e) => set({ gift: e.target.value })} data-testid="coupon-gift" style={{ width: 240 }} />
            </Form.Item>
          )}
          {d.kind !== "threshold" && (
            <Form.Item label={t("coupon.form.minSpend")}>
              <Input value={d.minSpend} onChange={(e) => set({ minSpend: e.target.value })} data-testid="coupon-min-spend" style={{ width: 160 }} />
            </Form.Item>
          )}
        </div>
        <div style={{ display: "flex", gap: 12, flexWrap: "wrap" }}>
          <Form.Item label={t("coupon.form.valid")} required>
            <DatePicker.RangePicker value={d.valid} allowClear={false} onChange={(v) => v && v[0] && v[1] && set({ valid: [v[0], v[1]] })} />
          </Form.Item>
          <Form.Item label={t("coupon.form.channel")}>
            <Select<Channel | null>
              value={d.channel}
              onChange={(channel) => set({ channel })}
              style={{ width: 150 }}
              options={[{ value: null, label: t("coupon.allChannels") }, ...CHANNELS.map((c) => ({ value: c, label: channelLabel(t, c) }))]}
            />
          </Form.Item>
        </div>
        <div style={{ display: "flex", gap: 12, flexWrap: "wrap" }}>
          <Form.Item label={t("coupon.form.perCustomer")} required>
            <InputNumber min={1} precision={0} value={d.perCustomer} onChange={(v) => set({ perCustomer: v })} data-testid="coupon-per-customer" />
          </Form.Item>
          <Form.Item label={t("coupon.form.total")}>
            <InputNumber min={1} precision={0} value={d.total} onChange={(v) => set({ total: v })} data-testid="coupon-total" />
          </Form.Item>
        </div>
        {parsed.ok && (
          <Typography.Paragraph type="secondary" data-testid="coupon-preview">
            {t("coupon.form.preview", { text: describeCoupon(t, parsed.input) })}
          </Typography.Paragraph>
        )}
        {error && <Alert type="error" showIcon message={error} data-testid="coupon-form-error" />}
      </Form>
    </Modal>
  );
}

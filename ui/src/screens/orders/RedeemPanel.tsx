import { Alert, Button, Card, Form, InputNumber, Select, Space, Typography } from "antd";
import { useEffect, useState } from "react";
import { useI18n } from "../../i18n";
import { loyaltyRedemptionPreview, type Channel, type Redemption, type RedemptionPreview } from "../../lib/backend";
import { formatYuan } from "../../lib/money";
import { useDebounced } from "../../lib/useDebounced";
import { useErrorText } from "../../lib/useErrorText";

interface Props {
  customerId: number;
  channel: Channel;
  goodsFen: number;
  shippingFen: number;
  discountFen: number;
  value: Redemption;
  onChange: (r: Redemption) => void;
  /** The latest preview (null while none), so the page can show the amount to pay. */
  onPreview: (p: RedemptionPreview | null) => void;
}

/**
 * Order entry: pay part of the sale with the customer's points and/or one of their coupons.
 * Every number shown comes from the core's preview (the same checks as creating the order), so
 * the screen and the saved order cannot disagree; it updates as the rep types.
 */
export function RedeemPanel({ customerId, channel, goodsFen, shippingFen, discountFen, value, onChange, onPreview }: Props) {
  const { t, lang } = useI18n();
  const errorText = useErrorText();
  const [preview, setPreview] = useState<RedemptionPreview | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const key = useDebounced(JSON.stringify({ customerId, channel, goodsFen, shippingFen, discountFen, value }), 200);

  useEffect(() => {
    let live = true;
    const a = JSON.parse(key) as { customerId: number; channel: Channel; goodsFen: number; shippingFen: number; discountFen: number; value: Redemption };
    loyaltyRedemptionPreview(
      { customerId: a.customerId, channel: a.channel, goodsFen: a.goodsFen, shippingFen: a.shippingFen, discountFen: a.discountFen },
      a.value,
    )
      .then((p) => {
        if (!live) return;
        setPreview(p);
        setLoadError(null);
        onPreview(p);
      })
      .catch((e: unknown) => {
        if (!live) return;
        setPreview(null);
        setLoadError(errorText(e));
        onPreview(null);
      });
    return () => {
      live = false;
    };
    // onPreview / errorText are stable enough; the key carries every input
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const problem = preview ? (lang === "en" ? preview.problemEn : preview.problemZh) : null;
  const couponOptions = (preview?.coupons ?? []).map((c) => {
    const why = lang === "en" ? c.problemEn : c.problemZh;
    return {
      value: c.grantId,
      disabled: !c.usable && c.grantId !== value.couponGrantId,
      label: c.usable ? t("redeem.couponOption", { name: c.name, amount: formatYuan(c.discountFen) }) : t("redeem.couponUnusable", { name: c.name, why: why ?? "" }),
    };
  });

  return (
    <Card variant="borderless" title={t("redeem.title")} style={{ marginBottom: 16 }} data-testid="redeem-panel">
      {loadError && <Alert type="error" showIcon message={loadError} style={{ marginBottom: 12 }} />}
      {preview && (
        <Typography.Paragraph type="secondary" data-testid="redeem-available">
          {t("redeem.available", {
            points: preview.usablePoints,
            value: formatYuan(preview.usableValueFen),
            max: preview.maxPoints,
            min: preview.minPoints,
            pct: preview.maxSharePct,
          })}
        </Typography.Paragraph>
      )}
      <div className="form-grid">
        <Form.Item label={t("redeem.points")}>
          <Space.Compact style={{ width: "100%" }}>
            <InputNumber
              min={0}
              precision={0}
              value={value.points || null}
              placeholder="0"
              onChange={(v) => onChange({ ...value, points: v ?? 0 })}
              style={{ width: "100%" }}
              data-testid="redeem-points"
            />
            <Button disabled={!preview || preview.maxPoints === 0} onClick={() => preview && onChange({ ...value, points: preview.maxPoints })} data-testid="redeem-max">
              {t("redeem.useMax")}
            </Button>
          </Space.Compact>
        </Form.Item>
        <Form.Item label={t("redeem.coupon")}>
          <Select
            allowClear
            placeholder={preview && preview.coupons.length === 0 ? t("redeem.noCoupons") : t("redeem.couponPlaceholder")}
            value={value.couponGrantId ?? undefined}
            onChange={(v: number | undefined) => onChange({ ...value, couponGrantId: v ?? null })}
            options={couponOptions}
            data-testid="redeem-coupon"
          />
        </Form.Item>
      </div>
      {problem && <Alert type="warning" showIcon message={problem} style={{ marginBottom: 12 }} data-testid="redeem-problem" />}
      {preview && (
        <div className="order-amounts">
          <div className="amount-line">
            <Typography.Text type="secondary">{t("redeem.couponOff")}</Typography.Text>
            <Typography.Text className="mono-num" data-testid="redeem-coupon-off">
              −{formatYuan(preview.couponFen)}
            </Typography.Text>
          </div>
          <div className="amount-line">
            <Typography.Text type="secondary">{t("redeem.pointsOff", { points: preview.points })}</Typography.Text>
            <Typography.Text className="mono-num" data-testid="redeem-points-off">
              −{formatYuan(preview.pointsFen)}
            </Typography.Text>
          </div>
          <div className="amount-line">
            <Typography.Text type="secondary">{t("redeem.toPay")}</Typography.Text>
            <Typography.Text strong className="mono-num" data-testid="redeem-to-pay">
              {formatYuan(preview.toPayFen)}
            </Typography.Text>
          </div>
        </div>
      )}
    </Card>
  );
}

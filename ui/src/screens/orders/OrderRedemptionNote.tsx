import { Typography } from "antd";
import { useEffect, useState } from "react";
import { useI18n } from "../../i18n";
import { loyaltyOrderRedemption, type OrderRedemption } from "../../lib/backend";
import { formatYuan } from "../../lib/money";

/** The order page: what part of the discount was paid with points and a coupon (nothing when none). */
export function OrderRedemptionNote({ orderId, version }: { orderId: number; version: string }) {
  const { t } = useI18n();
  const [r, setR] = useState<OrderRedemption | null>(null);
  useEffect(() => {
    let live = true;
    loyaltyOrderRedemption(orderId)
      .then((x) => live && setR(x))
      .catch(() => live && setR(null));
    return () => {
      live = false;
    };
  }, [orderId, version]);
  if (!r || (r.points === 0 && r.couponGrantId === null)) return null;
  return (
    <div className="order-redemption" data-testid="order-redemption" style={{ marginTop: 8 }}>
      {r.points > 0 && (
        <Typography.Text type="secondary" style={{ display: "block" }}>
          {t("order.redeemedPoints", { points: r.points, amount: formatYuan(r.pointsFen) })}
          {r.pointsReturned > 0 && t("order.redeemedReturned", { points: r.pointsReturned })}
        </Typography.Text>
      )}
      {r.couponName && (
        <Typography.Text type="secondary" style={{ display: "block" }}>
          {t("order.redeemedCoupon", { name: r.couponName, amount: formatYuan(r.couponFen) })}
        </Typography.Text>
      )}
    </div>
  );
}

// Names the loyalty screens show for codes from the core: tiers (named in both languages by
// the rules), ledger reasons, coupon kinds.
import type { MessageKey, Translate } from "../../i18n";
import { CHANNELS, type CouponKind, type Lang, type PointsReason, type TierDef } from "../../lib/backend";
import { channelLabel } from "../orders/labels";
import { couponText, type CouponTerms } from "./format";

export function tierName(lang: Lang, tiers: TierDef[], code: string | null): string {
  if (!code) return "";
  const tier = tiers.find((x) => x.code === code);
  if (!tier) return code;
  return lang === "en" ? tier.nameEn : tier.nameZh;
}

export const reasonLabel = (t: Translate, r: PointsReason) => t(`loyalty.reason.${r}` as MessageKey);
export const kindLabel = (t: Translate, k: CouponKind) => t(`coupon.kind.${k}` as MessageKey);

/** The coupon's offer in the UI language. */
export function describeCoupon(t: Translate, c: CouponTerms): string {
  return couponText(c, {
    threshold: (min, off) => t("coupon.text.threshold", { min, off }),
    percentage: (percent, zhe) => t("coupon.text.percentage", { percent, zhe }),
    cap: (cap) => t("coupon.text.cap", { cap }),
    fixed: (off) => t("coupon.text.fixed", { off }),
    gift: (gift) => t("coupon.text.gift", { gift }),
    minSpend: (min) => t("coupon.text.minSpend", { min }),
  });
}

export const TIER_COLORS = ["#8c8c8c", "#69b1ff", "#faad14", "#722ed1", "#13c2c2", "#eb2f96"];

/** A coupon's channel: every channel when none is set; an unknown code as it is. */
export function couponChannel(t: Translate, channel: string | null): string {
  if (!channel) return t("coupon.allChannels");
  const known = CHANNELS.find((c) => c === channel);
  return known ? channelLabel(t, known) : channel;
}

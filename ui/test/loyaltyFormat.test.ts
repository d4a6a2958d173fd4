import dayjs from "dayjs";
import { describe, expect, it } from "vitest";
import { translate } from "../src/i18n";
import { checkAdjust } from "../src/screens/loyalty/AdjustPoints";
import { draftToInput } from "../src/screens/loyalty/CouponForm";
import { couponText, lastMonths, niceMax, signedPoints, zhe, type CouponTerms } from "../src/screens/loyalty/format";
import { describeCoupon } from "../src/screens/loyalty/labels";

const terms = (patch: Partial<CouponTerms>): CouponTerms => ({
  kind: "threshold",
  thresholdFen: 0,
  minSpendFen: 0,
  amountFen: 0,
  percentOff: 0,
  capFen: 0,
  gift: "",
  ...patch,
});

const zh = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate("zh-CN", key, vars);
const en = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate("en", key, vars);

describe("coupon descriptions", () => {
  it("writes spend-and-save coupons the way Chinese shops do", () => {
    expect(describeCoupon(zh, terms({ kind: "threshold", thresholdFen: 10_000, amountFen: 1_000 }))).toBe("满¥100.00减¥10.00");
    expect(describeCoupon(en, terms({ kind: "threshold", thresholdFen: 10_000, amountFen: 1_000 }))).toBe("¥10.00 off orders of ¥100.00");
  });

  it("gives a percentage coupon as 折 with its cap and minimum spend", () => {
    const c = terms({ kind: "percentage", percentOff: 15, capFen: 2_000, minSpendFen: 5_000 });
    expect(describeCoupon(zh, c)).toBe("8.5折（减 15%） · 最多减¥20.00 · 满¥50.00可用");
    expect(describeCoupon(en, c)).toBe("15% off (8.5折) · at most ¥20.00 off · on orders of ¥50.00 or more");
  });

  it("describes fixed and gift coupons", () => {
    expect(describeCoupon(zh, terms({ kind: "fixed", amountFen: 500 }))).toBe("立减¥5.00");
    expect(describeCoupon(zh, terms({ kind: "gift", gift: "试喝装" }))).toBe("赠送：试喝装");
  });

  it("reads 折 from percent off", () => {
    expect(zhe(10)).toBe("9");
    expect(zhe(15)).toBe("8.5");
    expect(zhe(2)).toBe("9.8");
  });

  it("couponText uses the labels it is given", () => {
    const text = couponText(terms({ kind: "fixed", amountFen: 1 }), {
      threshold: () => "",
      percentage: () => "",
      cap: () => "",
      fixed: (off) => `[${off}]`,
      gift: () => "",
      minSpend: () => "",
    });
    expect(text).toBe("[¥0.01]");
  });
});

describe("coupon form", () => {
  const draft = {
    name: "回馈券",
    kind: "threshold" as const,
    threshold: "100",
    amount: "10.5",
    percentOff: 10,
    cap: "0",
    gift: "",
    minSpend: "0",
    channel: null,
    valid: [dayjs("2026-11-01"), dayjs("2026-11-30")] as [dayjs.Dayjs, dayjs.Dayjs],
    perCustomer: 1,
    total: null,
  };

  it("turns typed yuan into exact fen and shop days into UTC instants", () => {
    const r = draftToInput(draft);
    expect(r.ok && r.input).toMatchObject({ thresholdFen: 10_000, amountFen: 1_050, validFrom: "2026-11-01", validTo: "2026-11-30", percentOff: 0 });
  });

  it("names the first wrong field", () => {
    expect(draftToInput({ ...draft, name: " " })).toEqual({ ok: false, field: "coupon.form.name" });
    expect(draftToInput({ ...draft, amount: "1.234" })).toEqual({ ok: false, field: "coupon.form.amount" });
    expect(draftToInput({ ...draft, kind: "percentage", percentOff: 100 })).toEqual({ ok: false, field: "coupon.form.percent" });
    expect(draftToInput({ ...draft, kind: "gift" })).toEqual({ ok: false, field: "coupon.form.gift" });
  });
});

describe("adjust points form", () => {
  it("needs whole points other than zero and a reason", () => {
    expect(checkAdjust(null, "x", "")).toEqual({ ok: false, key: "c360.adjust.needPoints" });
    expect(checkAdjust(0, "x", "")).toEqual({ ok: false, key: "c360.adjust.needPoints" });
    expect(checkAdjust(1.5, "x", "")).toEqual({ ok: false, key: "c360.adjust.needPoints" });
    expect(checkAdjust(-20, "  ", "")).toEqual({ ok: false, key: "c360.adjust.needReason" });
  });

  it("accepts an optional ticket number, with or without #", () => {
    expect(checkAdjust(200, "补录", "")).toEqual({ ok: true, ticketId: null });
    expect(checkAdjust(200, "补录", "#42")).toEqual({ ok: true, ticketId: 42 });
    expect(checkAdjust(200, "补录", "T-1")).toEqual({ ok: false, key: "c360.adjust.badTicket" });
  });
});

describe("numbers on the charts", () => {
  it("rounds an axis up to 1, 2 or 5 × 10^k", () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(7)).toBe(10);
    expect(niceMax(130)).toBe(200);
    expect(niceMax(4_200)).toBe(5_000);
    expect(niceMax(5_000)).toBe(5_000);
  });

  it("signs points with a real minus", () => {
    expect(signedPoints(1200)).toBe("+1,200");
    expect(signedPoints(-30)).toBe("−30");
    expect(signedPoints(0)).toBe("0");
  });
});

describe("the monthly chart's months", () => {
  const empty = (month: string) => ({ month, issued: 0 });
  it("shows twelve calendar months ending now, quiet months as zero, across a new year", () => {
    const rows = [{ month: "2026-03", issued: 5 }, { month: "2025-10", issued: 7 }, { month: "2024-01", issued: 9 }];
    const got = lastMonths(rows, 12, empty, new Date(2026, 3, 15)); // April 2026
    expect(got.map((m) => m.month)).toEqual([
      "2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10",
      "2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04",
    ]);
    expect(got.map((m) => m.issued)).toEqual([0, 0, 0, 0, 0, 7, 0, 0, 0, 0, 5, 0]);
  });
});

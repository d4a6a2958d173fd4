// Display logic for the loyalty screens, kept apart from the components so it is unit-tested:
// coupon descriptions, signed points, chart scales (tier progress comes from the core). Money is integer fen.
import type { CouponKind, NewCoupon } from "../../lib/backend";
import { formatYuan } from "../../lib/money";

/** The smallest "round" number ≥ n for a chart axis (1, 2, 5 × 10^k); 1 for 0. */
export function niceMax(n: number): number {
  if (n <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(n));
  for (const m of [1, 2, 5, 10]) if (m * p >= n) return m * p;
  return 10 * p;
}

/** +120 / −30 / 0 for a points delta (a real minus sign, thousands separated). */
export function signedPoints(n: number): string {
  const abs = Math.abs(n).toLocaleString("en-US");
  if (n > 0) return `+${abs}`;
  if (n < 0) return `−${abs}`;
  return "0";
}

export function formatPoints(n: number): string {
  return n.toLocaleString("en-US");
}

export type { CouponKind };

/** The terms of a coupon that its description needs (the generated laoke::loyalty::coupons type). */
export type CouponTerms = Pick<NewCoupon, "kind" | "thresholdFen" | "minSpendFen" | "amountFen" | "percentOff" | "capFen" | "gift">;

export interface CouponTextLabels {
  threshold: (min: string, off: string) => string;
  percentage: (percent: number, zhe: string) => string;
  cap: (cap: string) => string;
  fixed: (off: string) => string;
  gift: (gift: string) => string;
  minSpend: (min: string) => string;
}

/** "满¥100.00减¥10.00", "85折 (最多减¥20.00)", … built from translated pieces. */
export function couponText(c: CouponTerms, l: CouponTextLabels): string {
  const min = c.minSpendFen > 0 ? l.minSpend(formatYuan(c.minSpendFen)) : "";
  switch (c.kind) {
    case "threshold":
      return [l.threshold(formatYuan(c.thresholdFen), formatYuan(c.amountFen)), c.minSpendFen > c.thresholdFen ? min : ""]
        .filter(Boolean)
        .join(" · ");
    case "percentage": {
      const parts = [l.percentage(c.percentOff, zhe(c.percentOff))];
      if (c.capFen > 0) parts.push(l.cap(formatYuan(c.capFen)));
      if (min) parts.push(min);
      return parts.join(" · ");
    }
    case "fixed":
      return [l.fixed(formatYuan(c.amountFen)), min].filter(Boolean).join(" · ");
    case "gift":
      return [l.gift(c.gift), min].filter(Boolean).join(" · ");
  }
}

/** 15 % off → "8.5" (八五折 reads 8.5折); 10 % off → "9". */
export function zhe(percentOff: number): string {
  const tenths = 100 - percentOff; // 85 → 8.5
  return tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1);
}

/** "2026-11" → "2026-11"; keeps the last `n` months in order. */
/**
 * The last `n` calendar months ("YYYY-MM") ending with this month (or the newest month in
 * `rows`, if later), one entry each: months without ledger rows are filled with `empty`, so
 * the chart shows quiet months as gaps instead of leaving them out.
 */
export function lastMonths<T extends { month: string }>(rows: T[], n: number, empty: (month: string) => T, now: Date = new Date()): T[] {
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  const thisMonth = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}`;
  const newest = rows.reduce((m, r) => (r.month > m ? r.month : m), thisMonth);
  let y = Number(newest.slice(0, 4));
  let mo = Number(newest.slice(5, 7));
  const out: T[] = [];
  for (let i = 0; i < n; i++) {
    const key = `${y}-${String(mo).padStart(2, "0")}`;
    out.push(byMonth.get(key) ?? empty(key));
    mo -= 1;
    if (mo === 0) {
      mo = 12;
      y -= 1;
    }
  }
  return out.reverse();
}

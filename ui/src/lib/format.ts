import { wallParts } from "./shopTime";

/** RFC3339 UTC → "YYYY-MM-DD HH:mm" on the shop's clock (see shopTime.ts). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "";
  const p = wallParts(iso);
  return p ? `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}` : iso;
}

/** RFC3339 UTC → the shop day "YYYY-MM-DD" (see shopTime.ts). */
export function formatShopDay(iso: string | null | undefined): string {
  if (!iso) return "";
  const p = wallParts(iso);
  return p ? `${p.year}-${p.month}-${p.day}` : iso;
}

export function formatCount(n: number, lang: string): string {
  return new Intl.NumberFormat(lang === "en" ? "en-US" : "zh-CN").format(n);
}

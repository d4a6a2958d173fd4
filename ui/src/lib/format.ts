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

/** A file or drive size in B / KB / MB / GB (binary units, as Explorer and Finder count). */
export function formatSize(bytes: number): string {
  if (bytes >= 1 << 30) return `${(bytes / (1 << 30)).toFixed(1)} GB`;
  if (bytes >= 1 << 20) return `${(bytes / (1 << 20)).toFixed(1)} MB`;
  if (bytes >= 1 << 10) return `${Math.ceil(bytes / (1 << 10))} KB`;
  return `${bytes} B`;
}

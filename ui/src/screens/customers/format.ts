// Display helpers for the customer screens: money is integer fen from the core, shown as ¥; the
// region shown beside an address only when it adds something.
import { formatShopDay } from "../../lib/format";

/** 123456 → "¥1,234.56" (exact: integer arithmetic, no floats for the fen). */
export function formatFen(fen: number): string {
  const neg = fen < 0;
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100).toLocaleString("en-US");
  const cents = String(abs % 100).padStart(2, "0");
  return `${neg ? "-" : ""}¥${yuan}.${cents}`;
}

/** RFC 3339 → the shop day "YYYY-MM-DD" (a bare date stays as it is). */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return "";
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso : formatShopDay(iso);
}

// 浙江省 → 浙江, 广西壮族自治区 → 广西, 杭州市 → 杭州: the part a person might write without the suffix.
const REGION_SUFFIX = /(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|自治州|地区|盟)$/;
const regionCore = (part: string) => part.replace(REGION_SUFFIX, "") || part;

/** The region (province, city) worth showing beside an address: only the parts the address does
 *  not already say, so "浙江 杭州" beside "浙江省杭州市西湖区…" is not repeated (null: nothing to add).
 *  A municipality's province and city ("北京", "北京市") count once. */
export function regionBesideAddress(
  province: string | null | undefined,
  city: string | null | undefined,
  address: string | null | undefined,
): string | null {
  const said = (address ?? "").replace(/\s+/g, "");
  const parts: string[] = [];
  for (const raw of [province, city]) {
    const part = (raw ?? "").trim();
    if (!part) continue;
    const core = regionCore(part);
    if (said.includes(core) || parts.some((p) => regionCore(p) === core)) continue;
    parts.push(part);
  }
  return parts.length ? parts.join(" ") : null;
}

/** Empty strings become null, so the core sees "not given". */
export function blankToNull(v: string | null | undefined): string | null {
  const t = (v ?? "").trim();
  return t ? t : null;
}

// Display helpers for the customer screens: money is integer fen from the core, shown as ¥.
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

/** Empty strings become null, so the core sees "not given". */
export function blankToNull(v: string | null | undefined): string | null {
  const t = (v ?? "").trim();
  return t ? t : null;
}

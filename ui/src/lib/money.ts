// Money in the UI: the core speaks integer fen; people read ¥1,234.56 and type "12.5".
// Typed amounts are parsed as decimal strings into fen — never through floating point.

/** ¥1,234.56 from fen (negative: -¥3.00). */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? "-" : "";
  const abs = BigInt(Math.abs(Math.trunc(fen)));
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const cents = (abs % 100n).toString().padStart(2, "0");
  return `${sign}¥${whole}.${cents}`;
}

export type ParsedYuan = { ok: true; fen: number } | { ok: false; reason: "empty" | "format" | "decimals" | "tooLarge" };

const FULL_WIDTH_DIGIT = /[０-９]/g;

/** "12", "12.5", "¥1,234.56", "１２．５", "19.99元" → fen. At most two decimals, no negatives. */
export function parseYuan(input: string): ParsedYuan {
  let s = input
    .trim()
    .replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, ".")
    .replace(/[,，\s¥￥]/g, "");
  if (s.endsWith("元")) s = s.slice(0, -1);
  if (s === "") return { ok: false, reason: "empty" };
  const m = /^(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m || (m[1] === "" && (m[2] ?? "") === "")) return { ok: false, reason: "format" };
  const whole = m[1] ?? "";
  const frac = m[2] ?? "";
  if (frac.length > 2) return { ok: false, reason: "decimals" };
  const fen = BigInt(whole === "" ? "0" : whole) * 100n + BigInt((frac + "00").slice(0, 2));
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, reason: "tooLarge" };
  return { ok: true, fen: Number(fen) };
}

/** Fen back to what a person would type (no ¥, no separators): 1250 → "12.50". */
export function fenToInput(fen: number): string {
  const abs = Math.abs(Math.trunc(fen));
  return `${fen < 0 ? "-" : ""}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

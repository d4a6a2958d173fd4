import dayjs from "dayjs";

/** RFC3339 UTC → local "YYYY-MM-DD HH:mm". */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = dayjs(iso);
  return d.isValid() ? d.format("YYYY-MM-DD HH:mm") : iso;
}

export function formatCount(n: number, lang: string): string {
  return new Intl.NumberFormat(lang === "en" ? "en-US" : "zh-CN").format(n);
}

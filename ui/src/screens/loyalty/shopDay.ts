// Coupons are valid for whole shop days (the shop's timezone from settings, default
// Asia/Shanghai), while the core stores instants in UTC. These convert between the two with
// the platform's time-zone data (Intl), not the computer's own zone.

/** Minutes the zone is ahead of UTC at `instant` (Asia/Shanghai: 480). */
function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((wall - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

/** The UTC instant a shop day starts, e.g. ("2026-11-01", "Asia/Shanghai") → 2026-10-31T16:00:00.000Z. */
export function shopDayStart(day: string, timeZone: string): string {
  const [y, m, d] = day.split("-").map(Number);
  const guess = Date.UTC(y, m - 1, d);
  // Twice: the offset at the guess may differ from the offset at the answer (DST).
  let at = guess - offsetMinutes(new Date(guess), timeZone) * 60000;
  at = guess - offsetMinutes(new Date(at), timeZone) * 60000;
  return new Date(at).toISOString();
}

/** The last second of a shop day, in UTC (the coupon is valid through that day). */
export function shopDayEnd(day: string, timeZone: string): string {
  const [y, m, d] = day.split("-").map(Number);
  const next = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  return new Date(new Date(shopDayStart(next, timeZone)).getTime() - 1000).toISOString();
}

/** The shop day (YYYY-MM-DD) an instant falls on. */
export function shopDayOf(iso: string, timeZone: string): string {
  // From the parts: engines disagree on how "en-CA" orders a formatted date.
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

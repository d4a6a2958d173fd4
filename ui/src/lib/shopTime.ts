// Times on screen are the shop's wall clock, not the computer's. The core stores instants in UTC
// and counts days, birthdays and reports in the shop's timezone (Settings, default
// Asia/Shanghai); showing list times in the computer's own zone would let an order imported as
// "2024-03-05 23:30" show up on the 6th on a laptop set to another zone. One display zone for the
// whole UI, set when the shop settings load (MainLayout) and again after they are saved.

export const DEFAULT_TIMEZONE = "Asia/Shanghai";

let displayZone = DEFAULT_TIMEZONE;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Use `timeZone` (an IANA name) for every time shown from now on; unknown names are ignored. */
export function setDisplayTimeZone(timeZone: string | null | undefined): void {
  if (!timeZone || !isTimeZone(timeZone)) return;
  displayZone = timeZone;
}

export function displayTimeZone(): string {
  return displayZone;
}

function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

interface WallParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
}

/** The shop's wall-clock parts of an instant, or null for text that is not a time. */
export function wallParts(iso: string, timeZone: string = displayZone): WallParts | null {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  let f = formatters.get(timeZone);
  if (!f) {
    // Parts, not a formatted string: engines disagree on how locales order a date.
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  const parts = f.formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute") };
}

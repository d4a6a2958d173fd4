// The number on the "Today" navigation item: the due list's counts from the core, re-read when
// the service desk changes and once a minute (SLA windows run out by themselves).
import { useCallback, useEffect, useState } from "react";
import { today, todayTotal } from "../../lib/backend";
import { useOnChange } from "../tickets/changes";

export function useTodayCount(): number | null {
  const [n, setN] = useState<number | null>(null);
  const load = useCallback(() => {
    today()
      .then((d) => setN(todayTotal(d.counts)))
      .catch(() => setN(null));
  }, []);
  useEffect(() => {
    load();
    const id = window.setInterval(load, 60_000);
    return () => window.clearInterval(id);
  }, [load]);
  useOnChange(load);
  return n;
}

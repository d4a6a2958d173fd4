import { useEffect, useState } from "react";
import { settingsGet } from "../../lib/backend";
import { displayTimeZone } from "../../lib/shopTime";

/** The shop's timezone from settings (the display zone MainLayout set, until it has loaded). */
export function useShopTimezone(): string {
  const [tz, setTz] = useState(displayTimeZone());
  useEffect(() => {
    let live = true;
    settingsGet().then(
      (s) => live && s.timezone && setTz(s.timezone),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return tz;
}

import { useEffect, useState } from "react";
import { settingsGet } from "../../lib/backend";

export const DEFAULT_TIMEZONE = "Asia/Shanghai";

/** The shop's timezone from settings (the default until it has loaded). */
export function useShopTimezone(): string {
  const [tz, setTz] = useState(DEFAULT_TIMEZONE);
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

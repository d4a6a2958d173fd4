import { useCallback } from "react";
import { hasKey, useI18n } from "../i18n";
import { toBackendError } from "./backend";

/** The core's (already translated) message, or a translated fallback by error code. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useI18n();
  return useCallback(
    (error: unknown) => {
      const e = toBackendError(error);
      if (e.message) return e.message;
      const key = `error.${e.code}`;
      return hasKey(key) ? t(key) : t("error.generic");
    },
    [t],
  );
}

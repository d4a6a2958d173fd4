import { App } from "antd";
import { useEffect } from "react";
import { useI18n } from "../i18n";
import { onBackupFinished } from "../lib/backend";

/**
 * The automatic daily backup runs wherever the user is in the app: a failed target (stick
 * unplugged, read-only, full) gets a clear warning here, a success a short note. Manual backups
 * report on the Backup tab itself.
 */
export function BackupWatcher() {
  const { t } = useI18n();
  const { notification } = App.useApp();

  useEffect(() => {
    let alive = true;
    let stop: (() => void) | null = null;
    void onBackupFinished((e) => {
      if (!e.automatic) return;
      const failed = e.results.filter((r) => r.error);
      const ok = e.results.filter((r) => r.path);
      if (failed.length > 0) {
        notification.warning({
          key: "auto-backup-failed",
          message: t("backup.auto.failedTitle"),
          description: failed.map((r) => r.error).join("\n"),
          duration: 0,
        });
      } else if (ok.length > 0) {
        notification.success({
          key: "auto-backup-done",
          message: t("backup.auto.doneTitle"),
          description: ok.map((r) => r.targetPath).join("\n"),
          duration: 6,
        });
      }
    }).then((u) => {
      if (alive) stop = u;
      else u();
    });
    return () => {
      alive = false;
      stop?.();
    };
  }, [notification, t]);

  return null;
}

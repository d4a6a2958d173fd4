import { CloudUploadOutlined, WarningOutlined } from "@ant-design/icons";
import { Alert, App, Button } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useLocation, useNavigate } from "react-router-dom";
import { useI18n } from "../i18n";
import { backupNow, backupReminder, onBackupFinished, type BackupReminder } from "../lib/backend";
import { formatDateTime } from "../lib/format";
import { useErrorText } from "../lib/useErrorText";

/**
 * The owner's "no recent backup" banner on every screen (the rule is the core's
 * `backup::reminder`: no folder, never backed up, older than 3 days, failed deep check), with
 * one button: choose a folder, or back up now. Checked on every screen change and after every
 * backup; nothing for other roles or the sample shop.
 */
export function BackupReminderBanner() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const location = useLocation();
  const [reminder, setReminder] = useState<BackupReminder | null>(null);
  const [running, setRunning] = useState(false);

  const load = useCallback(async () => {
    try {
      setReminder(await backupReminder());
    } catch {
      setReminder(null); // logged out or locked: the banner waits for the next screen
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load, location.pathname]);

  useEffect(() => {
    let alive = true;
    let stop: (() => void) | null = null;
    void onBackupFinished(() => {
      if (alive) void load();
    }).then((u) => {
      if (alive) stop = u;
      else u();
    });
    return () => {
      alive = false;
      stop?.();
    };
  }, [load]);

  if (!reminder) return null;

  const runNow = async () => {
    setRunning(true);
    try {
      const results = await backupNow();
      const failed = results.filter((r) => r.error);
      if (failed.length) message.error(failed.map((r) => r.error).join("\n"));
      else message.success(t("reminder.done"));
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setRunning(false);
      await load();
    }
  };

  const text = {
    noFolder: t("reminder.noFolder"),
    neverBackedUp: t("reminder.never"),
    stale: t("reminder.stale", { days: reminder.daysSince ?? 0, date: formatDateTime(reminder.newestAt) }),
    deepCheckFailed: t("reminder.deepCheckFailed"),
  }[reminder.reason];

  return (
    <Alert
      banner
      type="warning"
      icon={<WarningOutlined />}
      showIcon
      data-testid="backup-reminder"
      data-reason={reminder.reason}
      message={text}
      action={
        reminder.reason === "noFolder" ? (
          <Button size="small" type="primary" onClick={() => navigate("/settings/backup")} data-testid="backup-reminder-choose">
            {t("reminder.chooseFolder")}
          </Button>
        ) : (
          <Button
            size="small"
            type="primary"
            icon={<CloudUploadOutlined />}
            loading={running}
            onClick={() => void runNow()}
            data-testid="backup-reminder-now"
          >
            {t("reminder.backUpNow")}
          </Button>
        )
      }
    />
  );
}

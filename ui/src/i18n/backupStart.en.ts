// Backups from minute one (issue 17): the wizard's backup step, the suggested places, the
// owner's "no recent backup" banner and the weekly deep check.
import type backupStartZh from "./backupStart.zh-CN";

const backupStartEn: Record<keyof typeof backupStartZh, string> = {
  "wizard.stepBackup": "Backup folder",
  "wizard.backupTitle": "Where should backups go?",
  "wizard.backupText":
    "Computers get lost and disks die; then a backup is all you have. Choose a USB stick or a cloud sync folder (Nutstore, OneDrive, iCloud Drive, Baidu Netdisk …): Laoke backs up there every day and when you quit. Backups are encrypted: only this shop's passwords or the recovery key open them.",
  "wizard.backupLater": "Later",
  "wizard.backupDone": "Done, open Laoke",
  "wizard.backupAdded": "Backup folder added: {path}",
  "wizard.backupNow": "Back up once now",
  "wizard.backupNowDone": "The first backup is written and verified",
  "place.title": "Found on this computer",
  "place.none": "No USB stick or cloud folder found. Plug in a stick and press “Look again”, or choose a folder below.",
  "place.rescan": "Look again",
  "place.kind.removable": "USB stick / external drive",
  "place.kind.cloudSync": "Cloud sync folder",
  "place.free": "{size} free",
  "place.use": "Use this",
  "place.other": "Another folder",
  "place.backupTo": "Backups go to {path}",
  "reminder.noFolder": "No backup folder yet: the data exists only on this computer.",
  "reminder.never": "There is no verified backup yet.",
  "reminder.stale": "The newest backup is {days} days old ({date}).",
  "reminder.deepCheckFailed": "The newest backup failed its weekly deep check and may be damaged. Back up again now.",
  "reminder.chooseFolder": "Choose a backup folder",
  "reminder.backUpNow": "Back up now",
  "reminder.done": "Backup written and verified",
  "backup.col.deepCheck": "Weekly deep check",
  "backup.deepCheck.ok": "passed {date}",
  "backup.deepCheck.failed": "failed {date}",
  "backup.deepCheck.never": "not yet",
};

export default backupStartEn;

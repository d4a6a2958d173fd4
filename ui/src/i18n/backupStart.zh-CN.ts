// Backups from minute one (issue 17): the wizard's backup step, the suggested places, the
// owner's "no recent backup" banner and the weekly deep check.
const backupStartZh = {
  "wizard.stepBackup": "备份位置",
  "wizard.backupTitle": "把备份放在哪里？",
  "wizard.backupText":
    "电脑会丢、硬盘会坏，备份是那时唯一的依靠。选一个U盘或云盘同步文件夹（坚果云、OneDrive、iCloud 云盘、百度网盘…）：老客每天自动备份一次，退出时也会备份。备份是加密的，只有本店的密码或恢复密钥能打开。",
  "wizard.backupLater": "以后再说",
  "wizard.backupDone": "完成，进入老客",
  "wizard.backupAdded": "已添加备份位置：{path}",
  "wizard.backupNow": "现在就备份一次",
  "wizard.backupNowDone": "第一份备份已完成并校验通过",
  "place.title": "在这台电脑上找到的位置",
  "place.none": "没有找到U盘或云盘文件夹。插上U盘后点“重新查找”，或者在下面选一个文件夹。",
  "place.rescan": "重新查找",
  "place.kind.removable": "U盘 / 移动硬盘",
  "place.kind.cloudSync": "云盘同步文件夹",
  "place.free": "可用 {size}",
  "place.use": "用这个",
  "place.other": "其他文件夹",
  "place.backupTo": "备份到 {path}",
  "reminder.noFolder": "还没有设置备份位置：数据只存在这台电脑上。",
  "reminder.never": "还没有一份校验通过的备份。",
  "reminder.stale": "最近一次备份是 {days} 天前（{date}）。",
  "reminder.deepCheckFailed": "最近一份备份没有通过每周深度检查，可能已损坏，请立即重新备份。",
  "reminder.chooseFolder": "选择备份位置",
  "reminder.backUpNow": "立即备份",
  "reminder.done": "备份完成并校验通过",
  "backup.col.deepCheck": "每周深度检查",
  "backup.deepCheck.ok": "{date} 通过",
  "backup.deepCheck.failed": "{date} 未通过",
  "backup.deepCheck.never": "尚未进行",
} as const;

export default backupStartZh;

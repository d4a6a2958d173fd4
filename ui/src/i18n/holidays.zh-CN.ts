// Settings → 节假日 / Holidays (issue 17): the year's arrangement, its source, the .ics import.
const holidaysZh = {
  "holidays.title": "节假日安排",
  "holidays.help":
    "每年的放假和调休上班日：已录入的安排优先，其次是软件内置的国务院公布安排（2004–2026 年），再往后按《全国年节及纪念日放假办法》从农历推算法定假日。国务院公布新一年的放假安排后，店主或店长可导入 .ics 日历文件（日程标题含“休”为放假、含“班”为调休上班），或点“手动录入”照通知逐条填写。",
  "holidays.source.official": "官方公布",
  "holidays.source.computed": "按法定推算",
  "holidays.source.shop": "店铺录入",
  "holidays.unpublished": "调休待公布",
  "holidays.unpublishedHelp": "{year} 年目前只有按法定推算的假日（元旦、春节、清明、劳动节、端午、中秋、国庆共 13 天），没有调休。国务院公布放假安排后请导入。",
  "holidays.import": "导入 .ics",
  "holidays.imported": "已导入放假安排，未结工单的到期时间已更新",
  "holidays.skipped": "已跳过 {n} 个既非放假也非调休的日程：{list}",
  "holidays.type": "手动录入",
  "holidays.typeTitle": "录入 {year} 年放假安排",
  "holidays.typeHelp": "照国务院办公厅的放假通知逐条录入：每行一段日期（单独一天就选同一天）、放假或调休上班、节日名称。保存后替换该年的全部安排，未结工单的到期时间随之更新。",
  "holidays.typeDays": "日期",
  "holidays.typeName": "节日名称，如 春节",
  "holidays.typeAdd": "添加一行",
  "holidays.typeRemove": "删除这一行",
  "holidays.typeSave": "保存安排",
  "holidays.typed": "已保存 {year} 年的放假安排，未结工单的到期时间已更新",
  "holidays.clear": "清除录入",
  "holidays.clearConfirm": "清除 {year} 年录入的安排，改回官方或推算的假日？",
  "holidays.cleared": "已清除，未结工单的到期时间已更新",
  "today.holidayUnpublished": "{name}（{day}）的放假安排还没有录入：目前按法定假日计算，没有调休。请在 设置 → 营业时间与节假日 导入。",
} as const;

export default holidaysZh;

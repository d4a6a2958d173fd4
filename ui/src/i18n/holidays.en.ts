// Settings → Holidays in English (issue 17).
import type holidaysZh from "./holidays.zh-CN";

const holidaysEn: Record<keyof typeof holidaysZh, string> = {
  "holidays.title": "Holiday arrangement",
  "holidays.help":
    "Each year's days off and 调休 working days: an arrangement the shop entered comes first, then the State Council's published schedule built into the app (2004–2026), after that the statutory days computed from the lunar calendar under the holiday law. When the State Council publishes a new year's arrangement, the owner or a manager imports it as an .ics calendar file (event titles with 休 = day off, 班 = working day) or types it in from the notice (“Type in”).",
  "holidays.source.official": "Published",
  "holidays.source.computed": "Computed from the law",
  "holidays.source.shop": "Entered by the shop",
  "holidays.unpublished": "Arrangement not yet published",
  "holidays.unpublishedHelp":
    "{year} has only the statutory days computed from the law (New Year, Spring Festival, Qingming, Labour Day, Dragon Boat, Mid-autumn, National Day: 13 days) and no 调休 working days. Import the State Council's arrangement once it is published.",
  "holidays.import": "Import .ics",
  "holidays.imported": "Arrangement imported; open tickets' due times updated",
  "holidays.skipped": "Skipped {n} events that are neither days off nor working days: {list}",
  "holidays.type": "Type in",
  "holidays.typeTitle": "Enter the {year} holiday arrangement",
  "holidays.typeHelp": "Copy the State Council's holiday notice line by line: a range of days (the same day twice for one day), day off or 调休 working day, and the holiday's name. Saving replaces the whole year's arrangement; open tickets' due times follow.",
  "holidays.typeDays": "Days",
  "holidays.typeName": "Holiday name, e.g. Spring Festival",
  "holidays.typeAdd": "Add a row",
  "holidays.typeRemove": "Remove this row",
  "holidays.typeSave": "Save arrangement",
  "holidays.typed": "The {year} arrangement is saved; open tickets' due times are updated",
  "holidays.clear": "Clear entered",
  "holidays.clearConfirm": "Clear the arrangement entered for {year} and go back to the published or computed days?",
  "holidays.cleared": "Cleared; open tickets' due times updated",
  "today.holidayUnpublished":
    "The arrangement for {name} ({day}) is not entered yet: the statutory days count, without 调休. Import it in Settings → Hours & holidays.",
};

export default holidaysEn;

import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import dayjs from "dayjs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { HolidayYear, Role } from "../src/lib/backend";
import { HolidaysCard } from "../src/screens/settings/HolidaysCard";
import { entriesOf, rowsOf } from "../src/screens/settings/HolidayEntryModal";
import { baseStatus, Providers } from "./helpers";

const invoke = vi.hoisted(() => vi.fn());
vi.mock("@tauri-apps/api/core", () => ({ invoke }));

const computed2027: HolidayYear = {
  year: 2027,
  source: "computed",
  arrangementPublished: false,
  days: [
    { day: "2027-01-01", kind: "off", name: "元旦", nameEn: "New Year's Day", source: "computed" },
    { day: "2027-02-05", kind: "off", name: "春节", nameEn: "Spring Festival", source: "computed" },
  ],
};

const official2026: HolidayYear = {
  year: 2026,
  source: "official",
  arrangementPublished: true,
  days: [{ day: "2026-02-28", kind: "work", name: "春节", nameEn: "Spring Festival", source: "official" }],
};

function mount(role: Role) {
  const status = { ...baseStatus, session: { userId: 1, username: "u", displayName: "U", role, store: "main" as const } };
  render(
    <Providers status={status}>
      <HolidaysCard />
    </Providers>,
  );
}

describe("Settings → 节假日 (holidays of a year)", () => {
  beforeEach(() => {
    invoke.mockReset();
    // December 2026: the card opens on the coming year, 2027.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-06T10:00:00+08:00"));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("marks a computed year as 调休待公布 and lets a manager import an .ics file", async () => {
    invoke.mockImplementation(async (_cmd: string, args: { year: number }) => (args.year === 2026 ? official2026 : computed2027));
    mount("manager");
    await waitFor(() => expect(screen.getByTestId("holidays-source")).toBeTruthy());
    expect(invoke.mock.calls[0]).toEqual(["calendar_year", { year: 2027 }]);
    expect(screen.getByTestId("holidays-source").textContent).toBe("按法定推算");
    expect(screen.getByTestId("holidays-unpublished").textContent).toBe("调休待公布");
    expect(screen.getByText("2027-02-05")).toBeTruthy();
    expect(screen.getByTestId("holidays-import")).toBeTruthy();
  });

  it("shows a rep the list without the import", async () => {
    invoke.mockResolvedValue(computed2027);
    mount("rep");
    await waitFor(() => expect(screen.getByTestId("holidays-unpublished")).toBeTruthy());
    expect(screen.queryByTestId("holidays-import")).toBeNull();
  });

  it("lets a manager type the year in from the notice, prefilled with what applies, and saves every day", async () => {
    invoke.mockImplementation(async (cmd: string, args: { year: number }) => {
      if (cmd === "calendar_set_year") return { ...computed2027, source: "shop", arrangementPublished: true };
      return args.year === 2026 ? official2026 : computed2027;
    });
    mount("manager");
    await waitFor(() => expect(screen.getByTestId("holidays-source")).toBeTruthy());
    fireEvent.click(screen.getByTestId("holidays-type"));
    await waitFor(() => expect(screen.getAllByTestId("holidays-type-row")).toHaveLength(2));
    fireEvent.click(screen.getByTestId("holidays-type-save"));
    await waitFor(() =>
      expect(invoke).toHaveBeenCalledWith("calendar_set_year", {
        year: 2027,
        days: [
          { day: "2027-01-01", kind: "off", name: "元旦" },
          { day: "2027-02-05", kind: "off", name: "春节" },
        ],
      }),
    );
    await waitFor(() => expect(screen.getByTestId("holidays-source").textContent).toBe("店铺录入"));
  });
});

describe("typed holiday rows", () => {
  it("group consecutive days of one holiday into a range and expand back to the same days", () => {
    const days = ["2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08"].map((day) => ({
      day,
      kind: "off" as const,
      name: "春节",
      nameEn: "Spring Festival",
      source: "shop" as const,
    }));
    const work = { day: "2027-02-14", kind: "work" as const, name: "春节", nameEn: "Spring Festival", source: "shop" as const };
    const rows = rowsOf([work, ...days]);
    expect(rows.map((r) => [r.from?.format("MM-DD"), r.to?.format("MM-DD"), r.kind])).toEqual([
      ["02-05", "02-08", "off"],
      ["02-14", "02-14", "work"],
    ]);
    expect(entriesOf(rows).map((e) => e.day)).toEqual([...days.map((d) => d.day), "2027-02-14"]);
    expect(entriesOf([{ from: dayjs("2027-10-01"), to: null, kind: "off", name: " 国庆 " }])).toEqual([
      { day: "2027-10-01", kind: "off", name: "国庆" },
    ]);
  });
});

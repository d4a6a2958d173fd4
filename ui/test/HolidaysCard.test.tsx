import { render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { HolidayYear, Role } from "../src/lib/backend";
import { HolidaysCard } from "../src/screens/settings/HolidaysCard";
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
});

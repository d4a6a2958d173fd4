import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { MemoryRouter } from "react-router-dom";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { BackupReminderBanner } from "../src/components/BackupReminderBanner";
import type { BackupReminder } from "../src/lib/backend";
import { Providers, baseStatus } from "./helpers";

const invoke = vi.hoisted(() => vi.fn());
vi.mock("@tauri-apps/api/core", () => ({ invoke }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(async () => () => {}) }));

const stale: BackupReminder = {
  reason: "stale",
  newestAt: "2026-12-01T02:00:00Z",
  daysSince: 6,
  folders: 1,
  staleAfterDays: 3,
};

function answer(reminders: (BackupReminder | null)[]) {
  invoke.mockImplementation(async (cmd: string) => {
    if (cmd === "backup_reminder") return reminders.length > 1 ? reminders.shift() : reminders[0];
    if (cmd === "backup_now") return [{ targetId: 1, targetPath: "/media/u", path: "/media/u/a.laokebak", size: 1, error: null }];
    return null;
  });
}

describe("BackupReminderBanner", () => {
  beforeEach(() => invoke.mockReset());

  it("says how old the newest backup is and backs up now in one click, then goes away", async () => {
    answer([stale, null]);
    render(
      <MemoryRouter>
        <Providers>
          <BackupReminderBanner />
        </Providers>
      </MemoryRouter>,
    );
    const banner = await screen.findByTestId("backup-reminder");
    expect(banner).toHaveTextContent("最近一次备份是 6 天前");
    fireEvent.click(screen.getByTestId("backup-reminder-now"));
    await waitFor(() => expect(invoke).toHaveBeenCalledWith("backup_now", {}));
    await waitFor(() => expect(screen.queryByTestId("backup-reminder")).toBeNull());
  });

  it("asks for a backup folder first when there is none, in English too", async () => {
    answer([{ reason: "noFolder", newestAt: null, daysSince: null, folders: 0, staleAfterDays: 3 }]);
    render(
      <MemoryRouter>
        <Providers status={{ ...baseStatus, language: "en" }}>
          <BackupReminderBanner />
        </Providers>
      </MemoryRouter>,
    );
    expect(await screen.findByTestId("backup-reminder")).toHaveTextContent("No backup folder yet");
    expect(screen.getByTestId("backup-reminder-choose")).toHaveTextContent("Choose a backup folder");
  });

  it("shows nothing when the core has nothing to say", async () => {
    answer([null]);
    render(
      <MemoryRouter>
        <Providers>
          <BackupReminderBanner />
        </Providers>
      </MemoryRouter>,
    );
    await waitFor(() => expect(invoke).toHaveBeenCalledWith("backup_reminder", undefined));
    expect(screen.queryByTestId("backup-reminder")).toBeNull();
  });
});

import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { LoyaltyProgram, Role } from "../src/lib/backend";
import { ProgramSwitch, startPercent } from "../src/screens/loyalty/ProgramSwitch";
import { baseStatus, Providers } from "./helpers";

const invoke = vi.hoisted(() => vi.fn());
vi.mock("@tauri-apps/api/core", () => ({ invoke }));

const off: LoyaltyProgram = {
  state: "off", past: { kind: "all" }, earnFrom: null, done: 0, total: 0, earnedOrders: 0, earnedPoints: 0,
  changedAt: "2026-12-01T02:00:00Z", changedBy: "owner",
};
const starting: LoyaltyProgram = { ...off, state: "starting", past: { kind: "months", months: 6 }, done: 20000, total: 80000, earnedOrders: 15000, earnedPoints: 900000 };

function mount(role: Role) {
  const status = { ...baseStatus, session: { userId: 1, username: "u", displayName: "U", role, store: "main" as const } };
  render(
    <Providers status={status}>
      <ProgramSwitch />
    </Providers>,
  );
}

describe("Loyalty on / off (issue 17)", () => {
  beforeEach(() => invoke.mockReset());

  it("progress is the share of past orders done, all done when there were none", () => {
    expect(startPercent({ done: 20000, total: 80000 })).toBe(25);
    expect(startPercent({ done: 0, total: 0 })).toBe(100);
    expect(startPercent({ done: 90, total: 80 })).toBe(100);
  });

  it("switching on asks about past orders, none by default, and sends the owner's choice", async () => {
    invoke.mockImplementation(async (cmd: string) => (cmd === "loyalty_program" ? off : starting));
    mount("owner");
    await waitFor(() => expect(screen.getByTestId("loyalty-program-switch")).toBeTruthy());
    fireEvent.click(screen.getByTestId("loyalty-program-switch"));
    await waitFor(() => expect(screen.getByTestId("loyalty-program-start")).toBeTruthy());
    expect((screen.getByDisplayValue("none") as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByDisplayValue("months"));
    fireEvent.click(screen.getByTestId("loyalty-program-start"));
    await waitFor(() => expect(invoke).toHaveBeenCalledWith("loyalty_start", { past: { kind: "months", months: 12 } }));
    await waitFor(() => expect(screen.getByTestId("loyalty-program-progress").textContent).toContain("20,000 / 80,000"));
  });

  it("a rep sees the state but cannot switch", async () => {
    invoke.mockResolvedValue(off);
    mount("rep");
    await waitFor(() => expect(screen.getByTestId("loyalty-program-switch")).toBeTruthy());
    expect(screen.getByTestId("loyalty-program-switch").hasAttribute("disabled")).toBe(true);
  });
});

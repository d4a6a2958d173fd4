import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { MemoryRouter } from "react-router-dom";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { CustomerLoyalty, RuleVersion, TierDef } from "../src/lib/backend";
import { CustomerLoyaltyCard } from "../src/screens/loyalty/CustomerLoyaltyCard";
import { baseStatus, Providers } from "./helpers";

const invoke = vi.hoisted(() => vi.fn());
vi.mock("@tauri-apps/api/core", () => ({ invoke }));

const tier = (code: string, nameZh: string, nameEn: string, yuan: number, mult: number): TierDef => ({
  code, nameZh, nameEn, thresholdFen: yuan * 100, multiplierPct: mult, discountPct: 0, notes: "",
});
const TIERS = [tier("regular", "普通会员", "Member", 0, 100), tier("silver", "银卡会员", "Silver", 1000, 120), tier("gold", "金卡会员", "Gold", 3000, 150)];

const rules: RuleVersion = {
  id: 0, effectiveAt: "2026-01-01T00:00:00Z", createdBy: "", rules: {
    pointsPerYuan: 1, lockDays: 7, redeemPointsPerYuan: 100, redeemMinPoints: 100, redeemMaxSharePct: 50,
    expiry: { kind: "off" }, tierBasis: "last12_months", tierRetentionMonths: 12, tiers: TIERS, birthdayBonusPoints: 0,
  },
};

const panel: CustomerLoyalty = {
  points: { customerId: 7, balance: 130, usable: 30, locked: 100, nextExpiryPoints: 0, nextExpiryAt: null, valueFen: 130 },
  tier: { tier: TIERS[0], reachedAt: "2026-11-20T02:00:00Z", retainedUntil: "2027-11-20T02:00:00Z", locked: false,
          qualifyingSpendFen: 10_000, nextTier: TIERS[1], toNextFen: 90_000, progressPercent: 10 },
  history: [{
    id: 3, customerId: 7, delta: 100, reason: "earn", source: "order", sourceId: 12, ruleVersionId: 0, pointsPerYuan: 1,
    multiplierPct: 100, baseFen: 10_000, operator: "job", note: "", ticketId: null, at: "2026-11-20T02:00:00Z",
    usableFrom: "2026-11-27T02:00:00Z", expiryKind: "none", expiryMonths: null, expiresAt: null, lotId: null,
    reversesId: null, idempotencyKey: "order:12", orderNo: "TB2611200001", closedLots: null,
  }],
  tierHistory: [],
  coupons: [],
};

function mount(role: "owner" | "rep", lang: "zh-CN" | "en" = "zh-CN") {
  const status = { ...baseStatus, language: lang, session: { userId: 1, username: "u", displayName: "U", role, store: "main" as const } };
  render(
    <Providers status={status}>
      <MemoryRouter>
        <CustomerLoyaltyCard customerId={7} editable />
      </MemoryRouter>
    </Providers>,
  );
}

function answer(extra: Record<string, unknown> = {}) {
  invoke.mockImplementation((cmd: string) => {
    if (cmd in extra) {
      const v = extra[cmd];
      return v instanceof Error ? Promise.reject(v) : Promise.resolve(v);
    }
    if (cmd === "loyalty_customer") return Promise.resolve(panel);
    if (cmd === "loyalty_rules") return Promise.resolve(rules);
    return Promise.reject({ code: "internal", message: `unexpected ${cmd}` });
  });
}

// antd tables in jsdom are slow on a busy machine: generous time limits.
const SLOW = { timeout: 10_000 };

describe("the customer 360 loyalty card", () => {
  beforeEach(() => {
    invoke.mockReset();
  });

  it("shows usable and locked points, the tier and what is missing for the next one", async () => {
    answer();
    mount("owner");
    await waitFor(() => expect(screen.getByTestId("c360-tier").textContent).toContain("普通会员"), SLOW);
    expect(screen.getByTestId("c360-points-usable").textContent).toContain("30");
    expect(screen.getByTestId("c360-points-locked").textContent).toContain("100");
    expect(screen.getByTestId("c360-tier-progress").textContent).toContain("再消费 ¥900.00 升级为银卡会员");
    const history = screen.getByTestId("c360-points-history");
    expect(within(history).getByText("+100")).toBeTruthy();
    expect(history.textContent).toContain("订单 TB2611200001");
    expect(history.textContent).toContain("2026-11-27 起可用");
  }, 30_000);

  it("says how many lots one expiry line closed and when they were earned", async () => {
    const expiry = {
      ...panel.history[0], id: 9, delta: -130, reason: "expire" as const, source: "job" as const, sourceId: null,
      pointsPerYuan: null, multiplierPct: null, baseFen: null, at: "2027-12-01T02:00:00Z", usableFrom: "2027-12-01T02:00:00Z",
      lotId: 5, idempotencyKey: "expire:2027-12-01T02:00:00.000Z:customer:0000000007", orderNo: null,
      closedLots: { entryId: 9, lots: 3, points: 130, firstEarnedAt: "2026-11-10T02:00:00Z", lastEarnedAt: "2026-11-20T02:00:00Z" },
    };
    answer({ loyalty_customer: { ...panel, history: [expiry] } });
    mount("owner");
    await waitFor(() => expect(screen.getByTestId("c360-points-history").textContent).toContain("3 笔积分过期（2026-11-10 至 2026-11-20 获得）"), SLOW);
  }, 30_000);

  it("reads in English", async () => {
    answer();
    mount("owner", "en");
    await waitFor(() => expect(screen.getByTestId("c360-tier-progress").textContent).toContain("¥900.00 more to reach Silver"), SLOW);
  }, 30_000);

  it("shows the core's refusal when a rep adjusts more than 500 points, and writes nothing else", async () => {
    const refusal = { code: "forbidden", message: "客服每次最多调整 500 积分，更多请找店长或店主。" };
    answer({ loyalty_adjust: Object.assign(new Error("refused"), refusal) });
    mount("rep");
    await waitFor(() => screen.getByTestId("c360-adjust-points"), SLOW);
    fireEvent.click(screen.getByTestId("c360-adjust-points"));
    const points = await screen.findByTestId("adjust-points", {}, SLOW);
    fireEvent.change(points.querySelector("input") ?? points, { target: { value: "800" } });
    fireEvent.change(screen.getByTestId("adjust-reason"), { target: { value: "补录" } });
    expect(screen.getByText("客服每次最多调整 500 积分。")).toBeTruthy();
    fireEvent.click(screen.getByTestId("adjust-ok"));
    await waitFor(() => expect(screen.getByTestId("adjust-error").textContent).toContain("客服每次最多调整 500 积分，更多请找店长或店主。"), SLOW);
    const adjust = invoke.mock.calls.filter(([cmd]) => cmd === "loyalty_adjust");
    expect(adjust).toEqual([["loyalty_adjust", { customerId: 7, points: 800, reason: "补录", ticketId: null }]]);
  }, 30_000);
});

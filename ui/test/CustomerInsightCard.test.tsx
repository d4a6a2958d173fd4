import { render, screen } from "@testing-library/react";
import { MemoryRouter } from "react-router-dom";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SegmentMembership } from "../src/lib/backend";
import { CustomerInsightCard } from "../src/screens/customers/CustomerInsightCard";
import { customerInsight, HOSTILE } from "./fixtures/insight";
import { baseStatus, Providers } from "./helpers";

const invoke = vi.hoisted(() => vi.fn());
vi.mock("@tauri-apps/api/core", () => ({ invoke }));

const memberships: SegmentMembership[] = [
  { key: "saved:3", nameZh: HOSTILE, nameEn: HOSTILE, conditions: [{ zh: "省份 = 浙江 ✔", en: "Province = 浙江 ✔", ok: true }, { zh: "累计消费 ≥ ¥5,000 ✘", en: "Spend ≥ ¥5,000 ✘", ok: false }] },
];

function mount(lang: "zh-CN" | "en" = "zh-CN") {
  const status = { ...baseStatus, language: lang, session: { userId: 2, username: "rep", displayName: "阿华", role: "rep" as const, store: "main" as const } };
  render(
    <Providers status={status}>
      <MemoryRouter>
        <CustomerInsightCard customerId={7} />
      </MemoryRouter>
    </Providers>,
  );
}

beforeEach(() => {
  invoke.mockReset();
  invoke.mockImplementation((cmd: string, args: { customerId: number }) => {
    if (cmd === "insight_customer" && args.customerId === 7) return Promise.resolve(customerInsight);
    if (cmd === "segments_of_customer" && args.customerId === 7) return Promise.resolve(memberships);
    return Promise.reject({ code: "internal", message: `unexpected ${cmd}` });
  });
});

describe("the 360 class card", () => {
  it("shows a rep the class, the stage and the reason in words", async () => {
    mount();
    expect(await screen.findByTestId("c360-insight-class")).toHaveTextContent("重要价值客户");
    expect(screen.getByTestId("c360-insight-stage")).toHaveTextContent("活跃");
    expect(screen.getByTestId("c360-insight-returning")).toHaveTextContent("老客");
    expect(screen.getByTestId("c360-insight-reason")).toHaveTextContent("R = 12 天 ≤ 30 ✔ · F = 5 ≥ 3 ✔ · M = ¥820 ≥ ¥300 ✔ → 重要价值客户");
    expect(screen.getByTestId("c360-insight-action")).toHaveTextContent("VIP 关怀、新品优先");
    expect(screen.getByTestId("c360-insight-history")).toHaveTextContent("2026-10");
  });

  it("lists the segments condition by condition, a hostile name as text", async () => {
    mount("en");
    const seg = await screen.findByTestId("c360-segment");
    expect(seg).toHaveTextContent(HOSTILE);
    expect(seg.querySelector("img")).toBeNull();
    expect(seg).toHaveTextContent("Province = 浙江");
    // the core's words carry the mark (as segments::view writes them); no second mark beside them
    expect(seg).toHaveTextContent("Province = 浙江 ✔");
    expect(seg).toHaveTextContent("Spend ≥ ¥5,000 ✘");
    expect(seg.querySelectorAll(".anticon")).toHaveLength(0);
    expect(screen.getByTestId("c360-insight-reason")).toHaveTextContent("→ Champions");
  });
});

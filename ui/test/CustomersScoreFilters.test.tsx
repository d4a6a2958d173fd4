import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { MemoryRouter, Route, Routes, useLocation } from "react-router-dom";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { Customers } from "../src/screens/Customers";
import { baseStatus, Providers } from "./helpers";

const invoke = vi.hoisted(() => vi.fn());
vi.mock("@tauri-apps/api/core", () => ({ invoke }));

let location = "";
function Where() {
  const l = useLocation();
  location = l.pathname + l.search;
  return null;
}

function mount(url: string, role: "owner" | "rep" = "owner") {
  const status = { ...baseStatus, session: { userId: 1, username: "u", displayName: "U", role, store: "main" as const } };
  render(
    <Providers status={status}>
      <MemoryRouter initialEntries={[url]}>
        <Where />
        <Routes>
          <Route path="/customers" element={<Customers />} />
        </Routes>
      </MemoryRouter>
    </Providers>,
  );
}

const lastQuery = (cmd: string) => {
  const calls = invoke.mock.calls.filter((c) => c[0] === cmd);
  return (calls[calls.length - 1]?.[1] as { query: Record<string, unknown> } | undefined)?.query;
};

beforeEach(() => {
  invoke.mockReset();
  invoke.mockImplementation((cmd: string) => {
    if (cmd === "customers_page") return Promise.resolve({ rows: [], page: 1, pageSize: 20, hasMore: false });
    if (cmd === "customers_totals") return Promise.resolve({ total: 12, totalSpendFen: 0 });
    if (cmd === "segments_list") return Promise.resolve([{ key: "saved:3", id: 3, nameZh: "杭州老客", nameEn: "Hangzhou", builtin: false, definition: {}, customers: 12, share: 0.1, spendFen: 0 }]);
    return Promise.reject({ code: "internal", message: `unexpected ${cmd}` });
  });
});

describe("the customer list's score filters", () => {
  it("sends the class and stage from the URL to both list calls and shows them as chips", async () => {
    mount("/customers?rfmClass=important_value&stage=active,dormant");
    await waitFor(() => expect(lastQuery("customers_totals")).toMatchObject({ rfmClasses: ["important_value"], stages: ["active", "dormant"] }));
    expect(lastQuery("customers_page")).toMatchObject({ rfmClasses: ["important_value"], stages: ["active", "dormant"] });
    expect(screen.getByTestId("customers-chip-rfmClass")).toHaveTextContent("重要价值客户");
    expect(screen.getAllByTestId("customers-chip-stage").map((c) => c.textContent)).toEqual(["阶段：活跃", "阶段：沉睡"]);
  });

  it("removing a chip drops that filter from the URL and from the query", async () => {
    mount("/customers?rfmClass=important_value&stage=active");
    const chip = await screen.findByTestId("customers-chip-rfmClass");
    fireEvent.click(within(chip).getByRole("img", { name: /close/i }));
    await waitFor(() => expect(location).toBe("/customers?stage=active"));
    await waitFor(() => expect(lastQuery("customers_totals")?.rfmClasses).toBeUndefined());
    expect(lastQuery("customers_totals")).toMatchObject({ stages: ["active"] });
  });

  it("opens a segment by its key and names it on its chip", async () => {
    mount("/customers?segment=saved:3");
    await waitFor(() => expect(lastQuery("customers_page")).toMatchObject({ segment: "saved:3" }));
    await waitFor(() => expect(screen.getByTestId("customers-chip-segment")).toHaveTextContent("杭州老客"));
    // A segment is not itself a condition a new segment can hold.
    expect(screen.queryByTestId("customers-save-segment")).toBeNull();
  });

  it("offers the owner to save a class list as a segment", async () => {
    mount("/customers?rfmClass=general_keep");
    expect(await screen.findByTestId("customers-save-segment")).toBeInTheDocument();
  });

  it("hides saving a segment from a rep", async () => {
    mount("/customers?rfmClass=general_keep", "rep");
    await screen.findByTestId("customers-chip-rfmClass");
    expect(screen.queryByTestId("customers-save-segment")).toBeNull();
  });

  it("a movement cell opens the customers who moved from none to a class", async () => {
    mount("/customers?movement=class:2026-10::2026-11:general_develop");
    await waitFor(() =>
      expect(lastQuery("customers_page")).toMatchObject({ movement: { kind: "class", fromMonth: "2026-10", from: null, toMonth: "2026-11", to: "general_develop" } }),
    );
    expect(screen.getByTestId("customers-chip-movement")).toHaveTextContent("2026-10 无分层 → 2026-11 一般发展客户");
  });
});

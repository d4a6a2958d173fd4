import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { MemoryRouter, Route, Routes, useLocation } from "react-router-dom";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { GlobalSearch } from "../src/components/GlobalSearch";
import { Providers } from "./helpers";

const invoke = vi.hoisted(() => vi.fn());
vi.mock("@tauri-apps/api/core", () => ({ invoke }));

function Where() {
  const loc = useLocation();
  return <div data-testid="where">{loc.pathname + loc.search}</div>;
}

function mount() {
  render(
    <Providers>
      <MemoryRouter initialEntries={["/dashboard"]}>
        <GlobalSearch />
        <Routes>
          <Route path="*" element={<Where />} />
        </Routes>
      </MemoryRouter>
    </Providers>,
  );
}

const results = {
  query: "张伟",
  customers: [
    {
      id: 7, name: "张伟", phone: "138****8000", province: "浙江", city: "杭州", ordersCount: 3, spendFen: 12_000,
      lastOrderAt: null, matched: { field: "name", kind: "exact", text: "张伟" },
    },
    {
      id: 9, name: "李张伟", phone: null, province: null, city: null, ordersCount: 0, spendFen: 0,
      lastOrderAt: null, matched: { field: "name", kind: "contains", text: "李张伟" },
    },
  ],
  orders: [],
};

describe("GlobalSearch", () => {
  beforeEach(() => invoke.mockReset());

  it("Ctrl+K focuses the box; typing a 2-character name lists customers with the match highlighted", async () => {
    invoke.mockResolvedValue(results);
    mount();
    fireEvent.keyDown(window, { key: "k", ctrlKey: true });
    const box = screen.getByTestId("global-search");
    expect(document.activeElement).toBe(box);
    fireEvent.change(box, { target: { value: "张伟" } });
    const rows = await screen.findAllByTestId("global-search-customer");
    expect(rows).toHaveLength(2);
    expect(invoke).toHaveBeenCalledWith("search", { query: "张伟" });
    expect(rows[0].querySelector("mark")).toHaveTextContent("张伟");
    expect(rows[0]).toHaveTextContent("138****8000");
  });

  it("arrow keys and Enter open the picked customer's 360 page", async () => {
    invoke.mockResolvedValue(results);
    mount();
    const box = screen.getByTestId("global-search");
    fireEvent.change(box, { target: { value: "张伟" } });
    await screen.findAllByTestId("global-search-customer");
    fireEvent.keyDown(box, { key: "ArrowDown" });
    fireEvent.keyDown(box, { key: "Enter" });
    await waitFor(() => expect(screen.getByTestId("where")).toHaveTextContent("/customers/9"));
  });

  it("says so when nothing matches", async () => {
    invoke.mockResolvedValue({ query: "zzz", customers: [], orders: [] });
    mount();
    fireEvent.change(screen.getByTestId("global-search"), { target: { value: "zzz" } });
    expect(await screen.findByText("没有找到匹配的客户或订单")).toBeInTheDocument();
  });
});

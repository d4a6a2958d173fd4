import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { MemoryRouter, Route, Routes, useLocation } from "react-router-dom";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { NewTicketHost } from "../src/screens/tickets/NewTicketDialog";
import { Providers } from "./helpers";

const invoke = vi.hoisted(() => vi.fn());
vi.mock("@tauri-apps/api/core", () => ({ invoke }));

function Where() {
  const loc = useLocation();
  return <div data-testid="where">{loc.pathname}</div>;
}

function mount() {
  render(
    <Providers>
      <MemoryRouter initialEntries={["/orders"]}>
        <NewTicketHost />
        <Routes>
          <Route path="*" element={<Where />} />
        </Routes>
      </MemoryRouter>
    </Providers>,
  );
}

const hit = (id: number, name: string, phone: string) => ({
  id, name, phone, province: null, city: null, ordersCount: 0, spendFen: 0, lastOrderAt: null,
  matched: { field: "phone", kind: "contains", text: phone },
});

const order = (id: number, orderNo: string, paidFen: number) => ({
  id, channel: "in_store", orderNo, status: "paid", orderedAt: "2026-11-20T02:00:00Z", paidAt: null, paidFen, refundedFen: 0, products: "龙井", itemCount: 1,
});

/** The dialog's pickers: colleagues, tags in use, the customer's orders. */
async function pickers(cmd: string) {
  if (cmd === "tickets_assignees")
    return [
      { id: 3, displayName: "阿华", role: "rep" },
      { id: 1, displayName: "老板", role: "owner" },
    ];
  if (cmd === "tickets_tags") return ["包装", "物流"];
  if (cmd === "customers_orders") return { rows: [order(55, "XS-0055", 12800), order(54, "XS-0054", 9900)], page: 1, pageSize: 20, totals: { count: 2, paidFen: 22700, refundedFen: 0 } };
  throw new Error(`unexpected ${cmd}`);
}

/** Opens an antd Select by its test id and clicks the option with this text. */
async function choose(testId: string, text: string) {
  const select = screen.getByTestId(testId);
  fireEvent.mouseDown(select.querySelector(".ant-select-selector") as Element);
  const options = await screen.findAllByText(text, { selector: ".ant-select-item-option-content" });
  fireEvent.click(options[options.length - 1]);
}

describe("New ticket (Ctrl+N)", () => {
  beforeEach(() => {
    invoke.mockReset();
  });

  it("Ctrl+N, a phone fragment, Enter, a subject and Ctrl+Enter create a complaint and open it", async () => {
    invoke.mockImplementation(async (cmd: string) => {
      if (cmd === "search") return { query: "8888", customers: [hit(7, "林小雨", "138****8888"), hit(9, "王五", "139****8888")], orders: [] };
      if (cmd === "tickets_create") return 42;
      return pickers(cmd);
    });
    mount();
    fireEvent.keyDown(window, { key: "n", ctrlKey: true });
    const find = await screen.findByTestId("new-ticket-find");
    await waitFor(() => expect(document.activeElement).toBe(find));
    fireEvent.change(find, { target: { value: "8888" } });
    expect(await screen.findAllByTestId("new-ticket-hit")).toHaveLength(2);
    expect(invoke).toHaveBeenCalledWith("search", { query: "8888" });
    fireEvent.keyDown(find, { key: "ArrowDown" });
    fireEvent.keyDown(find, { key: "ArrowUp" });
    fireEvent.keyDown(find, { key: "Enter" });
    expect(await screen.findByTestId("new-ticket-customer-picked")).toHaveTextContent("林小雨");
    const subject = screen.getByTestId("new-ticket-subject");
    fireEvent.change(subject, { target: { value: "茶叶受潮" } });
    fireEvent.keyDown(subject, { key: "Enter", ctrlKey: true });
    await waitFor(() => expect(screen.getByTestId("where")).toHaveTextContent("/tickets/42"));
    expect(invoke).toHaveBeenCalledWith("tickets_create", {
      ticket: {
        customerId: 7, ticketType: "complaint", channel: "phone", priority: "p2", subject: "茶叶受潮", description: "",
        orderId: null, assigneeId: null, tags: [],
      },
    });
  });

  it("no match: Enter offers to create the customer inline with the typed digits as the phone", async () => {
    invoke.mockImplementation(async (cmd: string, args: Record<string, unknown>) => {
      if (cmd === "search") return { query: "13912345678", customers: [], orders: [] };
      if (cmd === "customers_create") {
        expect((args.customer as { phones: string[] }).phones).toEqual(["13912345678"]);
        return 77;
      }
      return pickers(cmd);
    });
    mount();
    fireEvent.keyDown(window, { key: "n", ctrlKey: true });
    const find = await screen.findByTestId("new-ticket-find");
    fireEvent.change(find, { target: { value: "13912345678" } });
    await screen.findByTestId("new-ticket-nomatch");
    fireEvent.keyDown(find, { key: "Enter" });
    const name = screen.getByTestId("new-ticket-create-name");
    expect(screen.getByTestId("new-ticket-create-phone")).toHaveValue("13912345678");
    fireEvent.change(name, { target: { value: "赵六" } });
    fireEvent.keyDown(name, { key: "Enter", code: "Enter", keyCode: 13 });
    expect(await screen.findByTestId("new-ticket-customer-picked")).toHaveTextContent("赵六");
  });

  it("saving without a subject names the field and creates nothing", async () => {
    invoke.mockImplementation(async (cmd: string) =>
      cmd === "search" ? { query: "x", customers: [hit(7, "林小雨", "138****8888")], orders: [] } : pickers(cmd),
    );
    mount();
    fireEvent.keyDown(window, { key: "n", ctrlKey: true });
    const find = await screen.findByTestId("new-ticket-find");
    fireEvent.change(find, { target: { value: "林" } });
    await screen.findAllByTestId("new-ticket-hit");
    fireEvent.keyDown(find, { key: "Enter" });
    await screen.findByTestId("new-ticket-customer-picked");
    fireEvent.keyDown(screen.getByTestId("new-ticket-subject"), { key: "Enter", ctrlKey: true });
    expect(await screen.findByTestId("new-ticket-error")).toHaveTextContent("请填写标题");
    expect(invoke).not.toHaveBeenCalledWith("tickets_create", expect.anything());
  });

  it("the customer's order, a colleague and tags go with the new ticket", async () => {
    invoke.mockImplementation(async (cmd: string) => {
      if (cmd === "search") return { query: "8888", customers: [hit(7, "林小雨", "138****8888")], orders: [] };
      if (cmd === "tickets_create") return 43;
      return pickers(cmd);
    });
    mount();
    fireEvent.keyDown(window, { key: "n", ctrlKey: true });
    const find = await screen.findByTestId("new-ticket-find");
    fireEvent.change(find, { target: { value: "8888" } });
    await screen.findAllByTestId("new-ticket-hit");
    fireEvent.keyDown(find, { key: "Enter" });
    await screen.findByTestId("new-ticket-customer-picked");
    await waitFor(() => expect(invoke).toHaveBeenCalledWith("customers_orders", { id: 7, page: 1 }));
    await choose("new-ticket-order", "XS-0054 · 2026-11-20 · ¥99.00");
    await choose("new-ticket-assignee", "老板 · 店主");
    await choose("new-ticket-tags", "物流");
    fireEvent.change(screen.getByTestId("new-ticket-subject"), { target: { value: "少发一盒" } });
    fireEvent.keyDown(screen.getByTestId("new-ticket-subject"), { key: "Enter", ctrlKey: true });
    await waitFor(() => expect(screen.getByTestId("where")).toHaveTextContent("/tickets/43"));
    expect(invoke).toHaveBeenCalledWith("tickets_create", {
      ticket: expect.objectContaining({ customerId: 7, orderId: 54, assigneeId: 1, tags: ["物流"], subject: "少发一盒" }),
    });
  });
});

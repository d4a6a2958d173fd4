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

describe("New ticket (Ctrl+N)", () => {
  beforeEach(() => {
    invoke.mockReset();
  });

  it("Ctrl+N, a phone fragment, Enter, a subject and Ctrl+Enter create a complaint and open it", async () => {
    invoke.mockImplementation(async (cmd: string) => {
      if (cmd === "search") return { query: "8888", customers: [hit(7, "林小雨", "138****8888"), hit(9, "王五", "139****8888")], orders: [] };
      if (cmd === "tickets_create") return 42;
      throw new Error(`unexpected ${cmd}`);
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
        customerId: 7, ticketType: "complaint", channel: "phone", priority: "p2", subject: "茶叶受潮", description: "", tags: [],
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
      throw new Error(`unexpected ${cmd}`);
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
    invoke.mockResolvedValue({ query: "x", customers: [hit(7, "林小雨", "138****8888")], orders: [] });
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
});

import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { MemoryRouter } from "react-router-dom";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { cleanDefinition, SegmentEditor } from "../src/screens/segments/SegmentEditor";
import { baseStatus, Providers } from "./helpers";

const invoke = vi.hoisted(() => vi.fn());
vi.mock("@tauri-apps/api/core", () => ({ invoke }));

const status = { ...baseStatus, session: { userId: 1, username: "u", displayName: "U", role: "manager" as const, store: "main" as const } };
const saved = { key: "saved:9", id: 9, nameZh: "活跃老客", nameEn: "活跃老客", builtin: false, definition: {}, customers: 40, share: 0.4, spendFen: 1000 };

beforeEach(() => {
  invoke.mockReset();
  invoke.mockImplementation((cmd: string, args: { definition?: { stages?: string[] } }) => {
    if (cmd === "segments_count") return Promise.resolve({ customers: args.definition?.stages?.length ? 40 : 100, spendFen: 123_400 });
    if (cmd === "segments_save") return Promise.resolve(saved);
    if (cmd === "loyalty_rules") return Promise.reject({ code: "internal", message: "no rules here" });
    return Promise.reject({ code: "internal", message: `unexpected ${cmd}` });
  });
});

describe("the segment editor", () => {
  it("drops empty conditions from a definition", () => {
    expect(cleanDefinition({ tags: [], province: "", stages: ["active"], returning: false, minSpendFen: undefined })).toEqual({ stages: ["active"], returning: false });
  });

  it("counts the list's conditions live and saves them under the typed name", async () => {
    const onSaved = vi.fn();
    render(
      <Providers status={status}>
        <MemoryRouter>
          <SegmentEditor initial={{ stages: ["active"], tags: [], returning: true }} onClose={() => {}} onSaved={onSaved} />
        </MemoryRouter>
      </Providers>,
    );
    await waitFor(() => expect(screen.getByTestId("segment-live-count")).toHaveTextContent("符合条件：40 位客户，累计消费 ¥1,234.00"));
    expect(invoke).toHaveBeenCalledWith("segments_count", { definition: { stages: ["active"], returning: true } });
    const save = screen.getByTestId("segment-save");
    expect(save).toBeDisabled();
    fireEvent.change(screen.getByTestId("segment-name-input"), { target: { value: " 活跃老客 " } });
    await waitFor(() => expect(save).toBeEnabled());
    fireEvent.click(save);
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved));
    expect(invoke).toHaveBeenCalledWith("segments_save", { id: null, name: "活跃老客", definition: { stages: ["active"], returning: true } });
  });
});

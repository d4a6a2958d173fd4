import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { MemoryRouter } from "react-router-dom";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ThresholdsCard } from "../src/screens/insight/ThresholdsCard";
import { overview, preview, settings } from "./fixtures/insight";
import { baseStatus, Providers } from "./helpers";

const invoke = vi.hoisted(() => vi.fn());
vi.mock("@tauri-apps/api/core", () => ({ invoke }));

const owner = { ...baseStatus, session: { userId: 1, username: "o", displayName: "O", role: "owner" as const, store: "main" as const } };

function mount(onSaved = vi.fn()) {
  render(
    <Providers status={owner}>
      <MemoryRouter>
        <ThresholdsCard labels={overview.labels} onSaved={onSaved} />
      </MemoryRouter>
    </Providers>,
  );
  return onSaved;
}

beforeEach(() => {
  invoke.mockReset();
  invoke.mockImplementation((cmd: string) => {
    if (cmd === "insight_settings") return Promise.resolve(settings);
    if (cmd === "insight_preview") return Promise.resolve(preview);
    if (cmd === "insight_save_settings") return Promise.resolve(overview);
    return Promise.reject({ code: "internal", message: `unexpected ${cmd}` });
  });
});

const saveButton = () => screen.getByTestId("rules-save").closest("button") ?? screen.getByTestId("rules-save");

describe("threshold rules", () => {
  it("saves only what was previewed: the moves first, then save sends the same lines", async () => {
    const onSaved = mount();
    await screen.findByTestId("insight-rules");
    expect(saveButton()).toBeDisabled();
    fireEvent.click(screen.getByTestId("rules-mode-fixed"));
    const r = screen.getByTestId("rules-rDays");
    fireEvent.change(r, { target: { value: "30" } });
    fireEvent.change(screen.getByTestId("rules-mYuan"), { target: { value: "500" } });
    fireEvent.click(screen.getByTestId("rules-preview"));
    await screen.findByTestId("rules-preview-result");
    const sent = invoke.mock.calls.find((c) => c[0] === "insight_preview")?.[1] as { params: Record<string, unknown> };
    expect(sent.params).toMatchObject({ mode: "fixed", rDays: 30, mFen: 50_000 });
    expect(screen.getByTestId("rules-preview-summary")).toHaveTextContent("100 位客户中有 9 位");
    // The core's label set names the classes in the moves table.
    expect(screen.getByTestId("rules-preview-classes")).toHaveTextContent("店铺叫法-important_value");
    expect(screen.getByTestId("rules-preview-classes")).toHaveTextContent("无分层");
    await waitFor(() => expect(saveButton()).toBeEnabled());
    fireEvent.click(saveButton());
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(overview));
    const saved = invoke.mock.calls.find((c) => c[0] === "insight_save_settings")?.[1];
    expect(saved).toEqual(sent);
  });

  it("a line changed after the preview needs a new preview before saving", async () => {
    mount();
    await screen.findByTestId("insight-rules");
    fireEvent.click(screen.getByTestId("rules-mode-fixed"));
    fireEvent.click(screen.getByTestId("rules-preview"));
    await screen.findByTestId("rules-preview-result");
    await waitFor(() => expect(saveButton()).toBeEnabled());
    fireEvent.change(screen.getByTestId("rules-fOrders"), { target: { value: "4" } });
    await waitFor(() => expect(saveButton()).toBeDisabled());
  });

  it("an amount with three decimals is refused before anything is sent", async () => {
    mount();
    await screen.findByTestId("insight-rules");
    fireEvent.click(screen.getByTestId("rules-mode-fixed"));
    fireEvent.change(screen.getByTestId("rules-mYuan"), { target: { value: "1.234" } });
    expect(screen.getByTestId("rules-preview").closest("button")).toBeDisabled();
  });
});

import { render, screen, waitFor, within } from "@testing-library/react";
import { MemoryRouter, Route, Routes } from "react-router-dom";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { InsightPage } from "../src/screens/insight/InsightPage";
import { overview } from "./fixtures/insight";
import { baseStatus, Providers } from "./helpers";

const invoke = vi.hoisted(() => vi.fn());
vi.mock("@tauri-apps/api/core", () => ({ invoke }));
// Canvas charts are not drawn in jsdom; their options are tested as pure functions.
vi.mock("../src/charts/Chart", () => ({ Chart: ({ testId }: { testId?: string }) => <div data-testid={testId} /> }));

function mount(role: "owner" | "manager" | "rep", lang: "zh-CN" | "en" = "zh-CN") {
  const status = { ...baseStatus, language: lang, session: { userId: 1, username: "u", displayName: "U", role, store: "main" as const } };
  render(
    <Providers status={status}>
      <MemoryRouter initialEntries={["/insight"]}>
        <Routes>
          <Route path="/insight" element={<InsightPage />} />
        </Routes>
      </MemoryRouter>
    </Providers>,
  );
}

beforeEach(() => {
  invoke.mockReset();
  invoke.mockImplementation((cmd: string) => {
    if (cmd === "insight_overview") return Promise.resolve(overview);
    return Promise.reject({ code: "internal", message: `unexpected ${cmd}` });
  });
});

describe("the Insight screen", () => {
  it("links every class and stage count to exactly those customers", async () => {
    mount("manager");
    const link = await screen.findByTestId("insight-class-count-important_value");
    expect(link).toHaveAttribute("href", "/customers?rfmClass=important_value");
    expect(screen.getByTestId("insight-stage-count-dormant")).toHaveAttribute("href", "/customers?stage=dormant");
    expect(screen.getByTestId("insight-returning-count")).toHaveAttribute("href", "/customers?returning=1");
    expect(screen.getByTestId("insight-returning-count")).toHaveTextContent("61");
    expect(screen.getByTestId("insight-as-of")).toHaveTextContent("2026-12-06");
  });

  it("names classes with the core's label set, in the UI language", async () => {
    mount("owner", "en");
    const table = await screen.findByTestId("insight-classes-table");
    expect(within(table).getByText("Shop-important_value")).toBeInTheDocument();
    expect(screen.getByTestId("insight-lines")).toHaveTextContent("74 days");
  });

  it("is closed to service reps, who never ask the core for it", async () => {
    mount("rep");
    expect(await screen.findByTestId("insight-locked")).toBeInTheDocument();
    await waitFor(() => expect(invoke).not.toHaveBeenCalled());
  });
});

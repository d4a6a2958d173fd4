import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { SampleShopBanner } from "../src/components/SampleShopBanner";
import type { AppStatus } from "../src/lib/backend";
import { takeWizardStart } from "../src/screens/wizard/wizardStart";
import { Providers, baseStatus } from "./helpers";

const invoke = vi.hoisted(() => vi.fn());
vi.mock("@tauri-apps/api/core", () => ({ invoke }));

const session = (store: "main" | "demo") => ({
  userId: 1,
  username: "demo",
  displayName: "演示店主",
  role: "owner" as const,
  store,
});

const inDemo = (over: Partial<AppStatus> = {}): AppStatus => ({
  ...baseStatus,
  storeExists: false,
  demoExists: true,
  activeStore: "demo",
  session: session("demo"),
  ...over,
});

describe("SampleShopBanner", () => {
  beforeEach(() => {
    invoke.mockReset();
    invoke.mockResolvedValue(null);
    takeWizardStart();
  });

  it("labels the sample shop in Chinese and leaves it for the real shop's creation in one click", async () => {
    render(
      <Providers status={inDemo()}>
        <SampleShopBanner />
      </Providers>,
    );
    expect(screen.getByTestId("sample-banner")).toHaveTextContent("示例店铺 · 数据为演示生成");
    const leave = screen.getByTestId("sample-leave");
    expect(leave).toHaveTextContent("开始使用我的店铺");
    fireEvent.click(leave);
    await waitFor(() => expect(invoke).toHaveBeenCalledWith("store_select", { store: "main" }));
    expect(invoke.mock.calls[0][0]).toBe("auth_logout");
    expect(takeWizardStart()).toBe("create");
  });

  it("speaks English, and goes back to an existing real shop's login", async () => {
    render(
      <Providers status={inDemo({ language: "en", storeExists: true })}>
        <SampleShopBanner />
      </Providers>,
    );
    expect(screen.getByTestId("sample-banner")).toHaveTextContent("Sample shop · generated data");
    const leave = screen.getByTestId("sample-leave");
    expect(leave).toHaveTextContent("Back to my shop");
    fireEvent.click(leave);
    await waitFor(() => expect(invoke).toHaveBeenCalledWith("store_select", { store: "main" }));
    expect(takeWizardStart()).toBe("welcome");
  });

  it("is not shown in the real shop", () => {
    render(
      <Providers status={{ ...baseStatus, session: session("main") }}>
        <SampleShopBanner />
      </Providers>,
    );
    expect(screen.queryByTestId("sample-banner")).toBeNull();
  });

  it("says Start my real shop in English when there is none yet", () => {
    render(
      <Providers status={inDemo({ language: "en" })}>
        <SampleShopBanner />
      </Providers>,
    );
    expect(screen.getByTestId("sample-leave")).toHaveTextContent("Start my real shop");
  });
});

import { render } from "@testing-library/react";
import { ConfigProvider } from "antd";
import type { ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";
import { Chart } from "../src/charts/Chart";
import { I18nProvider } from "../src/i18n";
import { theme } from "../src/theme";

const App = ({ lang, children }: { lang: "zh-CN" | "en"; children: ReactNode }) => (
  <ConfigProvider theme={theme}>
    <I18nProvider lang={lang}>{children}</I18nProvider>
  </ConfigProvider>
);

type Props = { opts: { locale: string; renderer: string }; theme: { textStyle: { fontFamily: string } }; onEvents: { click: (p: unknown) => void }; option: unknown };
const seen = vi.hoisted(() => [] as unknown[]);
// The canvas itself is not drawn in jsdom: look at what the chart is handed.
vi.mock("echarts-for-react/esm/core", () => ({
  default: (props: unknown) => {
    seen.push(props);
    return null;
  },
}));
const last = () => seen[seen.length - 1] as Props;

describe("<Chart>", () => {
  it("draws on canvas in the UI language with the app theme's font", () => {
    const { rerender } = render(
      <App lang="zh-CN">
        <Chart option={{ series: [] }} />
      </App>,
    );
    expect(last().opts).toEqual({ renderer: "canvas", locale: "ZH" });
    expect(last().theme.textStyle.fontFamily).toContain("Noto Sans CJK SC");
    rerender(
      <App lang="en">
        <Chart option={{ series: [] }} />
      </App>,
    );
    expect(last().opts.locale).toBe("EN");
  });

  it("keeps its click handler stable across renders and hands back the clicked item", () => {
    const first = vi.fn();
    const second = vi.fn();
    const { rerender } = render(<Chart option={{}} onPick={first} />);
    const events = last().onEvents;
    rerender(<Chart option={{ series: [] }} onPick={second} />);
    // A new handler object would make echarts-for-react rebuild the chart on every render.
    expect(last().onEvents).toBe(events);
    last().onEvents.click({ data: { code: "important_value" }, name: "x", dataIndex: 2, dataType: "node", seriesIndex: 0 });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith({ data: { code: "important_value" }, name: "x", dataIndex: 2, dataType: "node", seriesIndex: 0 });
  });
});

import { BarChart } from "echarts/charts";
import { TooltipComponent, GridComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { describe, expect, it } from "vitest";
import { chartTheme, isDark, lightness } from "../src/charts/chartTheme";
import { escapeHtml, html, marker, tooltipRows } from "../src/charts/escape";

const HOSTILE = `<img src=x onerror="window.__pwned=1">`;

/** Renders a formatter's output the way ECharts shows a tooltip (innerHTML of a div). */
function asTooltip(markup: string): HTMLDivElement {
  const div = document.createElement("div");
  div.innerHTML = markup;
  return div;
}

describe("chart text escaping", () => {
  it("escapes the five HTML-special characters", () => {
    expect(escapeHtml(`<a href="x">Tom & 'Jerry'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
  });

  it("renders a hostile customer name in a tooltip as text, not as an image", () => {
    const div = asTooltip(tooltipRows(HOSTILE, [{ name: HOSTILE, value: "12", color: "#0f766e" }]));
    expect(div.querySelector("img")).toBeNull();
    expect(div.textContent).toContain(HOSTILE);
  });

  it("escapes every interpolated value of the html tag but keeps its own markup", () => {
    const div = asTooltip(html`<b>${HOSTILE}</b>${[HOSTILE, "x"]}`);
    expect(div.querySelector("b")?.textContent).toBe(HOSTILE);
    expect(div.querySelector("img")).toBeNull();
  });

  it("refuses a colour that is not a colour in the series marker", () => {
    expect(marker(`red"><img src=x>`).value).not.toContain("<img");
    expect(marker("#0f766e").value).toContain("#0f766e");
  });

  it("keeps a hostile name as text in a real ECharts tooltip", () => {
    echarts.use([BarChart, TooltipComponent, GridComponent, SVGRenderer]);
    // jsdom has no canvas to measure text with: a fixed width per character will do.
    echarts.setPlatformAPI({ measureText: (text: string) => ({ width: text.length * 7 }) as TextMetrics });
    const host = document.createElement("div");
    document.body.appendChild(host);
    const chart = echarts.init(host, null, { renderer: "svg", width: 400, height: 300 });
    chart.setOption({
      animation: false,
      tooltip: {
        trigger: "item",
        showDelay: 0,
        transitionDuration: 0,
        formatter: (p: { name: string; value: number; color: string }) => tooltipRows(p.name, [{ name: p.name, value: String(p.value), color: p.color }]),
      },
      xAxis: { type: "category", data: [HOSTILE] },
      yAxis: { type: "value" },
      series: [{ type: "bar", data: [{ name: HOSTILE, value: 3 }] }],
    });
    chart.dispatchAction({ type: "showTip", seriesIndex: 0, dataIndex: 0 });
    const tip = host.querySelector(".chart-tip");
    expect(tip, "the tooltip is shown").not.toBeNull();
    expect(tip?.textContent).toContain(HOSTILE);
    expect(host.querySelector("img")).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
    chart.dispose();
  });
});

describe("chart theme", () => {
  const light = {
    colorPrimary: "#0f766e",
    colorText: "rgba(0, 0, 0, 0.88)",
    colorTextSecondary: "rgba(0, 0, 0, 0.65)",
    colorBorderSecondary: "#f0f0f0",
    colorBgContainer: "#ffffff",
    colorBgElevated: "#ffffff",
    fontFamily: "sans-serif",
  };

  it("reads a white container as light and a near-black one as dark", () => {
    expect(lightness("#ffffff")).toBeCloseTo(1);
    expect(isDark(light)).toBe(false);
    expect(isDark({ colorBgContainer: "#141414" })).toBe(true);
  });

  it("follows the app's tokens: text colour, font and a dark palette for a dark theme", () => {
    const t = chartTheme(light) as { darkMode: boolean; textStyle: { color: string; fontFamily: string }; color: string[] };
    expect(t.darkMode).toBe(false);
    expect(t.textStyle).toEqual({ color: light.colorText, fontFamily: "sans-serif" });
    const d = chartTheme({ ...light, colorBgContainer: "#141414", colorText: "rgba(255,255,255,0.85)" }) as typeof t;
    expect(d.darkMode).toBe(true);
    expect(d.color[0]).not.toBe(t.color[0]);
  });
});

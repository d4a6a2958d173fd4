import { describe, expect, it } from "vitest";
import { classBarsOption, movementSankeyOption, stageFunnelOption } from "../src/screens/insight/insightCharts";
import { movementMatrix } from "../src/screens/insight/movementMatrix";

const HOSTILE = "<img src=x onerror=alert(1)>";
type Series = { data: Record<string, unknown>[]; links?: Record<string, unknown>[]; label: { formatter: (p: unknown) => string } };
type Tip = { formatter: (p: unknown) => string };
const series = (o: unknown) => (o as { series: Series[] }).series[0];
const tip = (o: unknown) => (o as { tooltip: Tip }).tooltip;
const asHtml = (markup: string) => {
  const div = document.createElement("div");
  div.innerHTML = markup;
  return div;
};

describe("Insight chart options", () => {
  const bars = [
    { code: "important_value", label: HOSTILE, customers: 12, share: "10.0%", spendShare: "40.0%", color: "#faad14" },
    { code: "general_retain", label: "一般挽留客户", customers: 30, share: "25.0%", spendShare: "5.0%", color: "#722ed1" },
  ];
  const words = { customers: "客户数", share: "占比", spendShare: "消费占比" };

  it("class bars list the classes top to bottom and carry each code for the click", () => {
    const o = classBarsOption(bars, words) as { yAxis: { data: string[] } };
    expect(o.yAxis.data).toEqual(["一般挽留客户", HOSTILE]);
    expect(series(o).data.map((d) => d.code)).toEqual(["general_retain", "important_value"]);
  });

  it("a class named like markup is shown as text in its tooltip", () => {
    const o = classBarsOption(bars, words);
    const div = asHtml(tip(o).formatter({ data: series(o).data[1], color: "#0f766e" }));
    expect(div.querySelector("img")).toBeNull();
    expect(div.textContent).toContain(HOSTILE);
    expect(div.textContent).toContain("40.0%");
  });

  it("the funnel keeps the stages in lifecycle order, centred, and shows a stage of 0", () => {
    const o = stageFunnelOption(
      [
        { code: "prospect", label: "潜在", customers: 100, color: "#8c8c8c" },
        { code: "new", label: "新客", customers: 0, color: "#52c41a" },
        { code: "active", label: "活跃", customers: 300, color: "#13c2c2" },
      ],
      { customers: "客户数" },
    ) as { yAxis: { data: string[] }; series: Series[] };
    // Category axes run bottom-up: the first stage is the last category.
    expect(o.yAxis.data).toEqual(["活跃", "新客", "潜在"]);
    const [offset, bars] = o.series;
    expect(bars.data.map((d) => d.code)).toEqual(["active", "new", "prospect"]);
    expect(Number(bars.data[1].value)).toBeGreaterThan(0);
    // Offset + bar + offset = the widest stage: every bar is centred.
    bars.data.forEach((d, i) => expect(2 * Number(offset.data[i]) + Number(d.value)).toBeCloseTo(300));
    expect(bars.label.formatter({ data: bars.data[0] })).toBe("活跃  300");
  });

  it("the Sankey keeps both months apart and escapes names in its tooltips", () => {
    const o = movementSankeyOption(
      [
        { from: "important_value", to: "important_value", customers: 5 },
        { from: null, to: "general_develop", customers: 3 },
        { from: "general_keep", to: "general_retain", customers: 0 },
      ],
      (c) => (c === "important_value" ? HOSTILE : (c ?? "none")),
      (c) => (c ? "#faad14" : "#bfbfbf"),
      ["important_value", "general_develop"],
      { fromMonth: "2026-10", toMonth: "2026-11", customers: "客户数" },
    );
    const s = series(o);
    expect(s.data.map((n) => n.name)).toEqual(["from:important_value", "from:", "to:important_value", "to:general_develop"]);
    expect(s.data.map((n) => (n.itemStyle as { color: string }).color)).toEqual(["#faad14", "#bfbfbf", "#faad14", "#faad14"]);
    expect(s.links?.map((l) => [l.source, l.target, l.value])).toEqual([
      ["from:important_value", "to:important_value", 5],
      ["from:", "to:general_develop", 3],
    ]);
    const div = asHtml(tip(o).formatter({ dataType: "edge", data: s.links?.[0] }));
    expect(div.querySelector("img")).toBeNull();
    expect(div.textContent).toContain(`${HOSTILE} → ${HOSTILE}`);
  });
});

describe("movement transition table", () => {
  it("puts rows and columns in class order with none last, and totals every side", () => {
    const m = movementMatrix(
      [
        { from: null, to: "general_develop", customers: 4 },
        { from: "general_develop", to: "important_value", customers: 2 },
        { from: "important_value", to: "important_value", customers: 7 },
        { from: "important_value", to: null, customers: 1 },
        { from: "general_develop", to: "general_develop", customers: 0 },
      ],
      ["important_value", "general_develop"],
    );
    expect(m.rows).toEqual(["important_value", "general_develop", null]);
    expect(m.cols).toEqual(["important_value", "general_develop", null]);
    expect(m.cell("important_value", "important_value")).toBe(7);
    expect(m.cell("general_develop", "general_develop")).toBe(0);
    expect(m.rowTotal("important_value")).toBe(8);
    expect(m.colTotal("important_value")).toBe(9);
    expect(m.total).toBe(14);
  });
});

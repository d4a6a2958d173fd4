// Pure option builders for the Insight screen's charts: data and already-translated words in,
// an ECharts option out (tested in test/insightCharts.test.ts). Names reach tooltips only through
// ../../charts/escape; every data item carries its code so a click opens its customers.
import { tooltipRows } from "../../charts/escape";
import type { ChartOption } from "../../charts/echarts";

export interface ClassBar {
  code: string;
  label: string;
  customers: number;
  /** "12.3%" */
  share: string;
  spendShare: string;
  color: string;
}

export interface ClassBarWords {
  customers: string;
  share: string;
  spendShare: string;
}

type TipParam = { data?: unknown; color?: unknown };

/** Horizontal bars, one per class in the given order (top to bottom). */
export function classBarsOption(bars: ClassBar[], words: ClassBarWords): ChartOption {
  const rows = [...bars].reverse();
  return {
    animationDuration: 300,
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: "item",
      formatter: (p: TipParam) => {
        const d = p.data as { bar: ClassBar };
        return tooltipRows(d.bar.label, [
          { name: words.customers, value: String(d.bar.customers), color: typeof p.color === "string" ? p.color : undefined },
          { name: words.share, value: d.bar.share },
          { name: words.spendShare, value: d.bar.spendShare },
        ]);
      },
    },
    xAxis: { type: "value", minInterval: 1 },
    yAxis: { type: "category", data: rows.map((b) => b.label), axisTick: { show: false } },
    series: [
      {
        type: "bar",
        barMaxWidth: 22,
        label: { show: true, position: "right", formatter: (p: { data?: unknown }) => String((p.data as { value: number }).value) },
        data: rows.map((b) => ({ value: b.customers, code: b.code, bar: b, name: b.label, itemStyle: { color: b.color } })),
      },
    ],
  };
}

export interface FunnelStage {
  code: string;
  label: string;
  customers: number;
  color: string;
}

/** The lifecycle stages as a funnel in their own order (top to bottom, not sorted by size): one
 *  centred bar per stage, drawn as a transparent offset plus the stage's bar. */
export function stageFunnelOption(stages: FunnelStage[], words: { customers: string }): ChartOption {
  const widest = Math.max(1, ...stages.map((s) => s.customers));
  const rows = [...stages].reverse();
  return {
    animationDuration: 300,
    grid: { left: 8, right: 8, top: 8, bottom: 8, containLabel: false },
    tooltip: {
      trigger: "item",
      formatter: (p: TipParam) => {
        const d = p.data as { stage?: FunnelStage };
        if (!d?.stage) return "";
        return tooltipRows(d.stage.label, [{ name: words.customers, value: String(d.stage.customers), color: d.stage.color }]);
      },
    },
    xAxis: { type: "value", show: false, max: widest },
    yAxis: { type: "category", show: false, data: rows.map((s) => s.label) },
    series: [
      {
        type: "bar",
        stack: "funnel",
        silent: true,
        tooltip: { show: false },
        itemStyle: { color: "transparent" },
        data: rows.map((s) => (widest - Math.max(s.customers, widest * 0.12)) / 2),
      },
      {
        type: "bar",
        stack: "funnel",
        barCategoryGap: "12%",
        label: { show: true, position: "inside", color: "#fff", fontWeight: 600, formatter: (p: { data?: unknown }) => funnelLabel((p.data as { stage: FunnelStage }).stage) },
        // A stage of 0 still gets a bar wide enough for its name.
        data: rows.map((s) => ({ value: Math.max(s.customers, widest * 0.12), code: s.code, stage: s, name: s.label, itemStyle: { color: s.color, borderRadius: 4 } })),
      },
    ],
  };
}

const funnelLabel = (s: FunnelStage) => `${s.label}  ${s.customers}`;

export interface SankeyLink {
  from: string | null;
  to: string | null;
  customers: number;
}

/** Movement from one month to the next: left nodes = classes (stages) at the first month's end,
 *  right nodes = at the second's. Node ids carry the side; null codes are "none". */
export function movementSankeyOption(
  links: SankeyLink[],
  nameOf: (code: string | null) => string,
  colorOf: (code: string | null) => string,
  order: readonly string[],
  words: { fromMonth: string; toMonth: string; customers: string },
): ChartOption {
  const id = (side: "from" | "to", code: string | null) => `${side}:${code ?? ""}`;
  // Nodes top to bottom in the classes' (stages') own order, "none" last; no layout shuffling.
  const rank = (code: string | null) => (code === null ? order.length + 1 : order.includes(code) ? order.indexOf(code) : order.length);
  const shown = links.filter((l) => l.customers > 0).sort((a, b) => rank(a.from) - rank(b.from) || rank(a.to) - rank(b.to));
  type Node = { name: string; label: string; side: "from" | "to"; code: string | null; itemStyle: { color: string } };
  const nodes = new Map<string, Node>();
  const node = (side: "from" | "to", code: string | null): Node => ({ name: id(side, code), label: nameOf(code), side, code, itemStyle: { color: colorOf(code) } });
  for (const l of shown) {
    nodes.set(id("from", l.from), node("from", l.from));
    nodes.set(id("to", l.to), node("to", l.to));
  }
  return {
    animationDuration: 300,
    tooltip: {
      trigger: "item",
      formatter: (p: { dataType?: string; data?: unknown }) => {
        if (p.dataType === "edge") {
          const l = p.data as { link: SankeyLink };
          return tooltipRows(`${nameOf(l.link.from)} → ${nameOf(l.link.to)}`, [{ name: words.customers, value: String(l.link.customers) }]);
        }
        const n = p.data as { label: string; side: "from" | "to" };
        return tooltipRows(n.label, [{ name: n.side === "from" ? words.fromMonth : words.toMonth, value: "" }]);
      },
    },
    series: [
      {
        type: "sankey",
        left: 8,
        right: 120,
        top: 8,
        bottom: 8,
        nodeGap: 10,
        layoutIterations: 0,
        emphasis: { focus: "adjacency" },
        lineStyle: { color: "gradient", opacity: 0.35, curveness: 0.5 },
        label: { formatter: (p: { data?: unknown }) => (p.data as { label: string }).label },
        data: [...nodes.values()].sort((a, b) => (a.side === b.side ? rank(a.code) - rank(b.code) : a.side === "from" ? -1 : 1)),
        links: shown.map((l) => ({ source: id("from", l.from), target: id("to", l.to), value: l.customers, link: l })),
      },
    ],
  };
}

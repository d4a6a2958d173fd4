// Two small SVG charts for the loyalty overview. Hand-drawn rather than a chart library: the
// overview needs only bars with labels, and plain SVG renders the same in the Tauri WebView, in
// unit tests (jsdom) and in screenshots, with the app's CJK font and no extra megabyte of script.
import { niceMax } from "./format";

export interface HBar {
  key: string;
  label: string;
  value: number;
  color: string;
}

/** Horizontal bars, one per row (the tier distribution). */
export function HBarChart({ bars, testId, format = String }: { bars: HBar[]; testId: string; format?: (n: number) => string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const rowH = 34;
  const labelW = 96;
  const width = 520;
  const barW = width - labelW - 90;
  return (
    <svg viewBox={`0 0 ${width} ${bars.length * rowH + 8}`} width="100%" role="img" data-testid={testId} className="loyalty-chart">
      {bars.map((b, i) => {
        const w = Math.round((b.value / max) * barW);
        const y = i * rowH + 6;
        return (
          <g key={b.key} data-testid={`${testId}-${b.key}`}>
            <text x={labelW - 8} y={y + 16} textAnchor="end" fontSize={13} fill="#434343">
              {b.label}
            </text>
            <rect x={labelW} y={y + 2} width={barW} height={20} rx={4} fill="#f5f5f5" />
            <rect x={labelW} y={y + 2} width={Math.max(w, b.value > 0 ? 2 : 0)} height={20} rx={4} fill={b.color} />
            <text x={labelW + barW + 8} y={y + 16} fontSize={13} fill="#262626" className="mono-num">
              {format(b.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export interface Series {
  key: string;
  label: string;
  color: string;
}

/** Grouped vertical bars per month (points issued / redeemed / expired). */
export function MonthChart({
  months,
  series,
  values,
  testId,
}: {
  months: string[];
  series: Series[];
  /** values[monthIndex][seriesIndex], all ≥ 0 */
  values: number[][];
  testId: string;
}) {
  const width = 640;
  const height = 220;
  const left = 56;
  const bottom = 28;
  const top = 24;
  const plotH = height - bottom - top;
  const max = niceMax(Math.max(0, ...values.flat()));
  const slot = (width - left - 8) / Math.max(1, months.length);
  const barW = Math.max(3, Math.min(14, (slot - 8) / series.length));
  const ticks = [0, 0.5, 1].map((f) => Math.round(max * f));
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" data-testid={testId} className="loyalty-chart">
      {series.map((s, i) => (
        <g key={s.key} transform={`translate(${left + i * 110}, 4)`}>
          <rect width={10} height={10} y={2} rx={2} fill={s.color} />
          <text x={14} y={11} fontSize={12} fill="#595959">
            {s.label}
          </text>
        </g>
      ))}
      {ticks.map((v) => {
        const y = top + plotH - (v / max) * plotH;
        return (
          <g key={v}>
            <line x1={left} x2={width - 8} y1={y} y2={y} stroke="#f0f0f0" />
            <text x={left - 6} y={y + 4} fontSize={11} textAnchor="end" fill="#8c8c8c">
              {v.toLocaleString("en-US")}
            </text>
          </g>
        );
      })}
      {months.map((m, mi) => {
        const x0 = left + mi * slot + (slot - barW * series.length) / 2;
        return (
          <g key={m}>
            {series.map((s, si) => {
              const v = values[mi]?.[si] ?? 0;
              const h = (v / max) * plotH;
              return <rect key={s.key} x={x0 + si * barW} y={top + plotH - h} width={barW - 1} height={h} fill={s.color} rx={1} />;
            })}
            <text x={left + mi * slot + slot / 2} y={height - 10} fontSize={11} textAnchor="middle" fill="#8c8c8c">
              {/* "2026-11" where a year starts (and first), then just the month: "12", "2027-01". */}
              {mi === 0 || m.endsWith("-01") ? m : m.slice(5)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

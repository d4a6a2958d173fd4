// The one chart component: ECharts (./echarts.ts) through echarts-for-react's core entry, themed
// from the app's antd tokens (./chartTheme.ts) and localised to the UI language. Screens hand it a
// pure option (builders in the screens' *Charts.ts files, which escape text: ./escape.ts) and
// get clicks back as the clicked item's data.
import { theme as antdTheme } from "antd";
import ReactEChartsCore from "echarts-for-react/esm/core";
import { useMemo, useRef } from "react";
import { useI18n } from "../i18n";
import { chartTheme } from "./chartTheme";
import { chartLocale, echarts, type ChartOption } from "./echarts";

/** What a click on a bar, slice, node or link hands back. */
export interface ChartPick {
  /** The clicked data item as given in the option (builders put their codes on it). */
  data: unknown;
  name: string;
  dataType?: string;
  seriesIndex?: number;
  dataIndex: number;
}

export function Chart({
  option,
  height = 300,
  onPick,
  testId,
  label,
}: {
  option: ChartOption;
  height?: number;
  onPick?: (pick: ChartPick) => void;
  testId?: string;
  /** What the chart shows, for screen readers (the numbers are also in a table beside it). */
  label?: string;
}) {
  const { lang } = useI18n();
  const { token } = antdTheme.useToken();
  const themeObject = useMemo(
    () =>
      chartTheme({
        colorPrimary: token.colorPrimary,
        colorText: token.colorText,
        colorTextSecondary: token.colorTextSecondary,
        colorBorderSecondary: token.colorBorderSecondary,
        colorBgContainer: token.colorBgContainer,
        colorBgElevated: token.colorBgElevated,
        fontFamily: token.fontFamily,
      }),
    [token.colorPrimary, token.colorText, token.colorTextSecondary, token.colorBorderSecondary, token.colorBgContainer, token.colorBgElevated, token.fontFamily],
  );
  // echarts-for-react re-creates the chart when `onEvents` or `opts` change identity-wise:
  // keep both stable and read the latest handler through a ref.
  const pickRef = useRef(onPick);
  pickRef.current = onPick;
  const onEvents = useMemo(
    () => ({
      click: (p: ChartPick) => pickRef.current?.({ data: p.data, name: p.name, dataType: p.dataType, seriesIndex: p.seriesIndex, dataIndex: p.dataIndex }),
    }),
    [],
  );
  const opts = useMemo(() => ({ renderer: "canvas" as const, locale: chartLocale(lang) }), [lang]);
  return (
    <div data-testid={testId} role="img" aria-label={label} className="chart" style={{ cursor: onPick ? "pointer" : undefined }}>
      <ReactEChartsCore echarts={echarts} option={option} theme={themeObject} opts={opts} onEvents={onEvents} notMerge lazyUpdate style={{ height, width: "100%" }} />
    </div>
  );
}

// The charts' look, derived from the app's Ant Design tokens so a chart follows the app's theme
// (light today; a dark algorithm in ConfigProvider turns every chart dark with it). Pure: the
// tokens in, an ECharts theme object out.

/** The few antd tokens a chart needs (all present on `theme.useToken().token`). */
export interface ChartTokens {
  colorPrimary: string;
  colorText: string;
  colorTextSecondary: string;
  colorBorderSecondary: string;
  colorBgContainer: string;
  colorBgElevated: string;
  fontFamily: string;
}

/** Series colours: the brand teal first, then calm, distinguishable hues (8 RFM classes fit). */
export const LIGHT_PALETTE = ["#0f766e", "#2f9e8f", "#5b8ff9", "#f6bd16", "#e8684a", "#9270ca", "#6dc8ec", "#ff9d4d", "#269a99", "#bfbfbf"];
export const DARK_PALETTE = ["#2dd4bf", "#5eead4", "#7aa7ff", "#fcd34d", "#f08a6c", "#b39ddb", "#7dd3fc", "#fdba74", "#4fd1c5", "#8c8c8c"];

/** Perceived lightness 0–1 of a #rrggbb / #rgb / rgb() colour (unknown: light). */
export function lightness(color: string): number {
  let r = 255;
  let g = 255;
  let b = 255;
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})/i.exec(color);
  const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/i.exec(color);
  if (hex) {
    const h = hex[1].length === 3 ? hex[1].replace(/./g, (c) => c + c) : hex[1];
    [r, g, b] = [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
  } else if (rgb) {
    [r, g, b] = [rgb[1], rgb[2], rgb[3]].map(Number);
  }
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

export const isDark = (tokens: Pick<ChartTokens, "colorBgContainer">) => lightness(tokens.colorBgContainer) < 0.5;

/** An ECharts theme object for these tokens. */
export function chartTheme(tokens: ChartTokens): Record<string, unknown> {
  const dark = isDark(tokens);
  const axis = {
    axisLine: { lineStyle: { color: tokens.colorBorderSecondary } },
    axisTick: { lineStyle: { color: tokens.colorBorderSecondary } },
    axisLabel: { color: tokens.colorTextSecondary },
    splitLine: { lineStyle: { color: tokens.colorBorderSecondary, type: "dashed" } },
    nameTextStyle: { color: tokens.colorTextSecondary },
  };
  return {
    darkMode: dark,
    color: dark ? DARK_PALETTE : LIGHT_PALETTE,
    backgroundColor: "transparent",
    textStyle: { fontFamily: tokens.fontFamily, color: tokens.colorText },
    legend: { textStyle: { color: tokens.colorText } },
    tooltip: {
      backgroundColor: tokens.colorBgElevated,
      borderColor: tokens.colorBorderSecondary,
      textStyle: { color: tokens.colorText, fontFamily: tokens.fontFamily },
      extraCssText: "box-shadow: 0 6px 16px rgba(0,0,0,0.12); border-radius: 8px;",
    },
    categoryAxis: axis,
    valueAxis: axis,
    timeAxis: axis,
    funnel: { label: { color: tokens.colorText } },
    sankey: { label: { color: tokens.colorText } },
  };
}

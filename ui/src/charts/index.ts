// Charts for every screen (the Insight screen now, the dashboard next): draw with <Chart option>,
// build options as pure, tested functions, and put names into tooltips only through `html` /
// `tooltipRows` (escape.ts). Never import echarts elsewhere: register a new chart type or
// component once, in echarts.ts.
export { Chart, type ChartPick } from "./Chart";
export { chartLocale, type ChartOption } from "./echarts";
export { escapeHtml, html, htmlSafe, marker, tooltipRows } from "./escape";
export { chartTheme, type ChartTokens } from "./chartTheme";

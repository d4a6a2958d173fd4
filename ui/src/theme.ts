import type { ThemeConfig } from "antd";

export const FONT_STACK =
  '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", -apple-system, BlinkMacSystemFont, "Segoe UI", sans-serif';

/** Deep teal: calm and trustworthy, not alarming. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: "#0f766e",
    colorLink: "#0f766e",
    borderRadius: 8,
    fontFamily: FONT_STACK,
    colorBgLayout: "#f4f6f5",
  },
  components: {
    Layout: { headerBg: "#ffffff", siderBg: "#ffffff", headerHeight: 56, headerPadding: "0 24px" },
    Menu: { itemBorderRadius: 8, itemSelectedBg: "#e6f4f1", itemSelectedColor: "#0f766e", itemMarginInline: 8 },
    Card: { borderRadiusLG: 12 },
  },
};

import { BarChartOutlined, CheckCircleOutlined, NotificationOutlined } from "@ant-design/icons";
import { Card, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { useI18n, type MessageKey } from "../i18n";

export type ComingArea = "campaigns" | "reports";

const ICONS: Record<ComingArea, ReactNode> = {
  campaigns: <NotificationOutlined />,
  reports: <BarChartOutlined />,
};

/** An area not built yet: says concretely what will be here. No fake data. */
export function ComingSoon({ area }: { area: ComingArea }) {
  const { t } = useI18n();
  const points = (["p1", "p2", "p3"] as const).map((p) => `coming.${area}.${p}` as MessageKey);
  return (
    <div className="page" data-testid={`page-${area}`}>
      <Card className="coming-card" variant="borderless">
        <div className="coming-icon">{ICONS[area]}</div>
        <Tag color="cyan" bordered={false}>
          {t("coming.tag")}
        </Tag>
        <Typography.Title level={3} style={{ margin: "12px 0 4px" }}>
          {t(`coming.${area}.title` as MessageKey)}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ fontSize: 15 }}>
          {t(`coming.${area}.text` as MessageKey)}
        </Typography.Paragraph>
        <ul className="coming-list">
          {points.map((key) => (
            <li key={key}>
              <CheckCircleOutlined className="coming-bullet" />
              <span>{t(key)}</span>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}

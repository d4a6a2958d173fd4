import { Card, Tabs, Typography } from "antd";
import { useNavigate, useParams } from "react-router-dom";
import { useI18n } from "../../i18n";
import { Coupons } from "./Coupons";
import { Overview } from "./Overview";
import { ProgramSwitch } from "./ProgramSwitch";
import { RulesTab } from "./RulesTab";

const TABS = ["overview", "coupons", "settings"] as const;
type TabKey = (typeof TABS)[number];

/** The loyalty area (/loyalty/:tab): the on / off switch (with its first-run progress), overview
 *  charts, coupons, and the points rules. */
export function LoyaltyArea() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { tab } = useParams();
  const active: TabKey = TABS.includes(tab as TabKey) ? (tab as TabKey) : "overview";

  return (
    <div className="page" data-testid="page-loyalty">
      <div className="page-head">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("loyalty.title")}
        </Typography.Title>
      </div>
      <ProgramSwitch />
      <Card variant="borderless">
        <Tabs
          activeKey={active}
          onChange={(key) => navigate(`/loyalty/${key}`)}
          destroyOnHidden
          items={[
            { key: "overview", label: <span data-testid="loyalty-tab-overview">{t("loyalty.tab.overview")}</span>, children: <Overview /> },
            { key: "coupons", label: <span data-testid="loyalty-tab-coupons">{t("loyalty.tab.coupons")}</span>, children: <Coupons /> },
            { key: "settings", label: <span data-testid="loyalty-tab-settings">{t("loyalty.tab.settings")}</span>, children: <RulesTab /> },
          ]}
        />
      </Card>
    </div>
  );
}

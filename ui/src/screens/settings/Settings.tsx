import { Card, Tabs, Typography } from "antd";
import { useNavigate, useParams } from "react-router-dom";
import { useI18n } from "../../i18n";
import { AboutTab } from "./AboutTab";
import { BackupTab } from "./BackupTab";
import { DeskTab } from "./DeskTab";
import { ShopTab } from "./ShopTab";
import { UsersTab } from "./UsersTab";

const TABS = ["shop", "users", "backup", "desk", "about"] as const;
type TabKey = (typeof TABS)[number];

export function Settings() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { tab } = useParams();
  const active: TabKey = TABS.includes(tab as TabKey) ? (tab as TabKey) : "shop";

  return (
    <div className="page" data-testid="page-settings">
      <div className="page-head">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("settings.title")}
        </Typography.Title>
      </div>
      <Card variant="borderless">
        <Tabs
          activeKey={active}
          onChange={(key) => navigate(`/settings/${key}`)}
          destroyOnHidden
          items={[
            { key: "shop", label: <span data-testid="settings-tab-shop">{t("settings.tab.shop")}</span>, children: <ShopTab /> },
            { key: "users", label: <span data-testid="settings-tab-users">{t("settings.tab.users")}</span>, children: <UsersTab /> },
            { key: "backup", label: <span data-testid="settings-tab-backup">{t("settings.tab.backup")}</span>, children: <BackupTab /> },
            { key: "desk", label: <span data-testid="settings-tab-desk">{t("desk.tab")}</span>, children: <DeskTab /> },
            { key: "about", label: <span data-testid="settings-tab-about">{t("settings.tab.about")}</span>, children: <AboutTab /> },
          ]}
        />
      </Card>
    </div>
  );
}

import {
  AppstoreOutlined,
  BarChartOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  DownOutlined,
  GiftOutlined,
  KeyOutlined,
  LockOutlined,
  LogoutOutlined,
  NotificationOutlined,
  PieChartOutlined,
  SettingOutlined,
  ShoppingOutlined,
  TeamOutlined,
  CloudUploadOutlined,
  CarryOutOutlined,
} from "@ant-design/icons";
import { Avatar, Badge, Dropdown, Layout, Menu, Space, Tag, Typography, type MenuProps } from "antd";
import { useCallback, useEffect, useState, type ReactNode } from "react";
import { Navigate, Route, Routes, useLocation, useNavigate } from "react-router-dom";
import { BackupReminderBanner } from "../components/BackupReminderBanner";
import { BackupWatcher } from "../components/BackupWatcher";
import { ChangePasswordModal } from "../components/ChangePasswordModal";
import { GlobalSearch } from "../components/GlobalSearch";
import { LanguageSwitch } from "../components/LanguageSwitch";
import { Logo } from "../components/Logo";
import { RoleTag } from "../components/RoleTag";
import { SampleShopBanner } from "../components/SampleShopBanner";
import { useI18n, type MessageKey } from "../i18n";
import { authLock, authLogout, settingsGet, type Role } from "../lib/backend";
import { useApp, useSession } from "../lib/appContext";
import { ShopContext } from "../lib/shopContext";
import { displayTimeZone, setDisplayTimeZone } from "../lib/shopTime";
import { useIdleLock } from "../lib/useIdleLock";
import { ComingSoon } from "./ComingSoon";
import { Customers } from "./Customers";
import { Customer360 } from "./customers/Customer360";
import { CustomerForm } from "./customers/CustomerForm";
import { Duplicates } from "./customers/Duplicates";
import { RecycleBin } from "./customers/RecycleBin";
import { Dashboard } from "./Dashboard";
import { NewOrder } from "./orders/NewOrder";
import { OrderPage } from "./orders/OrderPage";
import { OrdersList } from "./orders/OrdersList";
import { ImportPage } from "./import/ImportPage";
import { InsightPage } from "./insight/InsightPage";
import { LoyaltyArea } from "./loyalty/LoyaltyArea";
import { Settings } from "./settings/Settings";
import { NewTicketHost } from "./tickets/NewTicketDialog";
import { TicketPage } from "./tickets/TicketPage";
import { TicketReports } from "./tickets/TicketReports";
import { TicketsQueue } from "./tickets/TicketsQueue";
import { useTodayCount } from "./today/useTodayCount";
import { TodayPage } from "./today/TodayPage";

const NAV: { key: string; label: MessageKey; icon: ReactNode; roles?: Role[] }[] = [
  { key: "dashboard", label: "nav.dashboard", icon: <DashboardOutlined /> },
  { key: "today", label: "nav.today", icon: <CarryOutOutlined /> },
  { key: "customers", label: "nav.customers", icon: <TeamOutlined /> },
  { key: "insight", label: "nav.insight", icon: <PieChartOutlined />, roles: ["owner", "manager"] },
  { key: "orders", label: "nav.orders", icon: <ShoppingOutlined /> },
  { key: "import", label: "nav.import", icon: <CloudUploadOutlined /> },
  { key: "tickets", label: "nav.tickets", icon: <CustomerServiceOutlined /> },
  { key: "loyalty", label: "nav.loyalty", icon: <GiftOutlined /> },
  { key: "campaigns", label: "nav.campaigns", icon: <NotificationOutlined /> },
  { key: "reports", label: "nav.reports", icon: <BarChartOutlined /> },
  { key: "settings", label: "nav.settings", icon: <SettingOutlined /> },
];

export function MainLayout() {
  const { t } = useI18n();
  const { status, refresh } = useApp();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [shopName, setShopName] = useState("");
  // Times on every screen are shown on the shop's clock; a change of zone redraws the screens.
  const [timeZone, setTimeZone] = useState(displayTimeZone());
  const [changingPassword, setChangingPassword] = useState(false);

  const reloadShop = useCallback(async () => {
    try {
      const settings = await settingsGet();
      setShopName(settings.shopName);
      setDisplayTimeZone(settings.timezone);
      setTimeZone(displayTimeZone());
    } catch {
      setShopName("");
    }
  }, []);

  useEffect(() => {
    void reloadShop();
  }, [reloadShop]);

  const lock = useCallback(async () => {
    try {
      await authLock();
    } finally {
      await refresh();
    }
  }, [refresh]);

  const logout = async () => {
    try {
      await authLogout();
    } finally {
      await refresh();
    }
  };

  useIdleLock(status.idleLockMinutes, !status.locked, () => void lock());

  const current = location.pathname.split("/")[1] || "dashboard";
  const todayCount = useTodayCount();
  const menuItems: MenuProps["items"] = NAV.filter((n) => !n.roles || n.roles.includes(session.role)).map((n) => ({
    key: n.key,
    icon: n.icon,
    label:
      n.key === "today" && todayCount ? (
        <span data-testid={`nav-${n.key}`}>
          {t(n.label)} <Badge count={todayCount} overflowCount={999} size="small" data-testid="nav-today-count" />
        </span>
      ) : (
        <span data-testid={`nav-${n.key}`}>{t(n.label)}</span>
      ),
  }));

  const userItems: MenuProps["items"] = [
    { key: "password", icon: <KeyOutlined />, label: <span data-testid="menu-change-password">{t("user.changePassword")}</span> },
    { key: "lock", icon: <LockOutlined />, label: <span data-testid="menu-lock">{t("user.lock")}</span> },
    { type: "divider" },
    { key: "logout", icon: <LogoutOutlined />, danger: true, label: <span data-testid="menu-logout">{t("user.logout")}</span> },
  ];

  const onUserMenu: MenuProps["onClick"] = ({ key }) => {
    if (key === "password") setChangingPassword(true);
    if (key === "lock") void lock();
    if (key === "logout") void logout();
  };

  return (
    <ShopContext.Provider value={{ shopName, reloadShop }}>
      <BackupWatcher />
      <Layout className="app-layout">
        <Layout.Sider width={208} theme="light" className="app-sider">
          <div className="sider-brand">
            <Logo size={32} />
          </div>
          <Menu
            mode="inline"
            selectedKeys={[current]}
            items={menuItems}
            onClick={({ key }) => navigate(`/${key}`)}
            className="app-menu"
          />
        </Layout.Sider>
        <Layout>
          <Layout.Header className="app-header">
            <Space size={12} className="header-left">
              <AppstoreOutlined className="header-shop-icon" />
              <Typography.Text strong className="header-shop" ellipsis>
                {shopName}
              </Typography.Text>
              {session.store === "demo" && (
                <Tag color="orange" bordered={false}>
                  {t("header.demoBadge")}
                </Tag>
              )}
            </Space>
            <GlobalSearch />
            <NewTicketHost />
            <Space size={16}>
              <LanguageSwitch size="small" />
              <Dropdown menu={{ items: userItems, onClick: onUserMenu }} trigger={["click"]} placement="bottomRight">
                <button type="button" className="user-button" data-testid="user-menu">
                  <Avatar size={28} style={{ background: "#0f766e" }}>
                    {session.displayName.slice(0, 1)}
                  </Avatar>
                  <span className="user-name">{session.displayName}</span>
                  <RoleTag role={session.role} />
                  <DownOutlined style={{ fontSize: 10, color: "#8c8c8c" }} />
                </button>
              </Dropdown>
            </Space>
          </Layout.Header>
          <SampleShopBanner />
          <BackupReminderBanner />
          <Layout.Content className="app-content">
            <Routes key={timeZone}>
              <Route path="/dashboard" element={<Dashboard />} />
              <Route path="/customers" element={<Customers />} />
              <Route path="/customers/new" element={<CustomerForm key="new" />} />
              <Route path="/customers/duplicates" element={<Duplicates />} />
              <Route path="/customers/recycle-bin" element={<RecycleBin />} />
              <Route path="/customers/:id" element={<Customer360 />} />
              <Route path="/customers/:id/edit" element={<CustomerForm key="edit" />} />
              <Route path="/orders" element={<OrdersList />} />
              <Route path="/orders/new" element={<NewOrder />} />
              <Route path="/orders/:id" element={<OrderPage />} />
              <Route path="/today" element={<TodayPage />} />
              <Route path="/tickets" element={<TicketsQueue />} />
              <Route path="/tickets/reports" element={<TicketReports />} />
              <Route path="/tickets/:id" element={<TicketPage key={location.pathname} />} />
              <Route path="/loyalty" element={<LoyaltyArea />} />
              <Route path="/loyalty/:tab" element={<LoyaltyArea />} />
              <Route path="/campaigns" element={<ComingSoon area="campaigns" />} />
              <Route path="/reports" element={<ComingSoon area="reports" />} />
              <Route path="/import" element={<ImportPage />} />
              <Route path="/insight" element={<InsightPage />} />
              <Route path="/insight/:tab" element={<InsightPage />} />
              <Route path="/settings" element={<Settings />} />
              <Route path="/settings/:tab" element={<Settings />} />
              <Route path="*" element={<Navigate to="/dashboard" replace />} />
            </Routes>
          </Layout.Content>
        </Layout>
      </Layout>
      <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
    </ShopContext.Provider>
  );
}

import { DatabaseOutlined, RocketOutlined, SettingOutlined, TeamOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Col, Row, Skeleton, Space, Statistic, Typography } from "antd";
import { useEffect, useState } from "react";
import { useNavigate } from "react-router-dom";
import { useI18n } from "../i18n";
import { storeInfo, type StoreInfo } from "../lib/backend";
import { useSession } from "../lib/appContext";
import { useShop } from "../lib/shopContext";
import { useErrorText } from "../lib/useErrorText";

function countOf(info: StoreInfo, table: string): number {
  return info.counts.find((c) => c.table === table)?.rows ?? 0;
}

/** Only real numbers from the store: customers, staff accounts, schema version. */
export function Dashboard() {
  const { t } = useI18n();
  const session = useSession();
  const { shopName } = useShop();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const [info, setInfo] = useState<StoreInfo | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    storeInfo()
      .then((i) => live && setInfo(i))
      .catch((e: unknown) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [errorText]);

  return (
    <div className="page" data-testid="page-dashboard">
      <div className="page-head">
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t("dashboard.hello", { name: session.displayName })}
          </Typography.Title>
          {shopName && <Typography.Text type="secondary">{t("dashboard.intro", { shop: shopName })}</Typography.Text>}
        </div>
        <Space>
          <Button type="primary" icon={<TeamOutlined />} onClick={() => navigate("/customers")}>
            {t("dashboard.viewCustomers")}
          </Button>
          {session.role === "owner" && (
            <Button icon={<SettingOutlined />} onClick={() => navigate("/settings")}>
              {t("dashboard.openSettings")}
            </Button>
          )}
        </Space>
      </div>

      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}

      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Card variant="borderless" className="stat-card">
            {info ? (
              <Statistic title={t("dashboard.customers")} value={countOf(info, "customers")} prefix={<TeamOutlined />} data-testid="dashboard-customers" />
            ) : (
              <Skeleton active paragraph={{ rows: 1 }} />
            )}
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card variant="borderless" className="stat-card">
            {info ? (
              <Statistic title={t("dashboard.users")} value={countOf(info, "users")} prefix={<UserOutlined />} />
            ) : (
              <Skeleton active paragraph={{ rows: 1 }} />
            )}
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card variant="borderless" className="stat-card">
            {info ? (
              <Statistic title={t("dashboard.schema")} value={info.schemaVersion} prefix={<DatabaseOutlined />} groupSeparator="" />
            ) : (
              <Skeleton active paragraph={{ rows: 1 }} />
            )}
          </Card>
        </Col>
      </Row>

      <Card variant="borderless" className="soon-card" style={{ marginTop: 16 }}>
        <Space align="start" size={16}>
          <RocketOutlined className="soon-icon" />
          <div>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {t("dashboard.comingTitle")}
            </Typography.Title>
            <Typography.Text type="secondary">{t("dashboard.comingText")}</Typography.Text>
          </div>
        </Space>
      </Card>
    </div>
  );
}

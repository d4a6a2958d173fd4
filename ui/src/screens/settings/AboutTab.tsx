import { Alert, Descriptions, Skeleton, Space, Table, Typography } from "antd";
import { useEffect, useState } from "react";
import { LogoMark } from "../../components/Logo";
import { useI18n } from "../../i18n";
import { storeInfo, type StoreInfo } from "../../lib/backend";
import { useSession } from "../../lib/appContext";
import { formatCount } from "../../lib/format";
import { useErrorText } from "../../lib/useErrorText";

export function AboutTab() {
  const { t, lang } = useI18n();
  const session = useSession();
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

  if (error) return <Alert type="error" showIcon message={error} />;
  if (!info) return <Skeleton active />;

  return (
    <div style={{ maxWidth: 720 }}>
      <Space align="center" size={16} style={{ marginBottom: 24 }}>
        <LogoMark size={48} />
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t("about.title")}
          </Typography.Title>
          <Typography.Text type="secondary">{t("about.version")}</Typography.Text>
        </div>
      </Space>
      <Descriptions column={1} bordered size="middle" style={{ marginBottom: 24 }}>
        <Descriptions.Item label={t("about.store")}>{t(session.store === "demo" ? "store.demo" : "store.main")}</Descriptions.Item>
        <Descriptions.Item label={t("about.dataDir")}>
          <Typography.Text copyable className="mono" data-testid="about-data-dir">
            {info.dataDir}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t("about.schema")}>{info.schemaVersion}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>{t("about.counts")}</Typography.Title>
      <Table
        size="small"
        rowKey="table"
        pagination={false}
        dataSource={info.counts}
        columns={[
          { title: t("about.table"), dataIndex: "table", render: (v: string) => <span className="mono">{v}</span> },
          { title: t("about.rows"), dataIndex: "rows", align: "right", render: (v: number) => formatCount(v, lang) },
        ]}
      />
    </div>
  );
}

import { PlusOutlined, SendOutlined } from "@ant-design/icons";
import { Alert, App as AntApp, Button, Empty, Space, Table, Tag, Typography } from "antd";
import { useCallback, useEffect, useState, type HTMLAttributes } from "react";
import { useI18n } from "../../i18n";
import { couponsList, type Coupon } from "../../lib/backend";
import { useSession } from "../../lib/appContext";
import { useErrorText } from "../../lib/useErrorText";
import { CouponForm } from "./CouponForm";
import { IssueCoupon } from "./IssueCoupon";
import { couponChannel, describeCoupon, kindLabel } from "./labels";

/** Coupon definitions with their usage; owner and manager create and issue (the core checks). */
export function Coupons() {
  const { t } = useI18n();
  const session = useSession();
  const errorText = useErrorText();
  const { message } = AntApp.useApp();
  const [rows, setRows] = useState<Coupon[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [issuing, setIssuing] = useState<Coupon | null>(null);
  const canManage = session.role !== "rep";

  const load = useCallback(async () => {
    try {
      setRows(await couponsList());
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, [errorText]);

  useEffect(() => {
    void load();
  }, [load]);

  const columns = [
    { title: t("coupon.col.name"), dataIndex: "name", key: "name", width: 170, render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    {
      title: t("coupon.col.terms"),
      key: "terms",
      width: 190,
      render: (_: unknown, c: Coupon) => (
        <>
          <Tag bordered={false} color="cyan">
            {kindLabel(t, c.kind)}
          </Tag>
          <span data-testid="coupon-terms">{describeCoupon(t, c)}</span>
        </>
      ),
    },
    { title: t("coupon.col.valid"), key: "valid", width: 170, render: (_: unknown, c: Coupon) => (
        <span className="mono-num">
          {c.firstDay} ~ {c.lastDay}
        </span>
      ),
    },
    { title: t("coupon.col.channel"), dataIndex: "channel", key: "channel", width: 90, render: (v: Coupon["channel"]) => couponChannel(t, v) },
    {
      title: t("coupon.col.limits"),
      key: "limits",
      width: 140,
      render: (_: unknown, c: Coupon) =>
        c.totalLimit === null ? t("coupon.limitsNoTotal", { per: c.perCustomerLimit }) : t("coupon.limits", { per: c.perCustomerLimit, total: c.totalLimit }),
    },
    { title: t("coupon.col.usage"), key: "usage", width: 90, align: "right" as const, render: (_: unknown, c: Coupon) => <span className="mono-num">{c.issued} / {c.used}</span> },
    ...(canManage
      ? [
          {
            title: t("coupon.col.actions"),
            key: "actions",
            width: 110,
            render: (_: unknown, c: Coupon) => (
              <Button size="small" icon={<SendOutlined />} onClick={() => setIssuing(c)} data-testid="coupon-issue">
                {t("coupon.issue")}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <div data-testid="loyalty-coupons">
      <Space style={{ marginBottom: 12, width: "100%", justifyContent: "space-between" }}>
        {canManage ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="coupon-new">
            {t("coupon.new")}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t("coupon.rep")}</Typography.Text>
        )}
      </Space>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Table<Coupon>
        data-testid="coupons-table"
        rowKey="id"
        size="small"
        loading={rows === null && !error}
        columns={columns}
        dataSource={rows ?? []}
        pagination={false}
        scroll={{ x: 960 }}
        onRow={() => ({ "data-testid": "coupon-row" }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("coupon.list.none")} /> }}
      />
      <CouponForm
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          void message.success(t("coupon.form.done"));
          void load();
        }}
      />
      <IssueCoupon coupon={issuing} onClose={() => setIssuing(null)} onIssued={() => void load()} />
    </div>
  );
}

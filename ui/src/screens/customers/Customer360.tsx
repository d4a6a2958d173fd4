import {
  ArrowLeftOutlined,
  DeleteOutlined,
  EditOutlined,
  ExportOutlined,
  EyeOutlined,
  StopOutlined,
  UserDeleteOutlined,
} from "@ant-design/icons";
import {
  Alert,
  type ButtonProps,
  App as AntApp,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Input,
  Modal,
  Popconfirm,
  Row,
  Space,
  Spin,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import { useCallback, useEffect, useState } from "react";
import { useNavigate, useParams } from "react-router-dom";
import { useI18n, type MessageKey } from "../../i18n";
import {
  customersDelete,
  customersErase,
  customersExportPerson,
  customersOrders,
  customersProfile,
  customersReveal,
  customersUnmerge,
  pickFolder,
  type Contact,
  type CustomerProfile,
  type OrderRow,
  type OrderPage,
} from "../../lib/backend";
import { formatDateTime } from "../../lib/format";
import { useErrorText } from "../../lib/useErrorText";
import { CustomerLoyaltyCard } from "../loyalty/CustomerLoyaltyCard";
import { ConsentCard } from "./ConsentCard";
import { CustomerInsightCard } from "./CustomerInsightCard";
import { FollowUpsCard } from "../today/FollowUpsCard";
import { formatDay, formatFen, regionBesideAddress } from "./format";

/** The customer 360 page: profile, lifetime numbers, orders, consent, merges and actions. */
export function Customer360() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const [profile, setProfile] = useState<CustomerProfile | null>(null);
  const [orders, setOrders] = useState<OrderPage | null>(null);
  const [contact, setContact] = useState<Contact | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [erasing, setErasing] = useState(false);
  const [eraseText, setEraseText] = useState("");

  const load = useCallback(async () => {
    try {
      const p = await customersProfile(id);
      setProfile(p);
      setOrders(p.orders);
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, [id, errorText]);

  useEffect(() => {
    setContact(null);
    void load();
  }, [load]);

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  if (!profile) {
    return (
      <div className="page" data-testid="page-customer-360">
        {error ? <Alert type="error" showIcon message={error} /> : <Spin />}
      </div>
    );
  }
  const c = profile.customer;
  const s = profile.stats;
  const phones = contact ? contact.phones : c.phones;
  const address = contact ? contact.address : c.address;
  // The address usually starts with the province and city: the region shows only what it adds.
  const region = regionBesideAddress(c.province, c.city, address);
  const none = t("common.none");
  const state: { color: string; key: MessageKey }[] = [];
  if (c.erasedAt) state.push({ color: "default", key: "cust.state.erased" });
  if (c.mergedInto) state.push({ color: "purple", key: "cust.state.merged" });
  if (c.deletedAt && !c.erasedAt) state.push({ color: "red", key: "cust.state.deleted" });

  const exportData = () =>
    act(async () => {
      const folder = await pickFolder();
      if (!folder) return;
      const r = await customersExportPerson(id, folder);
      void message.success(t("cust.export.done", { path: r.path }));
    });

  const columns = [
    { title: t("cust.orders.time"), dataIndex: "orderedAt", key: "orderedAt", width: 150, render: (v: string) => <span className="mono-num">{formatDateTime(v)}</span> },
    { title: t("cust.orders.no"), dataIndex: "orderNo", key: "orderNo", width: 180, render: (v: string) => <span className="mono">{v}</span> },
    { title: t("cust.orders.channel"), dataIndex: "channel", key: "channel", width: 100, render: (v: string) => channelLabel(t, v) },
    { title: t("cust.orders.products"), dataIndex: "products", key: "products", ellipsis: true },
    { title: t("cust.orders.status"), dataIndex: "status", key: "status", width: 110, render: (v: string) => <Tag bordered={false}>{statusLabel(t, v)}</Tag> },
    {
      title: t("cust.orders.paid"),
      key: "paid",
      width: 130,
      align: "right" as const,
      render: (_: unknown, o: OrderRow) => (
        <span className="mono-num">
          {formatFen(o.paidFen)}
          {o.refundedFen > 0 && <Typography.Text type="danger"> (−{formatFen(o.refundedFen)})</Typography.Text>}
        </span>
      ),
    },
  ];

  return (
    <div className="page" data-testid="page-customer-360">
      <div className="page-head">
        <Space align="center" wrap>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate("/customers")} aria-label={t("common.back")} />
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="c360-name">
            {c.name}
          </Typography.Title>
          {state.map((x) => (
            <Tag key={x.key} color={x.color}>
              {t(x.key)}
            </Tag>
          ))}
          {c.tags.map((tag) => (
            <Tag key={tag} color="cyan" bordered={false}>
              {tag}
            </Tag>
          ))}
        </Space>
        <Space wrap>
          {profile.can.reveal && !contact && (
            <Tooltip title={t("cust.reveal.hint")}>
              <Button icon={<EyeOutlined />} loading={busy} onClick={() => void act(async () => setContact(await customersReveal(id)))} data-testid="c360-reveal">
                {t("cust.reveal.button")}
              </Button>
            </Tooltip>
          )}
          {profile.can.edit && (
            <Button icon={<EditOutlined />} onClick={() => navigate(`/customers/${id}/edit`)} data-testid="c360-edit">
              {t("cust.action.edit")}
            </Button>
          )}
          {profile.can.export && (
            <Button icon={<ExportOutlined />} loading={busy} onClick={() => void exportData()} data-testid="c360-export">
              {t("cust.action.export")}
            </Button>
          )}
          {/* Deleting leads to erasure after 30 days: owner and manager, like erasing (the core checks). */}
          {profile.can.edit && profile.can.erase && (
            <Popconfirm
              title={t("cust.delete.confirm")}
              description={t("cust.delete.text")}
              okText={t("cust.action.delete")}
              cancelText={t("common.cancel")}
              onConfirm={() =>
                act(async () => {
                  await customersDelete(id);
                  void message.success(t("cust.delete.done"));
                  navigate("/customers");
                })
              }
            >
              <Button icon={<DeleteOutlined />} data-testid="c360-delete">
                {t("cust.action.delete")}
              </Button>
            </Popconfirm>
          )}
          {profile.can.erase && (
            <Button danger icon={<UserDeleteOutlined />} onClick={() => setErasing(true)} data-testid="c360-erase">
              {t("cust.action.erase")}
            </Button>
          )}
        </Space>
      </div>
      {c.mergedInto && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={t("cust.state.mergedInto", { id: c.mergedInto })}
          action={<Button size="small" onClick={() => navigate(`/customers/${c.mergedInto}`)}>{t("cust.state.open")}</Button>}
        />
      )}
      {contact && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t("cust.reveal.logged")} data-testid="c360-revealed" />}

      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {[
          { key: "spend", label: t("cust.stats.spend"), value: formatFen(s.totalSpendFen) },
          { key: "orders", label: t("cust.stats.orders"), value: String(s.ordersCount) },
          { key: "aov", label: t("cust.stats.aov"), value: s.ordersCount ? formatFen(s.averageOrderFen) : none },
          { key: "first", label: t("cust.stats.first"), value: formatDay(s.firstOrderAt) || none },
          { key: "last", label: t("cust.stats.last"), value: formatDay(s.lastOrderAt) || none },
        ].map((x) => (
          <Col key={x.key} xs={12} md={8} xl={4}>
            <Card variant="borderless" size="small">
              <Statistic title={x.label} value={x.value} data-testid={`c360-stat-${x.key}`} />
            </Card>
          </Col>
        ))}
        <Col xs={24} md={16} xl={4}>
          <Card variant="borderless" size="small" style={{ height: "100%" }}>
            <Typography.Text type="secondary">{t("cust.stats.favourites")}</Typography.Text>
            <div style={{ marginTop: 8 }}>
              {s.favouriteCategories.length
                ? s.favouriteCategories.map((f) => (
                    <Tag key={f.category} bordered={false} color="gold">
                      {f.category}
                    </Tag>
                  ))
                : none}
            </div>
          </Card>
        </Col>
      </Row>

      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} xl={14}>
          <Card title={t("cust.profile.title")} variant="borderless" style={{ height: "100%" }}>
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label={t("cust.field.phones")}>
                <span className="mono" data-testid="c360-phones">
                  {phones.length ? phones.join("，") : none}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t("cust.field.gender")}>{t(`gender.${c.gender}`)}</Descriptions.Item>
              <Descriptions.Item label={t("cust.field.birthday")}>{c.birthday ?? none}</Descriptions.Item>
              <Descriptions.Item label={t("cust.field.email")}>{c.email ?? none}</Descriptions.Item>
              <Descriptions.Item label={t("cust.field.wechat")}>{c.wechatId ?? none}</Descriptions.Item>
              <Descriptions.Item label="QQ">{c.qq ?? none}</Descriptions.Item>
              <Descriptions.Item label={t("cust.field.nicks")} span={2}>
                {c.nicks.length
                  ? c.nicks.map((n) => (
                      <Tag key={`${n.platform}:${n.nick}`} bordered={false}>
                        {platformLabel(t, n.platform)} · {n.nick}
                      </Tag>
                    ))
                  : none}
              </Descriptions.Item>
              {region || !address ? <Descriptions.Item label={t("cust.field.region")}>{region ?? none}</Descriptions.Item> : null}
              <Descriptions.Item label={t("cust.field.source")} span={region || !address ? 1 : 2}>
                {c.sourceChannel ?? none}
              </Descriptions.Item>
              <Descriptions.Item label={t("cust.field.address")} span={2}>
                {address ?? none}
              </Descriptions.Item>
              <Descriptions.Item label={t("cust.field.notes")} span={2}>
                <Typography.Paragraph style={{ margin: 0, whiteSpace: "pre-wrap" }}>{c.notes || none}</Typography.Paragraph>
              </Descriptions.Item>
              <Descriptions.Item label={t("cust.field.created")}>{formatDateTime(c.createdAt)}</Descriptions.Item>
              <Descriptions.Item label={t("cust.field.updated")}>{formatDateTime(c.updatedAt)}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <ConsentCard customerId={id} consent={profile.consent} editable={profile.can.edit} onChanged={(consent) => setProfile({ ...profile, consent })} />
        </Col>
      </Row>

      {!c.erasedAt && !c.mergedInto && <CustomerInsightCard customerId={id} />}
      {!c.erasedAt && !c.mergedInto && <CustomerLoyaltyCard customerId={id} editable={profile.can.edit} />}

      <Card title={t("cust.orders.title", { n: orders?.totals.count ?? 0 })} variant="borderless" style={{ marginBottom: 16 }}>
        <Table<OrderRow>
          data-testid="c360-orders"
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={orders?.rows ?? []}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("cust.orders.none")} /> }}
          pagination={{
            current: orders?.page ?? 1,
            pageSize: orders?.pageSize ?? 20,
            total: orders?.totals.count ?? 0,
            showSizeChanger: false,
            onChange: (p) => void customersOrders(id, p).then(setOrders, (e: unknown) => void message.error(errorText(e))),
          }}
          scroll={{ x: 860 }}
          onRow={(o) => ({ onClick: () => navigate(`/orders/${o.id}`), style: { cursor: "pointer" } })}
        />
      </Card>
      <FollowUpsCard customerId={id} customerName={c.name} />

      {profile.merges.length > 0 && (
        <Card title={t("cust.merges.title")} variant="borderless">
          {profile.merges.map((m) => (
            <div key={m.id} className="merge-line" style={{ display: "flex", justifyContent: "space-between", padding: "6px 0" }}>
              <span>
                {t("cust.merges.line", { id: m.id, kept: m.keptId, merged: m.mergedId, at: formatDateTime(m.mergedAt), by: m.mergedBy })}
                {m.undoneAt && <Tag style={{ marginLeft: 8 }}>{t("cust.merges.undone")}</Tag>}
              </span>
              {m.undoUntil && profile.can.merge && (
                <Popconfirm
                  title={t("cust.merges.undoConfirm")}
                  okText={t("cust.merges.undo")}
                  cancelText={t("common.cancel")}
                  onConfirm={() =>
                    act(async () => {
                      await customersUnmerge(m.id);
                      void message.success(t("cust.merges.undoDone"));
                      await load();
                    })
                  }
                >
                  <Button size="small" icon={<StopOutlined />}>
                    {t("cust.merges.undoUntil", { day: formatDay(m.undoUntil) })}
                  </Button>
                </Popconfirm>
              )}
            </div>
          ))}
        </Card>
      )}

      <Modal
        open={erasing}
        title={t("cust.erase.title")}
        okText={t("cust.erase.ok")}
        okButtonProps={{ danger: true, disabled: eraseText.trim() !== c.name.trim(), loading: busy, "data-testid": "c360-erase-ok" } as ButtonProps}
        cancelText={t("common.cancel")}
        onCancel={() => {
          setErasing(false);
          setEraseText("");
        }}
        onOk={() =>
          act(async () => {
            await customersErase(id);
            setErasing(false);
            setEraseText("");
            void message.success(t("cust.erase.done"));
            await load();
          })
        }
      >
        <Typography.Paragraph>{t("cust.erase.text")}</Typography.Paragraph>
        <Typography.Paragraph strong>{t("cust.erase.type", { name: c.name })}</Typography.Paragraph>
        <Input value={eraseText} onChange={(e) => setEraseText(e.target.value)} data-testid="c360-erase-input" />
      </Modal>
    </div>
  );
}

type T = ReturnType<typeof useI18n>["t"];

const CHANNELS = ["taobao", "tmall", "jd", "pdd", "wechat_shop", "douyin", "in_store", "other"] as const;
const STATUSES = ["unpaid", "paid", "shipped", "completed", "partially_refunded", "refunded", "cancelled"] as const;
const PLATFORMS = ["taobao", "tmall", "jd", "pdd", "wechat_shop", "douyin", "other"] as const;

function channelLabel(t: T, v: string): string {
  const c = CHANNELS.find((x) => x === v);
  return c ? t(`cust.channel.${c}`) : v;
}

function statusLabel(t: T, v: string): string {
  const s = STATUSES.find((x) => x === v);
  return s ? t(`cust.status.${s}`) : v;
}

export function platformLabel(t: T, v: string): string {
  const p = PLATFORMS.find((x) => x === v);
  return p ? t(`cust.platform.${p}`) : v;
}

import { ArrowLeftOutlined, RollbackOutlined } from "@ant-design/icons";
import { Alert, App as AntApp, Button, Card, Descriptions, Form, Input, Modal, Result, Select, Space, Spin, Table, Tag, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useNavigate, useParams } from "react-router-dom";
import "../../components/list/lists.css";
import { useI18n } from "../../i18n";
import { ORDER_STATUSES, ordersGet, ordersRefund, ordersSetStatus, type OrderDetail, type OrderItemRow, type OrderStatus } from "../../lib/backend";
import { formatDateTime } from "../../lib/format";
import { fenToInput, formatYuan, parseYuan } from "../../lib/money";
import { useErrorText } from "../../lib/useErrorText";
import { channelLabel, statusLabel, StatusTag } from "./labels";
import { OrderRedemptionNote } from "./OrderRedemptionNote";

const REFUNDABLE: OrderStatus[] = ["paid", "shipped", "completed", "partially_refunded"];
/** Partial refunds are not picked directly: they go through "Record refund" with an amount. */
const NOT_PICKABLE: OrderStatus[] = ["partially_refunded"];

/** One order: items, amounts, customer, and the status / refund actions. */
export function OrderPage() {
  const { id } = useParams();
  const orderId = Number(id);
  const { t } = useI18n();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const { message } = AntApp.useApp();
  const [order, setOrder] = useState<OrderDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<OrderStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [refunding, setRefunding] = useState(false);

  const load = useCallback(async () => {
    try {
      const o = await ordersGet(orderId);
      setOrder(o);
      setStatus(o.status);
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, [orderId, errorText]);

  useEffect(() => {
    void load();
  }, [load]);

  if (error && !order) {
    return (
      <div className="page" data-testid="page-order">
        <Result status="warning" title={t("order.notFound")} subTitle={error} extra={<Button onClick={() => navigate("/orders")}>{t("order.back")}</Button>} />
      </div>
    );
  }
  if (!order) {
    return (
      <div className="page boot" data-testid="page-order">
        <Spin />
      </div>
    );
  }

  const saveStatus = async () => {
    if (!status || status === order.status) return;
    setBusy(true);
    try {
      const o = await ordersSetStatus(order.id, status);
      setOrder(o);
      setStatus(o.status);
      setError(null);
      void message.success(t("order.statusSaved", { status: statusLabel(t, o.status) }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const left = order.keptFen;
  const canRefund = REFUNDABLE.includes(order.status) && left > 0;
  const none = t("common.none");

  return (
    <div className="page" data-testid="page-order">
      <div className="page-head">
        <Space align="center" size={12}>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate("/orders")} data-testid="order-back">
            {t("order.back")}
          </Button>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="order-title">
            {t("order.title", { no: order.orderNo })}
          </Typography.Title>
          <StatusTag t={t} status={order.status} />
          <Tag bordered={false}>{channelLabel(t, order.channel)}</Tag>
        </Space>
        <Space>
          <Select
            value={status ?? undefined}
            onChange={setStatus}
            style={{ width: 150 }}
            options={ORDER_STATUSES.map((s) => ({ value: s, label: statusLabel(t, s), disabled: NOT_PICKABLE.includes(s) }))}
            data-testid="order-status-select"
          />
          <Button onClick={() => void saveStatus()} disabled={status === order.status} loading={busy} data-testid="order-status-save">
            {t("order.changeStatus")}
          </Button>
          <Button icon={<RollbackOutlined />} danger disabled={!canRefund} onClick={() => setRefunding(true)} data-testid="order-refund">
            {t("order.refund")}
          </Button>
        </Space>
      </div>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} closable onClose={() => setError(null)} />}
      <div className="order-grid">
        <Card variant="borderless" title={t("order.items")}>
          <Table<OrderItemRow>
            rowKey={(_, i) => String(i)}
            size="small"
            pagination={false}
            dataSource={order.items}
            data-testid="order-items"
            columns={[
              { title: t("order.item.product"), dataIndex: "productName", key: "p" },
              { title: t("order.item.sku"), dataIndex: "sku", key: "s", width: 110, render: (v: string) => v || none },
              { title: t("order.item.category"), dataIndex: "category", key: "c", width: 100, render: (v: string) => v || none },
              { title: t("order.item.quantity"), dataIndex: "quantity", key: "q", width: 70, align: "right" },
              { title: t("order.item.unitPrice"), key: "u", width: 110, align: "right", render: (_, r) => <span className="mono-num">{formatYuan(r.unitPriceFen)}</span> },
              { title: t("order.item.line"), key: "l", width: 120, align: "right", render: (_, r) => <span className="mono-num">{formatYuan(r.lineFen)}</span> },
            ]}
          />
          <div className="order-amounts" data-testid="order-amounts">
            <AmountLine label={t("order.goods")} fen={order.goodsFen} />
            <AmountLine label={t("order.shipping")} fen={order.shippingFen} />
            <AmountLine label={t("order.discount")} fen={-order.discountFen} />
            <AmountLine label={t("order.paid")} fen={order.paidFen} strong testId="order-paid" />
            {order.refundedFen > 0 && <AmountLine label={t("order.refunded")} fen={-order.refundedFen} danger testId="order-refunded" />}
            {order.refundedFen > 0 && <AmountLine label={t("order.net")} fen={left} strong />}
          </div>
          <OrderRedemptionNote orderId={order.id} version={`${order.updatedAt}:${order.status}`} />
        </Card>
        <Card variant="borderless" title={t("order.customer")}>
          <Descriptions column={1} size="small" colon={false} labelStyle={{ width: 96 }}>
            <Descriptions.Item label={t("order.customer")}>
              {order.customer ? (
                <span data-testid="order-customer">
                  {order.customer.deleted ? (
                    <Typography.Text strong>{order.customer.name}</Typography.Text>
                  ) : (
                    <Typography.Link strong data-testid="order-customer-link" onClick={() => navigate(`/customers/${order.customer?.id}`)}>
                      {order.customer.name}
                    </Typography.Link>
                  )}
                  {order.customer.phone && <span className="mono"> · {order.customer.phone}</span>}
                  {order.customer.deleted && <Typography.Text type="secondary"> {t("order.customerDeleted")}</Typography.Text>}
                </span>
              ) : (
                <Typography.Text type="secondary">{t("orders.noCustomer")}</Typography.Text>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t("order.orderedAt")}>{formatDateTime(order.orderedAt)}</Descriptions.Item>
            <Descriptions.Item label={t("order.paidAt")}>{formatDateTime(order.paidAt) || none}</Descriptions.Item>
            <Descriptions.Item label={t("order.buyerNick")}>{order.buyerNick ?? none}</Descriptions.Item>
            <Descriptions.Item label={t("order.receiver")}>{order.receiverName ?? none}</Descriptions.Item>
            <Descriptions.Item label={t("order.receiverPhone")}>{order.receiverPhone ? <span className="mono">{order.receiverPhone}</span> : none}</Descriptions.Item>
            <Descriptions.Item label={t("order.address")}>{order.receiverAddress ?? none}</Descriptions.Item>
            <Descriptions.Item label={t("order.note")}>
              <span style={{ whiteSpace: "pre-wrap" }} data-testid="order-note">
                {order.note || none}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t("order.source")}>{order.imported ? t("order.sourceImport") : t("order.sourceManual")}</Descriptions.Item>
            <Descriptions.Item label={t("order.createdBy")}>
              {order.createdBy} · {formatDateTime(order.createdAt)}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      </div>
      {refunding && (
        <RefundModal
          order={order}
          onClose={() => setRefunding(false)}
          onDone={(o, amount) => {
            setOrder(o);
            setStatus(o.status);
            setRefunding(false);
            void message.success(t("order.refundDone", { amount: formatYuan(amount) }));
          }}
        />
      )}
    </div>
  );
}

function AmountLine({ label, fen, strong, danger, testId }: { label: string; fen: number; strong?: boolean; danger?: boolean; testId?: string }) {
  return (
    <div className="amount-line">
      <Typography.Text type={danger ? "danger" : "secondary"}>{label}</Typography.Text>
      <Typography.Text strong={strong} type={danger ? "danger" : undefined} className="mono-num" data-testid={testId}>
        {formatYuan(fen)}
      </Typography.Text>
    </div>
  );
}

function RefundModal({ order, onClose, onDone }: { order: OrderDetail; onClose: () => void; onDone: (o: OrderDetail, amountFen: number) => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const left = order.keptFen;
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const parsed = amount.trim() === "" ? null : parseYuan(amount);
  const fieldError = parsed && !parsed.ok ? t(`money.invalid.${parsed.reason}`) : null;

  const submit = async () => {
    const p = parseYuan(amount);
    if (!p.ok) {
      setError(t(`money.invalid.${p.reason}`));
      return;
    }
    setBusy(true);
    try {
      onDone(await ordersRefund(order.id, p.fen, reason.trim()), p.fen);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t("order.refundTitle", { no: order.orderNo })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t("order.refund")}
      okButtonProps={{ danger: true, loading: busy, disabled: !parsed?.ok, ...{ "data-testid": "refund-confirm" } }}
      cancelText={t("common.cancel")}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item
          label={t("order.refundAmount")}
          validateStatus={fieldError ? "error" : undefined}
          help={fieldError ?? t("order.refundLeft", { amount: formatYuan(left) })}
        >
          <Space.Compact style={{ width: "100%" }}>
            <Input value={amount} onChange={(e) => setAmount(e.target.value)} placeholder="0.00" autoFocus data-testid="refund-amount" />
            <Button onClick={() => setAmount(fenToInput(left))} data-testid="refund-all">
              {t("order.refundAll")}
            </Button>
          </Space.Compact>
        </Form.Item>
        <Form.Item label={t("order.refundReason")}>
          <Input value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t("order.refundReasonPlaceholder")} maxLength={200} data-testid="refund-reason" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} />}
    </Modal>
  );
}

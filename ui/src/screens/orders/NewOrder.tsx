import { ArrowLeftOutlined, DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, App as AntApp, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useNavigate } from "react-router-dom";
import "../../components/list/lists.css";
import { useI18n, type MessageKey } from "../../i18n";
import { CHANNELS, customersList, ordersCreate, type Channel, type OrderStatus, type Redemption, type RedemptionPreview } from "../../lib/backend";
import { formatYuan, parseYuan, type ParsedYuan } from "../../lib/money";
import { useDebounced } from "../../lib/useDebounced";
import { useErrorText } from "../../lib/useErrorText";
import { channelLabel, statusLabel } from "./labels";
import { RedeemPanel } from "./RedeemPanel";

const NEW_STATUSES: OrderStatus[] = ["paid", "completed", "shipped", "unpaid"];

interface Line {
  key: number;
  productName: string;
  sku: string;
  category: string;
  quantity: number | null;
  price: string;
}

const blankLine = (key: number): Line => ({ key, productName: "", sku: "", category: "", quantity: 1, price: "" });

/** Yuan text → fen; empty counts as 0 where `emptyIsZero`. */
function money(s: string, emptyIsZero: boolean): ParsedYuan {
  if (emptyIsZero && s.trim() === "") return { ok: true, fen: 0 };
  return parseYuan(s);
}

/** Manual order entry for in-store sales: customer by search, item lines, amounts in ¥ → exact fen. */
export function NewOrder() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const { message } = AntApp.useApp();
  const [customerId, setCustomerId] = useState<number | null>(null);
  const [customerSearch, setCustomerSearch] = useState("");
  const debouncedSearch = useDebounced(customerSearch.trim(), 250);
  const [customerOptions, setCustomerOptions] = useState<{ value: number; label: string }[]>([]);
  const [channel, setChannel] = useState<Channel>("in_store");
  const [orderNo, setOrderNo] = useState("");
  const [status, setStatus] = useState<OrderStatus>("paid");
  const [orderedAt, setOrderedAt] = useState<Dayjs | null>(null);
  const [lines, setLines] = useState<Line[]>([blankLine(1)]);
  const [shipping, setShipping] = useState("");
  const [discount, setDiscount] = useState("");
  const [paid, setPaid] = useState("");
  const [note, setNote] = useState("");
  const [submitted, setSubmitted] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [redemption, setRedemption] = useState<Redemption>({ points: 0, couponGrantId: null });
  const [redeemPreview, setRedeemPreview] = useState<RedemptionPreview | null>(null);

  useEffect(() => {
    let live = true;
    customersList({ page: 1, pageSize: 20, ...(debouncedSearch ? { search: debouncedSearch } : {}) })
      .then((p) => {
        if (!live) return;
        setCustomerOptions(p.rows.map((c) => ({ value: c.id, label: [c.name, c.phone, c.city].filter(Boolean).join(" · ") })));
      })
      .catch(() => live && setCustomerOptions([]));
    return () => {
      live = false;
    };
  }, [debouncedSearch]);

  const prices = lines.map((l) => money(l.price, false));
  const shippingFen = money(shipping, true);
  const discountFen = money(discount, true);
  const goodsFen = lines.reduce((sum, l, i) => {
    const p = prices[i];
    return sum + (p.ok && l.quantity ? p.fen * l.quantity : 0);
  }, 0);
  const dueFen = goodsFen + (shippingFen.ok ? shippingFen.fen : 0) - (discountFen.ok ? discountFen.fen : 0);
  const paidFen = paid.trim() === "" ? null : parseYuan(paid);
  // points and coupons: only for a known customer on a paid order (the core says the same)
  const canRedeem = customerId !== null && status !== "unpaid";
  const redeeming = canRedeem && (redemption.points > 0 || redemption.couponGrantId !== null);

  const moneyError = (p: ParsedYuan | null, show: boolean) => (p && !p.ok && show ? t(`money.invalid.${p.reason}` as MessageKey) : undefined);
  const setLine = (key: number, patch: Partial<Line>) => setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch } : l)));

  const submit = async () => {
    setSubmitted(true);
    setError(null);
    const items = [];
    for (const [i, l] of lines.entries()) {
      const p = prices[i];
      if (!l.productName.trim() || !l.quantity || l.quantity < 1 || !p.ok) return;
      items.push({ productName: l.productName.trim(), sku: l.sku.trim(), category: l.category.trim(), quantity: l.quantity, unitPriceFen: p.fen });
    }
    if (items.length === 0) {
      setError(t("newOrder.needItem"));
      return;
    }
    if (!shippingFen.ok || !discountFen.ok || (paidFen && !paidFen.ok)) return;
    if (dueFen < 0) {
      setError(t("newOrder.discountTooBig"));
      return;
    }
    setBusy(true);
    try {
      const order = {
        customerId,
        channel,
        orderNo: orderNo.trim(),
        status,
        ...(orderedAt ? { orderedAt: orderedAt.toDate().toISOString() } : {}),
        shippingFen: shippingFen.fen,
        discountFen: discountFen.fen,
        ...(paidFen?.ok && !redeeming ? { paidFen: paidFen.fen } : {}),
        note: note.trim(),
        items,
      };
      const id = await ordersCreate(order, redeeming ? redemption : undefined);
      void message.success(t("newOrder.saved"));
      navigate(`/orders/${id}`);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page" data-testid="page-new-order">
      <div className="page-head">
        <Space align="center" size={12}>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate("/orders")}>
            {t("order.back")}
          </Button>
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t("newOrder.title")}
            </Typography.Title>
            <Typography.Text type="secondary">{t("newOrder.subtitle")}</Typography.Text>
          </div>
        </Space>
      </div>
      <Form layout="vertical" onFinish={() => void submit()} className="new-order-form">
        <Card variant="borderless" style={{ marginBottom: 16 }}>
          <div className="form-grid">
            <Form.Item label={t("newOrder.customer")}>
              <Select
                showSearch
                allowClear
                filterOption={false}
                placeholder={t("newOrder.customerPlaceholder")}
                value={customerId ?? undefined}
                onSearch={setCustomerSearch}
                onChange={(v) => {
                  setCustomerId(v ?? null);
                  setRedemption({ points: 0, couponGrantId: null });
                }}
                options={customerOptions}
                data-testid="new-order-customer"
              />
            </Form.Item>
            <Form.Item label={t("newOrder.channel")}>
              <Select value={channel} onChange={setChannel} options={CHANNELS.map((c) => ({ value: c, label: channelLabel(t, c) }))} data-testid="new-order-channel" />
            </Form.Item>
            <Form.Item label={t("newOrder.orderNo")}>
              <Input value={orderNo} onChange={(e) => setOrderNo(e.target.value)} placeholder={t("newOrder.orderNoPlaceholder")} maxLength={64} data-testid="new-order-no" />
            </Form.Item>
            <Form.Item label={t("newOrder.status")}>
              <Select value={status} onChange={setStatus} options={NEW_STATUSES.map((s) => ({ value: s, label: statusLabel(t, s) }))} data-testid="new-order-status" />
            </Form.Item>
            <Form.Item label={t("newOrder.orderedAt")}>
              <DatePicker showTime={{ format: "HH:mm" }} format="YYYY-MM-DD HH:mm" value={orderedAt} onChange={setOrderedAt} placeholder={t("newOrder.orderedAtPlaceholder")} style={{ width: "100%" }} />
            </Form.Item>
          </div>
        </Card>
        <Card variant="borderless" title={t("newOrder.items")} style={{ marginBottom: 16 }}>
          {lines.map((l, i) => {
            const priceErr = submitted || l.price.trim() !== "" ? moneyError(prices[i], true) : undefined;
            return (
              <div className="item-line" key={l.key} data-testid="new-order-line">
                <Form.Item
                  label={i === 0 ? t("newOrder.product") : undefined}
                  validateStatus={submitted && !l.productName.trim() ? "error" : undefined}
                  help={submitted && !l.productName.trim() ? t("newOrder.productRequired") : undefined}
                  style={{ flex: 3 }}
                >
                  <Input value={l.productName} onChange={(e) => setLine(l.key, { productName: e.target.value })} maxLength={200} data-testid="line-product" />
                </Form.Item>
                <Form.Item label={i === 0 ? t("newOrder.sku") : undefined} style={{ flex: 1.4 }}>
                  <Input value={l.sku} onChange={(e) => setLine(l.key, { sku: e.target.value })} maxLength={64} />
                </Form.Item>
                <Form.Item label={i === 0 ? t("newOrder.category") : undefined} style={{ flex: 1.4 }}>
                  <Input value={l.category} onChange={(e) => setLine(l.key, { category: e.target.value })} maxLength={64} data-testid="line-category" />
                </Form.Item>
                <Form.Item
                  label={i === 0 ? t("newOrder.quantity") : undefined}
                  validateStatus={submitted && !(l.quantity && l.quantity >= 1) ? "error" : undefined}
                  help={submitted && !(l.quantity && l.quantity >= 1) ? t("newOrder.quantityRequired") : undefined}
                  style={{ width: 96 }}
                >
                  <InputNumber min={1} precision={0} value={l.quantity} onChange={(v) => setLine(l.key, { quantity: v })} style={{ width: "100%" }} data-testid="line-quantity" />
                </Form.Item>
                <Form.Item label={i === 0 ? t("newOrder.unitPrice") : undefined} validateStatus={priceErr ? "error" : undefined} help={priceErr} style={{ width: 130 }}>
                  <Input value={l.price} onChange={(e) => setLine(l.key, { price: e.target.value })} placeholder="0.00" data-testid="line-price" />
                </Form.Item>
                <Form.Item label={i === 0 ? " " : undefined} style={{ width: 40 }}>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={t("newOrder.removeItem")}
                    disabled={lines.length === 1}
                    onClick={() => setLines((ls) => ls.filter((x) => x.key !== l.key))}
                  />
                </Form.Item>
              </div>
            );
          })}
          <Button icon={<PlusOutlined />} onClick={() => setLines((ls) => [...ls, blankLine(Math.max(...ls.map((x) => x.key)) + 1)])} data-testid="new-order-add-line">
            {t("newOrder.addItem")}
          </Button>
        </Card>
        <Card variant="borderless" style={{ marginBottom: 16 }}>
          <div className="form-grid">
            <Form.Item label={t("newOrder.shipping")} validateStatus={moneyError(shippingFen, true) ? "error" : undefined} help={moneyError(shippingFen, true)}>
              <Input value={shipping} onChange={(e) => setShipping(e.target.value)} placeholder="0.00" data-testid="new-order-shipping" />
            </Form.Item>
            <Form.Item label={t("newOrder.discount")} validateStatus={moneyError(discountFen, true) ? "error" : undefined} help={moneyError(discountFen, true)}>
              <Input value={discount} onChange={(e) => setDiscount(e.target.value)} placeholder="0.00" data-testid="new-order-discount" />
            </Form.Item>
            <Form.Item label={t("newOrder.paid")} validateStatus={moneyError(paidFen, true) ? "error" : undefined} help={moneyError(paidFen, true)}>
              <Input
                value={redeeming ? "" : paid}
                disabled={redeeming}
                onChange={(e) => setPaid(e.target.value)}
                placeholder={
                  redeeming && redeemPreview
                    ? t("newOrder.paidRedeemed", { amount: formatYuan(redeemPreview.toPayFen) })
                    : t("newOrder.paidPlaceholder", { amount: formatYuan(Math.max(dueFen, 0)) })
                }
                data-testid="new-order-paid"
              />
            </Form.Item>
          </div>
          <Form.Item label={t("newOrder.note")}>
            <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={500} />
          </Form.Item>
          <div className="order-amounts">
            <div className="amount-line">
              <Typography.Text type="secondary">{t("newOrder.goodsTotal")}</Typography.Text>
              <Typography.Text className="mono-num" data-testid="new-order-goods">
                {formatYuan(goodsFen)}
              </Typography.Text>
            </div>
            <div className="amount-line">
              <Typography.Text type="secondary">{t("newOrder.due")}</Typography.Text>
              <Typography.Text strong className="mono-num" data-testid="new-order-due">
                {formatYuan(dueFen)}
              </Typography.Text>
            </div>
          </div>
        </Card>
        {canRedeem && customerId !== null && (
          <RedeemPanel
            customerId={customerId}
            channel={channel}
            goodsFen={goodsFen}
            shippingFen={shippingFen.ok ? shippingFen.fen : 0}
            discountFen={discountFen.ok ? discountFen.fen : 0}
            value={redemption}
            onChange={setRedemption}
            onPreview={setRedeemPreview}
          />
        )}
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="new-order-error" />}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="new-order-save">
            {t("newOrder.save")}
          </Button>
          <Button onClick={() => navigate("/orders")}>{t("common.cancel")}</Button>
        </Space>
      </Form>
    </div>
  );
}

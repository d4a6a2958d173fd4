// "New ticket" from anywhere (Ctrl+N, or openNewTicket()): built for reps on the phone. Typing a
// phone fragment or a name finds the customer as you type (the core's `search`, as Ctrl+K does);
// ↑↓ + Enter picks, or Enter with no match creates the customer inline. Then Tab through type,
// channel, priority (defaults by type), subject, description, and the optional order (the
// customer's recent orders), assignee (active users from the core; default unassigned) and tags
// (tags in use as suggestions); Ctrl+Enter saves from any field.
import { UserAddOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, App, Button, Form, Input, Modal, Select, Space, Tag, Typography, type InputRef } from "antd";
import { useCallback, useEffect, useRef, useState } from "react";
import { useNavigate } from "react-router-dom";
import { useI18n } from "../../i18n";
import {
  customersCreate,
  customersOrders,
  defaultPriority,
  PRIORITIES,
  search,
  TICKET_CHANNELS,
  TICKET_TYPES,
  ticketsAssignees,
  ticketsCreate,
  ticketsTags,
  type Assignee,
  type Priority,
  type OrderRow,
  type SearchCustomerHit,
  type TicketChannel,
  type TicketType,
} from "../../lib/backend";
import { useApp } from "../../lib/appContext";
import { formatDateTime } from "../../lib/format";
import { formatYuan } from "../../lib/money";
import { useErrorText } from "../../lib/useErrorText";
import { announceChange } from "./changes";
import { assigneeOptions, NOBODY } from "./assignees";
import { lbl } from "./labels";

const OPEN_EVENT = "laoke:new-ticket";
const DEBOUNCE_MS = 120;

/** Opens the dialog (optionally for a known customer). */
export function openNewTicket(customer?: { id: number; name: string }): void {
  window.dispatchEvent(new CustomEvent(OPEN_EVENT, { detail: customer ?? null }));
}

/** Ctrl+N (⌘N) from anywhere opens the dialog; mounted once in the main layout. */
export function NewTicketHost() {
  const [open, setOpen] = useState(false);
  const [preset, setPreset] = useState<{ id: number; name: string } | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const show = (customer: { id: number; name: string } | null) => {
      setPreset(customer);
      setGeneration((g) => g + 1);
      setOpen(true);
    };
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === "n") {
        e.preventDefault();
        show(null);
      }
    };
    const onOpen = (e: Event) => show((e as CustomEvent<{ id: number; name: string } | null>).detail);
    window.addEventListener("keydown", onKey);
    window.addEventListener(OPEN_EVENT, onOpen);
    return () => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener(OPEN_EVENT, onOpen);
    };
  }, []);

  return <NewTicketDialog key={generation} open={open} preset={preset} onClose={() => setOpen(false)} />;
}

const onlyDigits = (s: string) => /^[\d\s+-]+$/.test(s);

export function NewTicketDialog({
  open,
  preset,
  onClose,
}: {
  open: boolean;
  preset: { id: number; name: string } | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const findRef = useRef<InputRef>(null);
  const typeRef = useRef<{ focus: () => void } | null>(null);
  const [find, setFind] = useState("");
  const [hits, setHits] = useState<SearchCustomerHit[] | null>(null);
  const [active, setActive] = useState(0);
  const [customer, setCustomer] = useState<{ id: number; name: string } | null>(preset);
  const [creating, setCreating] = useState<{ name: string; phone: string } | null>(null);
  const [ticketType, setTicketType] = useState<TicketType>("complaint");
  const [channel, setChannel] = useState<TicketChannel>("phone");
  const [priority, setPriority] = useState<Priority>("p2");
  const [subject, setSubject] = useState("");
  const [description, setDescription] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const latest = useRef(0);
  const me = useApp().status.session?.userId ?? NOBODY;
  const [assignees, setAssignees] = useState<Assignee[]>([]);
  const [assignee, setAssignee] = useState<number>(NOBODY);
  const [knownTags, setKnownTags] = useState<string[]>([]);
  const [tags, setTags] = useState<string[]>([]);
  const [orders, setOrders] = useState<OrderRow[] | null>(null);
  const [orderId, setOrderId] = useState<number | null>(null);

  // The pickers' lists: once per opening.
  useEffect(() => {
    if (!open) return;
    ticketsAssignees()
      .then(setAssignees)
      .catch(() => setAssignees([]));
    ticketsTags()
      .then(setKnownTags)
      .catch(() => setKnownTags([]));
  }, [open]);

  // The chosen customer's recent orders (newest first), for the optional order.
  useEffect(() => {
    setOrderId(null);
    if (!customer) {
      setOrders(null);
      return;
    }
    let live = true;
    customersOrders(customer.id, 1)
      .then((p) => live && setOrders(p.rows))
      .catch(() => live && setOrders([]));
    return () => {
      live = false;
    };
  }, [customer]);

  // Focus where the rep starts typing.
  useEffect(() => {
    if (!open) return;
    const id = window.setTimeout(() => (customer ? typeRef.current?.focus() : findRef.current?.focus()), 60);
    return () => window.clearTimeout(id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  useEffect(() => {
    const q = find.trim();
    if (!q || customer) {
      setHits(null);
      return;
    }
    const id = ++latest.current;
    const timer = window.setTimeout(() => {
      search({ query: q })
        .then((r) => {
          if (id !== latest.current) return;
          setHits(r.customers);
          setActive(0);
        })
        .catch((e: unknown) => id === latest.current && setError(errorText(e)));
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [find, customer, errorText]);

  const pick = useCallback((c: { id: number; name: string }) => {
    setCustomer(c);
    setCreating(null);
    setHits(null);
    setError(null);
    window.setTimeout(() => typeRef.current?.focus(), 30);
  }, []);

  const startCreate = () => {
    const q = find.trim();
    setCreating(onlyDigits(q) ? { name: "", phone: q.replace(/\s/g, "") } : { name: q, phone: "" });
  };

  const createCustomer = async () => {
    if (!creating) return;
    setBusy(true);
    try {
      const id = await customersCreate({
        name: creating.name.trim(),
        gender: "unknown",
        birthday: null,
        phones: creating.phone.trim() ? [creating.phone.trim()] : [],
        email: null,
        wechatId: null,
        qq: null,
        nicks: [],
        province: null,
        city: null,
        address: null,
        sourceChannel: null,
        tags: [],
        notes: "",
      });
      pick({ id, name: creating.name.trim() });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const onFindKey = (e: React.KeyboardEvent<HTMLInputElement>) => {
    const list = hits ?? [];
    if (e.key === "ArrowDown" && list.length) {
      e.preventDefault();
      setActive((a) => (a + 1) % list.length);
    } else if (e.key === "ArrowUp" && list.length) {
      e.preventDefault();
      setActive((a) => (a - 1 + list.length) % list.length);
    } else if (e.key === "Enter" && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      if (list.length) pick(list[Math.min(active, list.length - 1)]);
      else if (hits && find.trim()) startCreate();
    }
  };

  const save = async () => {
    if (busy) return;
    if (!customer) {
      setError(t("newTicket.needCustomer"));
      findRef.current?.focus();
      return;
    }
    if (!subject.trim()) {
      setError(t("newTicket.needSubject"));
      return;
    }
    setBusy(true);
    try {
      const id = await ticketsCreate({
        customerId: customer.id,
        ticketType,
        channel,
        priority,
        subject: subject.trim(),
        description,
        orderId,
        assigneeId: assignee === NOBODY ? null : assignee,
        tags,
      });
      const no = `T${String(id).padStart(6, "0")}`;
      void message.success(t("newTicket.created", { no }));
      announceChange();
      onClose();
      navigate(`/tickets/${id}`);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const onKeyDownCapture = (e: React.KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && e.key === "Enter") {
      e.preventDefault();
      e.stopPropagation();
      if (creating && !customer) void createCustomer();
      else void save();
    }
  };

  return (
    <Modal
      open={open}
      title={t("newTicket.title")}
      onCancel={onClose}
      width={800}
      destroyOnHidden
      footer={
        <Space style={{ width: "100%", justifyContent: "space-between" }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t("newTicket.keys")}
          </Typography.Text>
          <Space>
            <Button onClick={onClose}>{t("common.cancel")}</Button>
            <Button type="primary" loading={busy} onClick={() => void save()} data-testid="new-ticket-save">
              {t("newTicket.save")}
            </Button>
          </Space>
        </Space>
      }
    >
      <div onKeyDownCapture={onKeyDownCapture} data-testid="new-ticket">
        <Form layout="vertical" component="div">
          <Form.Item label={t("newTicket.customer")} style={{ marginBottom: 12 }}>
            {customer ? (
              <Space>
                <Tag icon={<UserOutlined />} color="green" style={{ fontSize: 14, padding: "2px 8px" }} data-testid="new-ticket-customer-picked">
                  {customer.name}
                </Tag>
                <Button
                  size="small"
                  type="link"
                  tabIndex={-1}
                  onClick={() => {
                    setCustomer(null);
                    window.setTimeout(() => findRef.current?.focus(), 30);
                  }}
                >
                  {t("newTicket.change")}
                </Button>
              </Space>
            ) : (
              <>
                <Input
                  ref={findRef}
                  value={find}
                  onChange={(e) => {
                    setFind(e.target.value);
                    setCreating(null);
                  }}
                  onKeyDown={onFindKey}
                  placeholder={t("newTicket.customerPlaceholder")}
                  data-testid="new-ticket-find"
                  autoComplete="off"
                />
                {hits && hits.length > 0 && (
                  <div className="gs-panel" style={{ position: "static", marginTop: 4, boxShadow: "none" }} role="listbox">
                    {hits.slice(0, 8).map((h, i) => (
                      <div
                        key={h.id}
                        role="option"
                        aria-selected={i === active}
                        className={`gs-item${i === active ? " gs-item-active" : ""}`}
                        onMouseEnter={() => setActive(i)}
                        onMouseDown={(e) => e.preventDefault()}
                        onClick={() => pick(h)}
                        data-testid="new-ticket-hit"
                      >
                        <UserOutlined className="gs-icon" />
                        <div className="gs-main">
                          <div className="gs-title">
                            <Typography.Text strong>{h.name}</Typography.Text>
                            {h.phone && <span className="mono gs-sub">{h.phone}</span>}
                          </div>
                          <div className="gs-meta">{[h.province, h.city].filter(Boolean).join(" ")}</div>
                        </div>
                      </div>
                    ))}
                  </div>
                )}
                {hits && hits.length === 0 && !creating && (
                  <Typography.Text type="secondary" style={{ display: "block", marginTop: 4 }} data-testid="new-ticket-nomatch">
                    {t("newTicket.noMatch")}
                  </Typography.Text>
                )}
                {creating && (
                  <Space style={{ marginTop: 8 }} wrap>
                    <Input
                      autoFocus={!creating.name}
                      value={creating.name}
                      placeholder={t("cust.field.name")}
                      onChange={(e) => setCreating({ ...creating, name: e.target.value })}
                      onPressEnter={() => void createCustomer()}
                      style={{ width: 180 }}
                      data-testid="new-ticket-create-name"
                    />
                    <Input
                      autoFocus={!!creating.name}
                      value={creating.phone}
                      placeholder={t("newTicket.createPhone")}
                      onChange={(e) => setCreating({ ...creating, phone: e.target.value })}
                      onPressEnter={() => void createCustomer()}
                      style={{ width: 200 }}
                      data-testid="new-ticket-create-phone"
                    />
                    <Button icon={<UserAddOutlined />} onClick={() => void createCustomer()} loading={busy} data-testid="new-ticket-create">
                      {t("newTicket.createCustomer", { name: creating.name || "…" })}
                    </Button>
                  </Space>
                )}
              </>
            )}
          </Form.Item>
          <Space size={12} style={{ display: "flex" }} align="start">
            <Form.Item label={t("newTicket.type")} style={{ marginBottom: 12 }}>
              <Select
                ref={(r) => {
                  typeRef.current = r;
                }}
                value={ticketType}
                onChange={(v: TicketType) => {
                  setTicketType(v);
                  setPriority(defaultPriority(v));
                }}
                style={{ width: 150 }}
                options={TICKET_TYPES.map((c) => ({ value: c, label: lbl(t, "ticketType", c) }))}
                data-testid="new-ticket-type"
              />
            </Form.Item>
            <Form.Item label={t("newTicket.channel")} style={{ marginBottom: 12 }}>
              <Select
                value={channel}
                onChange={setChannel}
                style={{ width: 120 }}
                options={TICKET_CHANNELS.map((c) => ({ value: c, label: lbl(t, "ticketChannel", c) }))}
                data-testid="new-ticket-channel"
              />
            </Form.Item>
            <Form.Item label={t("newTicket.priority")} style={{ marginBottom: 12 }}>
              <Select
                value={priority}
                onChange={setPriority}
                style={{ width: 170 }}
                options={PRIORITIES.map((c) => ({ value: c, label: lbl(t, "priority", c) }))}
                data-testid="new-ticket-priority"
              />
            </Form.Item>
          </Space>
          <Form.Item label={t("newTicket.subject")} style={{ marginBottom: 12 }} required>
            <Input
              value={subject}
              onChange={(e) => setSubject(e.target.value)}
              placeholder={t("newTicket.subjectPlaceholder")}
              maxLength={200}
              data-testid="new-ticket-subject"
            />
          </Form.Item>
          <Form.Item label={t("newTicket.description")} style={{ marginBottom: 8 }}>
            <Input.TextArea
              value={description}
              onChange={(e) => setDescription(e.target.value)}
              autoSize={{ minRows: 3, maxRows: 8 }}
              data-testid="new-ticket-description"
            />
          </Form.Item>
          <Space size={12} style={{ display: "flex" }} align="start" wrap>
            <Form.Item label={t("newTicket.order")} style={{ marginBottom: 8 }}>
              <Select<number | null>
                value={orderId}
                onChange={setOrderId}
                style={{ width: 400 }}
                popupMatchSelectWidth={false}
                disabled={!orders || orders.length === 0}
                placeholder={!customer ? t("newTicket.orderPick") : orders && orders.length === 0 ? t("newTicket.noOrders") : undefined}
                options={
                  orders && orders.length > 0
                    ? [
                        { value: null, label: t("newTicket.orderNone") },
                        ...orders.map((o) => ({
                          value: o.id,
                          label: `${o.orderNo} · ${formatDateTime(o.orderedAt).slice(0, 10)} · ${formatYuan(o.paidFen)}`,
                        })),
                      ]
                    : []
                }
                data-testid="new-ticket-order"
              />
            </Form.Item>
            <Form.Item label={t("newTicket.assignee")} style={{ marginBottom: 8 }}>
              <Select<number>
                value={assignee}
                onChange={setAssignee}
                style={{ width: 150 }}
                options={assigneeOptions(t, assignees, me)}
                showSearch
                optionFilterProp="label"
                data-testid="new-ticket-assignee"
              />
            </Form.Item>
            <Form.Item label={t("newTicket.tags")} style={{ marginBottom: 8 }}>
              <Select<string[]>
                mode="tags"
                value={tags}
                onChange={setTags}
                style={{ width: 170 }}
                placeholder={t("newTicket.tagsPlaceholder")}
                options={knownTags.map((x) => ({ value: x, label: x }))}
                tokenSeparators={[",", "，"]}
                maxTagTextLength={30}
                data-testid="new-ticket-tags"
              />
            </Form.Item>
          </Space>
        </Form>
        {error && <Alert type="error" showIcon message={error} data-testid="new-ticket-error" />}
      </div>
    </Modal>
  );
}

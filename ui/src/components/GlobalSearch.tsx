// The global search box in the header: Ctrl+K (⌘K) focuses it from anywhere; results come as
// you type (debounced), grouped customers / orders, the matched part highlighted; arrow keys
// move, Enter opens, Esc closes. Matching and masking happen in the core (`search` command).
import { SearchOutlined, ShoppingOutlined, UserOutlined } from "@ant-design/icons";
import { Input, Spin, Tag, Typography, type InputRef } from "antd";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useNavigate, type NavigateFunction } from "react-router-dom";
import { hasKey, useI18n, type MessageKey } from "../i18n";
import { search, type SearchCustomerHit, type SearchOrderHit, type SearchResults } from "../lib/backend";
import { formatDateTime } from "../lib/format";
import { useErrorText } from "../lib/useErrorText";

const DEBOUNCE_MS = 150;

type Hit = { kind: "customer"; hit: SearchCustomerHit } | { kind: "order"; hit: SearchOrderHit };

/** Where picking a result goes. One place, so it can point at the customer 360 page later. */
export function openSearchHit(navigate: NavigateFunction, h: Hit): void {
  if (h.kind === "customer") {
    navigate(`/customers/${h.hit.id}`);
  } else {
    navigate(`/orders/${h.hit.id}`);
  }
}

/** `text` with the first occurrence of `query` (case-insensitive) in <mark>. */
export function highlight(text: string, query: string): ReactNode {
  const at = query ? text.toLowerCase().indexOf(query.toLowerCase()) : -1;
  if (at < 0) return text;
  return (
    <>
      {text.slice(0, at)}
      <mark className="gs-mark">{text.slice(at, at + query.length)}</mark>
      {text.slice(at + query.length)}
    </>
  );
}

function yuan(fen: number): string {
  return `¥${(fen / 100).toFixed(2)}`;
}

export function GlobalSearch() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const inputRef = useRef<InputRef>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [results, setResults] = useState<SearchResults | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const latest = useRef(0);

  // Ctrl+K / ⌘K from anywhere.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "k") {
        e.preventDefault();
        inputRef.current?.focus({ cursor: "all" });
        setOpen(true);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  // Close when clicking elsewhere.
  useEffect(() => {
    const onDown = (e: MouseEvent) => {
      if (boxRef.current && !boxRef.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", onDown);
    return () => document.removeEventListener("mousedown", onDown);
  }, []);

  // Search as you type, debounced; only the latest answer is shown.
  useEffect(() => {
    const q = text.trim();
    if (!q) {
      setResults(null);
      setLoading(false);
      setError(null);
      return;
    }
    const id = ++latest.current;
    setLoading(true);
    const timer = window.setTimeout(() => {
      search({ query: q })
        .then((r) => {
          if (id !== latest.current) return;
          setResults(r);
          setError(null);
          setActive(0);
        })
        .catch((e: unknown) => id === latest.current && setError(errorText(e)))
        .finally(() => id === latest.current && setLoading(false));
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text, errorText]);

  const hits = useMemo<Hit[]>(
    () => [
      ...(results?.customers ?? []).map((hit) => ({ kind: "customer" as const, hit })),
      ...(results?.orders ?? []).map((hit) => ({ kind: "order" as const, hit })),
    ],
    [results],
  );

  const pick = useCallback(
    (h: Hit) => {
      setOpen(false);
      inputRef.current?.blur();
      openSearchHit(navigate, h);
    },
    [navigate],
  );

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Escape") {
      setOpen(false);
      inputRef.current?.blur();
      return;
    }
    if (!hits.length) return;
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (a + 1) % hits.length);
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((a) => (a - 1 + hits.length) % hits.length);
    } else if (e.key === "Enter") {
      e.preventDefault();
      pick(hits[Math.min(active, hits.length - 1)]);
    }
  };

  const label = (key: string, fallback: string) => (hasKey(key) ? t(key as MessageKey) : fallback);
  const q = results?.query ?? text.trim();
  const fieldLabel = (f: string) => label(`search.field.${f}`, f);

  const row = (h: Hit, index: number) => {
    const selected = index === active;
    const key = `${h.kind}-${h.hit.id}`;
    const common = {
      role: "option" as const,
      "aria-selected": selected,
      className: `gs-item${selected ? " gs-item-active" : ""}`,
      onMouseEnter: () => setActive(index),
      onMouseDown: (e: React.MouseEvent) => e.preventDefault(),
      onClick: () => pick(h),
    };
    if (h.kind === "customer") {
      const c = h.hit;
      const showsMatch = c.matched.field !== "name";
      return (
        <div key={key} {...common} data-testid="global-search-customer">
          <UserOutlined className="gs-icon" />
          <div className="gs-main">
            <div className="gs-title">
              <Typography.Text strong>{c.matched.field === "name" ? highlight(c.name, q) : c.name}</Typography.Text>
              {c.phone && <span className="mono gs-sub">{c.matched.field === "phone" ? highlight(c.phone, q) : c.phone}</span>}
            </div>
            <div className="gs-meta">
              {showsMatch && c.matched.field !== "phone" && (
                <span>
                  {fieldLabel(c.matched.field)}：{highlight(c.matched.text, q)}
                </span>
              )}
              {[c.province, c.city].filter((x, i, all) => x && all.indexOf(x) === i).join(" ")}
              {c.ordersCount > 0 && <span>{t("search.ordersCount", { n: c.ordersCount })}</span>}
            </div>
          </div>
        </div>
      );
    }
    const o = h.hit;
    return (
      <div key={key} {...common} data-testid="global-search-order">
        <ShoppingOutlined className="gs-icon" />
        <div className="gs-main">
          <div className="gs-title">
            <span className="mono">{highlight(o.orderNo, q)}</span>
            <Tag bordered={false}>{label(`search.channel.${o.channel}`, o.channel)}</Tag>
          </div>
          <div className="gs-meta">
            <span>{o.customerName ?? t("common.none")}</span>
            <span>{label(`search.status.${o.status}`, o.status)}</span>
            <span className="mono-num">{yuan(o.paidFen)}</span>
            <span className="mono-num">{formatDateTime(o.orderedAt)}</span>
          </div>
        </div>
      </div>
    );
  };

  const customers = hits.filter((h) => h.kind === "customer");
  const orders = hits.filter((h) => h.kind === "order");
  const showPanel = open && text.trim().length > 0;

  return (
    <div className="gs-box" ref={boxRef}>
      <Input
        ref={inputRef}
        value={text}
        allowClear
        size="middle"
        prefix={<SearchOutlined style={{ color: "#8c8c8c" }} />}
        suffix={!text && <kbd className="gs-kbd">Ctrl K</kbd>}
        placeholder={t("search.placeholder")}
        aria-label={t("search.placeholder")}
        data-testid="global-search"
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
      />
      {showPanel && (
        <div className="gs-panel" role="listbox" data-testid="global-search-results">
          {error && <div className="gs-empty">{error}</div>}
          {!error && loading && !results && (
            <div className="gs-empty">
              <Spin size="small" /> {t("search.searching")}
            </div>
          )}
          {!error && results && hits.length === 0 && !loading && <div className="gs-empty">{t("search.empty")}</div>}
          {!error && customers.length > 0 && (
            <>
              <div className="gs-group">{t("search.customers", { n: customers.length })}</div>
              {customers.map((h) => row(h, hits.indexOf(h)))}
            </>
          )}
          {!error && orders.length > 0 && (
            <>
              <div className="gs-group">{t("search.orders", { n: orders.length })}</div>
              {orders.map((h) => row(h, hits.indexOf(h)))}
            </>
          )}
          {!error && results && hits.length > 0 && <div className="gs-hint">{t("search.hint")}</div>}
        </div>
      )}
    </div>
  );
}

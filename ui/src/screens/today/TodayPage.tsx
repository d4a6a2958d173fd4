// "Today": what a rep should do now, from one core call (care::today) — follow-ups due, tickets
// due soon / past due, unpaid orders to chase (the 催付 schedule), points expiring within 7 and
// within 30 days (the first reminder), coupons expiring within 7 days, birthdays in the next 7 days —
// each with one click to log the contact. Counts are exact; sections show the first 50 rows.
import { CalendarOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Empty, List, Space, Spin, Tag, Typography } from "antd";
import { useCallback, useEffect, useState, type ReactNode } from "react";
import { Link, useNavigate } from "react-router-dom";
import { useI18n } from "../../i18n";
import { today as loadToday, type Today, type TicketRow } from "../../lib/backend";
import { formatDateTime } from "../../lib/format";
import { formatYuan } from "../../lib/money";
import { useErrorText } from "../../lib/useErrorText";
import { useOnChange } from "../tickets/changes";
import { Clock, lbl, PriorityTag } from "../tickets/labels";
import { rowClock } from "../tickets/sla";
import { FollowUpDialog, type FollowUpTarget } from "./FollowUpDialog";

const SECTION_ROWS = 50;

/** A due-list section; `all` links to the whole list, opened filtered to what the section shows. */
function Section({ title, count, shown, testId, all, children }: { title: string; count: number; shown: number; testId: string; all?: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Card
      variant="borderless"
      title={
        <Space>
          {title}
          <span
            style={{ display: "inline-block", minWidth: 22, padding: "0 7px", borderRadius: 11, fontSize: 12, lineHeight: "22px", textAlign: "center", color: "#fff", background: count ? "#0f766e" : "#bfbfbf" }}
            data-testid={`${testId}-count`}
          >
            {count}
          </span>
        </Space>
      }
      extra={
        <Space>
          {count > shown && <Typography.Text type="secondary">{t("today.firstRows", { n: shown })}</Typography.Text>}
          {all && count > 0 && (
            <Link to={all} data-testid={`${testId}-all`}>
              {t("today.seeAll")}
            </Link>
          )}
        </Space>
      }
      style={{ marginBottom: 16 }}
      data-testid={testId}
    >
      {count === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("today.empty")} /> : children}
    </Card>
  );
}

export function TodayPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const [data, setData] = useState<Today | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [logging, setLogging] = useState<FollowUpTarget | null>(null);

  const load = useCallback(() => {
    loadToday()
      .then((d) => {
        setData(d);
        setError(null);
      })
      .catch((e: unknown) => setError(errorText(e)));
  }, [errorText]);
  useEffect(load, [load]);
  useOnChange(load);

  const logBtn = (target: FollowUpTarget) => (
    <Button size="small" type="link" onClick={() => setLogging(target)} data-testid="today-log">
      {t("today.log")}
    </Button>
  );

  const ticketList = (rows: TicketRow[]) => (
    <List
      size="small"
      dataSource={rows}
      renderItem={(r) => (
        <List.Item
          actions={[
            <Button key="open" size="small" type="link" onClick={() => navigate(`/tickets/${r.id}`)}>
              {t("today.open")}
            </Button>,
            logBtn({ customerId: r.customerId, customerName: r.customerName, kind: "revisit", ticketId: r.id }),
          ]}
          data-testid="today-ticket"
        >
          <Space wrap>
            <PriorityTag t={t} priority={r.priority} />
            <Link to={`/tickets/${r.id}`} className="mono">
              {r.no}
            </Link>
            <Typography.Text>{r.subject}</Typography.Text>
            <Typography.Text type="secondary">{r.customerName}</Typography.Text>
            <Clock view={rowClock(t, r, Date.now())} />
          </Space>
        </List.Item>
      )}
    />
  );

  if (error) {
    return (
      <div className="page" data-testid="page-today">
        <Alert type="error" showIcon message={error} />
      </div>
    );
  }
  if (!data) {
    return (
      <div className="page boot" data-testid="page-today">
        <Spin />
      </div>
    );
  }
  const c = data.counts;
  return (
    <div className="page" data-testid="page-today">
      <div className="page-head">
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t("today.title")}
          </Typography.Title>
          <Typography.Text type="secondary">
            <CalendarOutlined /> {data.day}
          </Typography.Text>
        </div>
      </div>
      {data.holidaysUnpublished.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="today-holidays-unpublished"
          message={t("today.holidayUnpublished", {
            name: lang === "en" ? data.holidaysUnpublished[0].nameEn : data.holidaysUnpublished[0].name,
            day: data.holidaysUnpublished[0].day,
          })}
        />
      )}
      <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(420px, 1fr))", gap: 16, alignItems: "start" }}>
        <div>
          <Section title={t("today.slaBreached")} count={c.slaBreached} shown={Math.min(c.slaBreached, SECTION_ROWS)} testId="today-breached" all="/tickets?queue=breached">
            {ticketList(data.slaBreached)}
          </Section>
          <Section title={t("today.slaDueSoon")} count={c.slaDueSoon} shown={Math.min(c.slaDueSoon, SECTION_ROWS)} testId="today-due-soon" all="/tickets?queue=due_soon">
            {ticketList(data.slaDueSoon)}
          </Section>
          <Section title={t("today.followUps")} count={c.followUps} shown={Math.min(c.followUps, SECTION_ROWS)} testId="today-followups">
            <List
              size="small"
              dataSource={data.followUps}
              renderItem={(f) => (
                <List.Item actions={[logBtn({ customerId: f.customerId, customerName: f.customerName, kind: f.kind })]} data-testid="today-followup">
                  <Space wrap>
                    <Tag color="cyan" bordered={false}>
                      {lbl(t, "followUpKind", f.kind)}
                    </Tag>
                    <Link to={`/customers/${f.customerId}`}>{f.customerName}</Link>
                    <Typography.Text type="secondary">{f.nextContactOn}</Typography.Text>
                    {f.notes && <Typography.Text type="secondary">{f.notes}</Typography.Text>}
                  </Space>
                </List.Item>
              )}
            />
          </Section>
        </div>
        <div>
          <Section title={t("today.unpaid")} count={c.unpaidOrders} shown={Math.min(c.unpaidOrders, SECTION_ROWS)} testId="today-unpaid" all="/orders?status=unpaid">
            <List
              size="small"
              dataSource={data.unpaidOrders}
              renderItem={(o) => (
                <List.Item
                  actions={
                    o.customerId !== null
                      ? [logBtn({ customerId: o.customerId, customerName: o.customerName ?? "", kind: "payment", orderId: o.orderId })]
                      : []
                  }
                  data-testid="today-unpaid-order"
                >
                  <Space wrap>
                    <Link to={`/orders/${o.orderId}`} className="mono">
                      {o.orderNo}
                    </Link>
                    <Typography.Text>{o.customerName ?? t("today.noCustomer")}</Typography.Text>
                    <span className="mono-num">{formatYuan(o.goodsFen)}</span>
                    <Tag color="gold" bordered={false}>
                      {t("today.step", { n: o.step })}
                    </Tag>
                    <Typography.Text type="secondary">{t("today.closesAt", { t: formatDateTime(o.closesAt) })}</Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          </Section>
          <Section title={t("today.pointsExpiring")} count={c.pointsExpiring} shown={Math.min(c.pointsExpiring, SECTION_ROWS)} testId="today-points-expiring">
            <List
              size="small"
              dataSource={data.pointsExpiring}
              renderItem={(x) => (
                <List.Item actions={[logBtn({ customerId: x.customerId, customerName: x.customerName, kind: "care" })]} data-testid="today-points-row">
                  <Space wrap>
                    <Link to={`/customers/${x.customerId}`}>{x.customerName}</Link>
                    <span className="mono-num">{t("today.points", { n: x.points.toLocaleString() })}</span>
                    <Typography.Text type="secondary">{t("today.expiresOn", { day: formatDateTime(x.expiresAt).slice(0, 10) })}</Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          </Section>
          <Section title={t("today.pointsExpiring30")} count={c.pointsExpiring30} shown={Math.min(c.pointsExpiring30, SECTION_ROWS)} testId="today-points-expiring-30">
            <List
              size="small"
              dataSource={data.pointsExpiring30}
              renderItem={(x) => (
                <List.Item actions={[logBtn({ customerId: x.customerId, customerName: x.customerName, kind: "care" })]} data-testid="today-points-30-row">
                  <Space wrap>
                    <Link to={`/customers/${x.customerId}`}>{x.customerName}</Link>
                    <span className="mono-num">{t("today.points", { n: x.points.toLocaleString() })}</span>
                    <Typography.Text type="secondary">{t("today.expiresOn", { day: formatDateTime(x.expiresAt).slice(0, 10) })}</Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          </Section>
          <Section title={t("today.couponsExpiring")} count={c.couponsExpiring} shown={Math.min(c.couponsExpiring, SECTION_ROWS)} testId="today-coupons-expiring">
            <List
              size="small"
              dataSource={data.couponsExpiring}
              renderItem={(g) => (
                <List.Item actions={[logBtn({ customerId: g.customerId, customerName: t("today.customerNo", { id: g.customerId }), kind: "care" })]} data-testid="today-coupon-row">
                  <Space wrap>
                    <Tag color="cyan" bordered={false}>
                      {g.coupon.name}
                    </Tag>
                    <Link to={`/customers/${g.customerId}`}>{t("today.customerNo", { id: g.customerId })}</Link>
                    <Typography.Text type="secondary">{t("today.expiresOn", { day: g.coupon.lastDay })}</Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          </Section>
          <Section title={t("today.birthdays")} count={c.birthdays} shown={Math.min(c.birthdays, SECTION_ROWS)} testId="today-birthdays">
            <List
              size="small"
              dataSource={data.birthdays}
              renderItem={(b) => (
                <List.Item actions={[logBtn({ customerId: b.customerId, customerName: b.customerName, kind: "birthday" })]} data-testid="today-birthday">
                  <Space wrap>
                    <Link to={`/customers/${b.customerId}`}>{b.customerName}</Link>
                    <Typography.Text type="secondary">{b.on.slice(5)}</Typography.Text>
                    <Tag bordered={false} color={b.inDays === 0 ? "magenta" : undefined}>
                      {b.inDays === 0 ? t("today.isToday") : t("today.inDays", { n: b.inDays })}
                    </Tag>
                  </Space>
                </List.Item>
              )}
            />
          </Section>
        </div>
      </div>
      {logging && <FollowUpDialog target={logging} onClose={() => setLogging(null)} onDone={load} />}
    </div>
  );
}

// Settings → "Hours & holidays": the shop's weekly business hours and the holiday calendar the
// ticket SLAs count with. The official schedule (public holidays, 调休 working days) ships in the
// core; the shop's own entries override it per date and the table says so. The owner edits
// (the core refuses everyone else); on every save the core recomputes the due times of all open
// tickets in the same transaction. Others see the same screen read-only.
import { PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Radio, Select, Skeleton, Space, Switch, Table, Tag, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useCallback, useEffect, useState } from "react";
import { useI18n } from "../../i18n";
import { useSession } from "../../lib/appContext";
import {
  ticketsBusinessHours,
  ticketsCalendar,
  ticketsResetCalendarDay,
  ticketsSetBusinessHours,
  ticketsSetCalendarDay,
  type BusinessHours,
  type CalendarDay,
  type DayKind,
} from "../../lib/backend";
import { useErrorText } from "../../lib/useErrorText";
import { countKinds, entrySource, hoursProblem, kindKey, minuteLabel, timeChoices, weekdayIndex } from "./deskCalendar";
import { HolidaysCard } from "./HolidaysCard";

const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;
const DEFAULT_DAY = { openMinute: 9 * 60, closeMinute: 21 * 60 };

function HoursCard({ canEdit }: { canEdit: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [hours, setHours] = useState<BusinessHours | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    ticketsBusinessHours()
      .then((h) => live && setHours(h))
      .catch((e: unknown) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [errorText]);

  if (!hours) return error ? <Alert type="error" showIcon message={error} /> : <Skeleton active />;

  const problem = hoursProblem(hours);
  const problemText =
    problem === null ? null : problem === "none-open" ? t("desk.noneOpen") : t("desk.badRange", { day: t(`desk.weekday.${problem}` as "desk.weekday.0") });
  const setDay = (i: number, v: BusinessHours["days"][number]) => setHours({ days: hours.days.map((d, j) => (j === i ? v : d)) as BusinessHours["days"] });
  const choices = timeChoices(hours.days.flatMap((d) => (d ? [d.openMinute, d.closeMinute] : [])));
  const options = choices.map((m) => ({ value: m, label: minuteLabel(m) }));

  const save = async () => {
    setBusy(true);
    try {
      setHours(await ticketsSetBusinessHours(hours));
      setError(null);
      void message.success(t("desk.saved"));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t("desk.hours.title")} style={{ marginBottom: 16 }} data-testid="desk-hours">
      <Typography.Paragraph type="secondary">{t("desk.hours.help")}</Typography.Paragraph>
      <div style={{ display: "grid", gridTemplateColumns: "repeat(7, minmax(0, 1fr))", maxWidth: 980, columnGap: 12, rowGap: 6 }}>
        {WEEKDAYS.map((i) => {
          const d = hours.days[i];
          return (
            <div key={i} style={{ display: "flex", flexDirection: "column", gap: 6 }} data-testid={`desk-day-${i}`}>
              <Space size={8}>
                <Typography.Text strong>{t(`desk.weekday.${i}`)}</Typography.Text>
                <Switch
                  size="small"
                  checked={d !== null}
                  disabled={!canEdit}
                  onChange={(on) => setDay(i, on ? DEFAULT_DAY : null)}
                  aria-label={`${t(`desk.weekday.${i}`)} ${t("desk.open")}`}
                  data-testid={`desk-day-${i}-open`}
                />
              </Space>
              {d ? (
                <>
                  <Select<number>
                    value={d.openMinute}
                    disabled={!canEdit}
                    options={options.filter((o) => o.value < 1440)}
                    onChange={(v) => setDay(i, { ...d, openMinute: v })}
                    prefix={<Typography.Text type="secondary">{t("desk.opensAt")}</Typography.Text>}
                    showSearch
                    optionFilterProp="label"
                    aria-label={`${t(`desk.weekday.${i}`)} ${t("desk.opensAt")}`}
                    data-testid={`desk-day-${i}-from`}
                  />
                  <Select<number>
                    value={d.closeMinute}
                    disabled={!canEdit}
                    options={options.filter((o) => o.value > 0)}
                    onChange={(v) => setDay(i, { ...d, closeMinute: v })}
                    prefix={<Typography.Text type="secondary">{t("desk.closesAt")}</Typography.Text>}
                    showSearch
                    optionFilterProp="label"
                    aria-label={`${t(`desk.weekday.${i}`)} ${t("desk.closesAt")}`}
                    data-testid={`desk-day-${i}-to`}
                  />
                </>
              ) : (
                <Typography.Text type="secondary" style={{ lineHeight: "32px" }} data-testid={`desk-day-${i}-closed`}>
                  {t("desk.closed")}
                </Typography.Text>
              )}
            </div>
          );
        })}
      </div>
      {(problemText || error) && <Alert style={{ marginTop: 12 }} type="error" showIcon message={problemText ?? error} data-testid="desk-hours-error" />}
      {canEdit && (
        <Button type="primary" style={{ marginTop: 12 }} loading={busy} disabled={problem !== null} onClick={() => void save()} data-testid="desk-hours-save">
          {t("desk.save")}
        </Button>
      )}
    </Card>
  );
}

interface Editing {
  /** null = a new date (picked in the form). */
  day: string | null;
  kind: DayKind | "normal";
  name: string;
}

function CalendarCard({ canEdit }: { canEdit: boolean }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const thisYear = dayjs().year();
  const [year, setYear] = useState(thisYear);
  const [days, setDays] = useState<CalendarDay[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [pickedDay, setPickedDay] = useState<Dayjs | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(
    (y: number) => {
      ticketsCalendar(y)
        .then((d) => {
          setDays(d);
          setError(null);
        })
        .catch((e: unknown) => setError(errorText(e)));
    },
    [errorText],
  );

  useEffect(() => load(year), [load, year]);

  const nameOf = (d: CalendarDay) => (lang === "en" ? d.nameEn : d.name);
  const officialText = (d: CalendarDay) =>
    `${t(kindKey(d.officialKind))}${d.officialName ? ` · ${lang === "en" ? d.officialNameEn : d.officialName}` : ""}`;

  const apply = async (f: () => Promise<CalendarDay[]>, day: string) => {
    setBusy(true);
    try {
      const fresh = await f();
      const y = Number(day.slice(0, 4));
      if (y === year) setDays(fresh);
      else setYear(y);
      setEditing(null);
      setError(null);
      void message.success(t("desk.cal.saved"));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const saveEditing = () => {
    if (!editing) return;
    const day = editing.day ?? pickedDay?.format("YYYY-MM-DD");
    if (!day) {
      setError(t("desk.form.needDay"));
      return;
    }
    const kind = editing.kind === "normal" ? null : editing.kind;
    void apply(() => ticketsSetCalendarDay(day, kind, editing.name), day);
  };

  const counts = countKinds(days ?? []);
  const years = Array.from({ length: 6 }, (_, i) => thisYear - 3 + i);

  return (
    <Card
      size="small"
      title={t("desk.cal.title")}
      data-testid="desk-calendar"
      extra={
        <Space>
          <Select<number>
            value={year}
            onChange={setYear}
            options={years.map((y) => ({ value: y, label: String(y) }))}
            style={{ width: 100 }}
            aria-label={t("desk.cal.year")}
            data-testid="desk-year"
          />
          {canEdit && (
            <Button
              icon={<PlusOutlined />}
              onClick={() => {
                setPickedDay(null);
                setEditing({ day: null, kind: "holiday", name: "" });
              }}
              data-testid="desk-add"
            >
              {t("desk.add")}
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t("desk.cal.help")}</Typography.Paragraph>
      {error && !editing && <Alert type="error" showIcon closable message={error} onClose={() => setError(null)} style={{ marginBottom: 12 }} />}
      {days && (
        <Typography.Paragraph data-testid="desk-cal-count">
          {t("desk.cal.count", { holidays: counts.holidays, workdays: counts.workdays })}
        </Typography.Paragraph>
      )}
      <Table<CalendarDay>
        rowKey="day"
        size="small"
        loading={days === null}
        dataSource={days ?? []}
        pagination={false}
        scroll={{ y: 420 }}
        locale={{ emptyText: t("desk.cal.empty") }}
        data-testid="desk-cal-table"
        onRow={(d) => ({ "data-testid": "desk-cal-row", "data-day": d.day }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: "day", title: t("desk.col.day"), width: 120, render: (_, d) => <span className="mono">{d.day}</span> },
          { key: "weekday", title: t("desk.col.weekday"), width: 90, render: (_, d) => t(`desk.weekday.${weekdayIndex(d.day)}` as "desk.weekday.0") },
          {
            key: "kind",
            title: t("desk.col.kind"),
            width: 150,
            render: (_, d) => <Tag color={d.kind === "holiday" ? "red" : d.kind === "workday" ? "blue" : "default"}>{t(kindKey(d.kind))}</Tag>,
          },
          { key: "name", title: t("desk.col.name"), render: (_, d) => nameOf(d) || "—" },
          {
            key: "source",
            title: t("desk.col.source"),
            width: 240,
            render: (_, d) => {
              const src = entrySource(d);
              if (src === "official" || src === "computed" || src === "entered")
                return <Typography.Text type="secondary">{t(`desk.source.${src}`)}</Typography.Text>;
              if (src === "shop") return <Tag color="green">{t("desk.source.shop")}</Tag>;
              return (
                <Tag color="orange" style={{ whiteSpace: "normal" }} data-testid="desk-override">
                  {t("desk.source.override", { what: officialText(d) })}
                </Tag>
              );
            },
          },
          ...(canEdit
            ? [
                {
                  key: "actions",
                  title: t("desk.col.actions"),
                  width: 190,
                  render: (_: unknown, d: CalendarDay) => (
                    <Space size={0}>
                      <Button
                        type="link"
                        size="small"
                        onClick={() => setEditing({ day: d.day, kind: d.kind ?? "normal", name: nameOf(d) })}
                        data-testid="desk-edit"
                      >
                        {t("desk.edit")}
                      </Button>
                      {d.official ? (
                        <Button type="link" size="small" danger onClick={() => void apply(() => ticketsSetCalendarDay(d.day, null, ""), d.day)} data-testid="desk-remove">
                          {t("desk.remove")}
                        </Button>
                      ) : (
                        <Button type="link" size="small" onClick={() => void apply(() => ticketsResetCalendarDay(d.day), d.day)} data-testid="desk-reset">
                          {d.officialKind !== null ? t("desk.reset") : t("desk.remove")}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing?.day ? t("desk.form.title", { day: editing.day }) : t("desk.form.addTitle")}
        onCancel={() => {
          setEditing(null);
          setError(null);
        }}
        onOk={saveEditing}
        okButtonProps={{ loading: busy, ...({ "data-testid": "desk-form-save" } as Record<`data-${string}`, string>) }}
        okText={t("common.save")}
        cancelText={t("common.cancel")}
        destroyOnHidden
      >
        {editing && (
          <Form layout="vertical" component="div" data-testid="desk-form">
            {editing.day === null && (
              <Form.Item label={t("desk.form.day")} required>
                <DatePicker value={pickedDay} onChange={setPickedDay} autoFocus data-testid="desk-form-day" />
              </Form.Item>
            )}
            <Form.Item label={t("desk.form.kind")}>
              <Radio.Group
                value={editing.kind}
                onChange={(e) => setEditing({ ...editing, kind: e.target.value as Editing["kind"] })}
                optionType="button"
                options={(["holiday", "workday", "normal"] as const).map((k) => ({ value: k, label: t(kindKey(k === "normal" ? null : k)) }))}
                data-testid="desk-form-kind"
              />
            </Form.Item>
            <Form.Item label={t("desk.form.name")}>
              <Input value={editing.name} maxLength={30} onChange={(e) => setEditing({ ...editing, name: e.target.value })} onPressEnter={saveEditing} data-testid="desk-form-name" />
            </Form.Item>
            {error && <Alert type="error" showIcon message={error} />}
          </Form>
        )}
      </Modal>
    </Card>
  );
}

export function DeskTab() {
  const { t } = useI18n();
  const canEdit = useSession().role === "owner";
  return (
    <div data-testid="desk-tab">
      {!canEdit && <Alert type="info" showIcon message={t("desk.readOnly")} style={{ marginBottom: 12 }} data-testid="desk-readonly" />}
      <HoursCard canEdit={canEdit} />
      <HolidaysCard />
      <CalendarCard canEdit={canEdit} />
    </div>
  );
}

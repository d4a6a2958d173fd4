// Settings → "Hours & holidays" → 节假日 / Holidays: a year's days off and 调休 working days as the
// core resolves them (the shop's entered arrangement, else the published schedule in the app, else
// the statutory days computed from the law), with the source and, for a computed year, the
// "调休待公布" mark. The owner or a manager imports the State Council's arrangement as an .ics file
// types it in from the notice (HolidayEntryModal), or clears an entered year; the core checks the
// role, audits, and recomputes open tickets' due times. The CLI's `laoke calendar set` makes the
// same core call as the typed form.
import { EditOutlined, UploadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Popconfirm, Select, Space, Table, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useCallback, useEffect, useState } from "react";
import { useI18n } from "../../i18n";
import { useSession } from "../../lib/appContext";
import { calendarClearYear, calendarImportIcs, calendarYear, pickIcsFile, type HolidayDay, type HolidayYear } from "../../lib/backend";
import { useErrorText } from "../../lib/useErrorText";
import { weekdayIndex } from "./deskCalendar";
import { HolidayEntryModal } from "./HolidayEntryModal";

const SOURCE_COLOR = { official: "blue", computed: "gold", shop: "green" } as const;

export function HolidaysCard() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const role = useSession().role;
  const canEnter = role === "owner" || role === "manager";
  const thisYear = dayjs().year();
  const [year, setYear] = useState(thisYear + (dayjs().month() >= 9 ? 1 : 0));
  const [data, setData] = useState<HolidayYear | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [typing, setTyping] = useState(false);

  const load = useCallback(
    (y: number) => {
      setData(null);
      calendarYear(y)
        .then((d) => {
          setData(d);
          setError(null);
        })
        .catch((e: unknown) => setError(errorText(e)));
    },
    [errorText],
  );
  useEffect(() => load(year), [load, year]);

  const run = async (f: () => Promise<HolidayYear | null>, done: string) => {
    setBusy(true);
    try {
      const fresh = await f();
      if (fresh) {
        setData(fresh);
        setError(null);
        void message.success(done);
      }
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const importIcs = () =>
    run(async () => {
      const path = await pickIcsFile();
      if (!path) return null;
      const r = await calendarImportIcs(path, year);
      if (r.skipped.length > 0) void message.info(t("holidays.skipped", { n: r.skipped.length, list: r.skipped.slice(0, 3).join("、") }));
      return r.years.find((y) => y.year === year) ?? null;
    }, t("holidays.imported"));

  const years = Array.from({ length: 7 }, (_, i) => thisYear - 3 + i);
  const sourceLabel = (s: HolidayYear["source"]) => t(`holidays.source.${s}`);

  return (
    <Card
      size="small"
      title={t("holidays.title")}
      data-testid="holidays-card"
      style={{ marginBottom: 12 }}
      extra={
        <Space>
          <Select<number>
            value={year}
            onChange={setYear}
            options={years.map((y) => ({ value: y, label: String(y) }))}
            style={{ width: 100 }}
            aria-label={t("desk.cal.year")}
            data-testid="holidays-year"
          />
          {canEnter && (
            <Button icon={<UploadOutlined />} loading={busy} onClick={() => void importIcs()} data-testid="holidays-import">
              {t("holidays.import")}
            </Button>
          )}
          {canEnter && (
            <Button icon={<EditOutlined />} disabled={busy || !data} onClick={() => setTyping(true)} data-testid="holidays-type">
              {t("holidays.type")}
            </Button>
          )}
          {canEnter && data?.source === "shop" && (
            <Popconfirm title={t("holidays.clearConfirm", { year })} onConfirm={() => void run(() => calendarClearYear(year), t("holidays.cleared"))}>
              <Button danger disabled={busy} data-testid="holidays-clear">
                {t("holidays.clear")}
              </Button>
            </Popconfirm>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t("holidays.help")}</Typography.Paragraph>
      {error && <Alert type="error" showIcon closable message={error} onClose={() => setError(null)} style={{ marginBottom: 12 }} />}
      {data && (
        <Space style={{ marginBottom: 12 }} wrap>
          <Tag color={SOURCE_COLOR[data.source]} data-testid="holidays-source">
            {sourceLabel(data.source)}
          </Tag>
          {!data.arrangementPublished && (
            <Tag color="orange" data-testid="holidays-unpublished">
              {t("holidays.unpublished")}
            </Tag>
          )}
        </Space>
      )}
      {data && !data.arrangementPublished && (
        <Alert type="warning" showIcon message={t("holidays.unpublishedHelp", { year })} style={{ marginBottom: 12 }} />
      )}
      <HolidayEntryModal
        year={year}
        current={data}
        open={typing}
        onClose={() => setTyping(false)}
        onSaved={(fresh) => {
          setTyping(false);
          setData(fresh);
          setError(null);
          void message.success(t("holidays.typed", { year }));
        }}
      />
      <Table<HolidayDay>
        rowKey="day"
        size="small"
        loading={data === null && !error}
        dataSource={data?.days ?? []}
        pagination={false}
        data-testid="holidays-table"
        columns={[
          { key: "day", title: t("desk.col.day"), dataIndex: "day", width: 120 },
          { key: "weekday", title: t("desk.col.weekday"), width: 80, render: (_, d) => t(`desk.weekday.${weekdayIndex(d.day)}` as "desk.weekday.0") },
          {
            key: "kind",
            title: t("desk.col.kind"),
            width: 110,
            render: (_, d) => (d.kind === "off" ? <Tag color="red">{t("desk.kind.holiday")}</Tag> : <Tag color="blue">{t("desk.kind.workday")}</Tag>),
          },
          { key: "name", title: t("desk.col.name"), render: (_, d) => (lang === "en" ? d.nameEn : d.name) },
          { key: "source", title: t("desk.col.source"), width: 160, render: (_, d) => sourceLabel(d.source) },
        ]}
      />
    </Card>
  );
}

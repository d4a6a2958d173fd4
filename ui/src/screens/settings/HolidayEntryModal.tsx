// The year's official arrangement typed from the State Council notice (issue 17), for a shop
// without the .ics file: one row per block of days — a day or a range, 放假 or 调休上班, and the
// holiday's name — prefilled with what applies now. Saved through `calendar_set_year`, which
// checks the days (all in the year, each once, at least one day off), the role, audits, and
// recomputes open tickets' due times.
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, Button, DatePicker, Input, Modal, Select, Space, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useI18n } from "../../i18n";
import { calendarSetYear, type ArrangementEntry, type HolidayDay, type HolidayKind, type HolidayYear } from "../../lib/backend";
import { useErrorText } from "../../lib/useErrorText";

type Row = { key: number; from: Dayjs | null; to: Dayjs | null; kind: HolidayKind; name: string };

/** Consecutive days of one kind and name become one row (how the notice writes them). */
export function rowsOf(days: HolidayDay[]): Omit<Row, "key">[] {
  const rows: Omit<Row, "key">[] = [];
  for (const d of [...days].sort((a, b) => a.day.localeCompare(b.day))) {
    const day = dayjs(d.day);
    const last = rows[rows.length - 1];
    if (last && last.kind === d.kind && last.name === d.name && last.to && day.diff(last.to, "day") === 1) {
      last.to = day;
    } else {
      rows.push({ from: day, to: day, kind: d.kind, name: d.name });
    }
  }
  return rows;
}

/** Every day of every row, in order. */
export function entriesOf(rows: Omit<Row, "key">[]): ArrangementEntry[] {
  const out: ArrangementEntry[] = [];
  for (const r of rows) {
    if (!r.from) continue;
    const to = r.to ?? r.from;
    for (let d = r.from; !d.isAfter(to, "day"); d = d.add(1, "day")) {
      out.push({ day: d.format("YYYY-MM-DD"), kind: r.kind, name: r.name.trim() });
    }
  }
  return out;
}

export function HolidayEntryModal({
  year,
  current,
  open,
  onClose,
  onSaved,
}: {
  year: number;
  current: HolidayYear | null;
  open: boolean;
  onClose: () => void;
  onSaved: (fresh: HolidayYear) => void;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [rows, setRows] = useState<Row[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [nextKey, setNextKey] = useState(0);

  useEffect(() => {
    if (!open) return;
    const start = rowsOf(current?.days ?? []).map((r, i) => ({ ...r, key: i }));
    setRows(start);
    setNextKey(start.length);
    setError(null);
  }, [open, current]);

  const update = (key: number, change: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...change } : r)));

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      onSaved(await calendarSetYear(year, entriesOf(rows)));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  const inYear = (d: Dayjs) => d.year() !== year;

  return (
    <Modal
      open={open}
      title={t("holidays.typeTitle", { year })}
      width={720}
      onCancel={onClose}
      onOk={() => void save()}
      okText={t("holidays.typeSave")}
      cancelText={t("common.cancel")}
      confirmLoading={saving}
      okButtonProps={{ "data-testid": "holidays-type-save" } as Record<`data-${string}`, string>}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t("holidays.typeHelp")}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="holidays-type-error" />}
      <Space direction="vertical" style={{ width: "100%" }} data-testid="holidays-type-rows">
        {rows.map((r) => (
          <Space key={r.key} wrap data-testid="holidays-type-row">
            <DatePicker.RangePicker
              value={[r.from, r.to]}
              disabledDate={inYear}
              defaultPickerValue={[dayjs(`${year}-01-01`), dayjs(`${year}-01-01`)]}
              allowEmpty={[false, true]}
              onChange={(v) => update(r.key, { from: v?.[0] ?? null, to: v?.[1] ?? v?.[0] ?? null })}
              aria-label={t("holidays.typeDays")}
            />
            <Select<HolidayKind>
              value={r.kind}
              onChange={(kind) => update(r.key, { kind })}
              style={{ width: 120 }}
              options={[
                { value: "off", label: t("desk.kind.holiday") },
                { value: "work", label: t("desk.kind.workday") },
              ]}
              aria-label={t("desk.col.kind")}
            />
            <Input
              value={r.name}
              onChange={(e) => update(r.key, { name: e.target.value })}
              placeholder={t("holidays.typeName")}
              style={{ width: 160 }}
              aria-label={t("desk.col.name")}
            />
            <Button
              type="text"
              danger
              icon={<DeleteOutlined />}
              onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
              aria-label={t("holidays.typeRemove")}
            />
          </Space>
        ))}
        <Button
          icon={<PlusOutlined />}
          onClick={() => {
            setRows((rs) => [...rs, { key: nextKey, from: null, to: null, kind: "off", name: "" }]);
            setNextKey((k) => k + 1);
          }}
          data-testid="holidays-type-add"
        >
          {t("holidays.typeAdd")}
        </Button>
      </Space>
    </Modal>
  );
}

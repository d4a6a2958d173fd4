// The customer list's filter card: score chips (from the URL), a segment to open, and a filter on
// any column; "save as segment" for the owner and manager. The list (../Customers.tsx) owns the
// state; this card only shows and edits it.
import { SaveOutlined } from "@ant-design/icons";
import { AutoComplete, Button, Card, DatePicker, Input, InputNumber, Select, Space, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { YuanRange } from "../../components/list/YuanRange";
import { useI18n } from "../../i18n";
import type { CustomerQuery } from "../../lib/backend";
import { ScoreChips } from "./ScoreChips";
import { SegmentPicker } from "./SegmentPicker";
import type { ScoreParams } from "./scoreFilters";

export type Filters = Omit<CustomerQuery, "page" | "pageSize" | "sort" | "desc" | "search">;

const SOURCE_SUGGESTIONS = ["淘宝", "天猫", "京东", "拼多多", "微信", "抖音", "门店"];
const day = (d: Dayjs | null | undefined) => (d ? d.format("YYYY-MM-DD") : undefined);
const range = (from?: string, to?: string): [Dayjs | null, Dayjs | null] | null =>
  from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : null;

export function CustomerFilterCard({
  filters,
  onChange,
  onReset,
  score,
  onScore,
  anyFilter,
  onSaveSegment,
}: {
  filters: Filters;
  onChange: (patch: Partial<Filters>) => void;
  onReset: () => void;
  score: ScoreParams;
  onScore: (next: ScoreParams) => void;
  anyFilter: boolean;
  /** Owner and manager, when the list's conditions can make a segment. */
  onSaveSegment?: () => void;
}) {
  const { t } = useI18n();
  return (
    <Card variant="borderless" className="filter-card" data-testid="customers-filters">
      <Space wrap size={[12, 10]}>
        <ScoreChips params={score} onChange={onScore} />
        {onSaveSegment && <SegmentPicker value={score.segment} onPick={(segment) => onScore({ ...score, segment })} />}
        <Select
          mode="tags"
          allowClear
          maxTagCount="responsive"
          placeholder={t("clist.filter.tagsPlaceholder")}
          style={{ minWidth: 150 }}
          value={filters.tags ?? []}
          onChange={(v: string[]) => onChange({ tags: v })}
          open={false}
          suffixIcon={null}
          data-testid="customers-filter-tags"
        />
        <Input allowClear placeholder={t("clist.filter.province")} style={{ width: 110 }} value={filters.province ?? ""} onChange={(e) => onChange({ province: e.target.value || undefined })} data-testid="customers-filter-province" />
        <Input allowClear placeholder={t("clist.filter.city")} style={{ width: 110 }} value={filters.city ?? ""} onChange={(e) => onChange({ city: e.target.value || undefined })} data-testid="customers-filter-city" />
        <AutoComplete
          allowClear
          placeholder={t("clist.filter.source")}
          style={{ width: 120 }}
          value={filters.sourceChannel ?? ""}
          options={SOURCE_SUGGESTIONS.map((s) => ({ value: s }))}
          onChange={(v: string) => onChange({ sourceChannel: v || undefined })}
          data-testid="customers-filter-source"
        />
        <Select
          allowClear
          placeholder={t("clist.filter.birthdayMonth")}
          style={{ width: 120 }}
          value={filters.birthdayMonth}
          onChange={(v?: number) => onChange({ birthdayMonth: v })}
          options={Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: t("clist.filter.month", { m: i + 1 }) }))}
          data-testid="customers-filter-birthday"
        />
        <Space size={6}>
          <span className="filter-label">{t("clist.filter.spend")}</span>
          <YuanRange min={filters.minSpendFen ?? undefined} max={filters.maxSpendFen ?? undefined} onChange={(minSpendFen, maxSpendFen) => onChange({ minSpendFen, maxSpendFen })} testId="customers-filter-spend" />
        </Space>
        <Space size={6}>
          <span className="filter-label">{t("clist.filter.orders")}</span>
          <Space.Compact>
            <InputNumber min={0} precision={0} placeholder={t("list.min")} style={{ width: 80 }} value={filters.minOrders ?? null} onChange={(v) => onChange({ minOrders: v ?? undefined })} data-testid="customers-filter-orders-min" />
            <InputNumber min={0} precision={0} placeholder={t("list.max")} style={{ width: 80 }} value={filters.maxOrders ?? null} onChange={(v) => onChange({ maxOrders: v ?? undefined })} data-testid="customers-filter-orders-max" />
          </Space.Compact>
        </Space>
        <Space size={6}>
          <span className="filter-label">{t("clist.filter.lastOrder")}</span>
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            placeholder={[t("list.from"), t("list.to")]}
            value={range(filters.lastOrderFrom ?? undefined, filters.lastOrderTo ?? undefined)}
            onChange={(v) => onChange({ lastOrderFrom: day(v?.[0]), lastOrderTo: day(v?.[1]) })}
            style={{ width: 240 }}
          />
        </Space>
        <Space size={6}>
          <span className="filter-label">{t("clist.filter.created")}</span>
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            placeholder={[t("list.from"), t("list.to")]}
            value={range(filters.createdFrom ?? undefined, filters.createdTo ?? undefined)}
            onChange={(v) => onChange({ createdFrom: day(v?.[0]), createdTo: day(v?.[1]) })}
            style={{ width: 240 }}
          />
        </Space>
        {anyFilter && (
          <Typography.Link onClick={onReset} data-testid="customers-filter-reset">
            {t("list.reset")}
          </Typography.Link>
        )}
        {anyFilter && onSaveSegment && (
          <Button size="small" icon={<SaveOutlined />} onClick={onSaveSegment} data-testid="customers-save-segment">
            {t("clist.saveSegment")}
          </Button>
        )}
      </Space>
    </Card>
  );
}

// "打开分组": picks a ready-made or saved segment to list its customers (the list shows it as a
// chip). Loaded when opened, so the list itself never waits for segment counts.
import { Select } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n";
import { segmentsList, type SegmentSummary } from "../../lib/backend";
import { formatCount } from "../../lib/format";

export function SegmentPicker({ value, onPick }: { value?: string; onPick: (key: string | undefined) => void }) {
  const { t, lang } = useI18n();
  const [segments, setSegments] = useState<SegmentSummary[] | null>(null);
  const load = () => {
    if (segments) return;
    segmentsList().then(setSegments, () => setSegments([]));
  };
  return (
    <Select
      allowClear
      showSearch
      optionFilterProp="label"
      style={{ width: 160 }}
      placeholder={t("clist.filter.segment")}
      value={value && segments?.some((s) => s.key === value) ? value : undefined}
      loading={segments === null}
      onOpenChange={(open) => open && load()}
      onChange={(key?: string) => onPick(key)}
      options={(segments ?? []).map((s) => ({
        value: s.key,
        label: `${lang === "en" ? s.nameEn : s.nameZh} (${formatCount(s.customers, lang)})`,
      }))}
      data-testid="customers-filter-segment"
    />
  );
}

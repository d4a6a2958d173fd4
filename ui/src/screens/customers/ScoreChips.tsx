// The customer list's score filters (from the URL: an Insight number, a segment, a movement cell)
// as removable chips; removing one rewrites the URL, which reloads the list.
import { Tag } from "antd";
import { useEffect, useState } from "react";
import { useI18n } from "../../i18n";
import { segmentsList, type SegmentSummary } from "../../lib/backend";
import { className, codeName, stageName } from "../insight/labels";
import { useClassLabels } from "../insight/useClassLabels";
import { scoreChips, withoutChip, type ScoreChip, type ScoreParams } from "./scoreFilters";

export function ScoreChips({ params, onChange }: { params: ScoreParams; onChange: (next: ScoreParams) => void }) {
  const { t, lang } = useI18n();
  const labels = useClassLabels();
  const [segments, setSegments] = useState<SegmentSummary[]>([]);
  const segment = params.segment;

  useEffect(() => {
    if (!segment) return;
    let live = true;
    // Only for the chip's name: the list itself is filtered by the core whatever this returns.
    segmentsList().then(
      (s) => live && setSegments(s),
      () => live && setSegments([]),
    );
    return () => {
      live = false;
    };
  }, [segment]);

  const label = (c: ScoreChip): string => {
    switch (c.kind) {
      case "rfmClass":
        return `${t("clist.chip.class")}：${className(t, lang, c.code, labels)}`;
      case "stage":
        return `${t("clist.chip.stage")}：${stageName(t, c.code)}`;
      case "returning":
        return t(c.value ? "clist.chip.returning" : "clist.chip.notReturning");
      case "segment": {
        const s = segments.find((x) => x.key === c.key);
        return `${t("clist.chip.segment")}：${s ? (lang === "en" ? s.nameEn : s.nameZh) : c.key}`;
      }
      case "movement": {
        const m = c.movement;
        const n = (code: string | null) => codeName(t, lang, m.kind === "stage" ? "stage" : "class", code, labels);
        return t("clist.chip.movement", { fromMonth: m.fromMonth, from: n(m.from), toMonth: m.toMonth, to: n(m.to) });
      }
    }
  };

  return (
    <>
      {scoreChips(params).map((c) => (
        <Tag
          key={JSON.stringify(c)}
          closable
          color="geekblue"
          onClose={(e) => {
            e.preventDefault();
            onChange(withoutChip(params, c));
          }}
          data-testid={`customers-chip-${c.kind}`}
          style={{ marginInlineEnd: 0, paddingBlock: 2 }}
        >
          {label(c)}
        </Tag>
      ))}
    </>
  );
}

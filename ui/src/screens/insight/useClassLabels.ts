// The shop's class names (its chosen label set, `insight_labels`) for screens that name a class
// without the Insight overview at hand — the 360 card, the list's chips, the segment editor — so
// a tag never says 重要价值客户 while the sentence beside it uses the shop's own word. Until they
// arrive (or if the call fails) className() falls back to the UI's own words.
import { useEffect, useState } from "react";
import { insightLabels, type ClassLabel } from "../../lib/backend";

export function useClassLabels(): ClassLabel[] | undefined {
  const [labels, setLabels] = useState<ClassLabel[]>();
  useEffect(() => {
    let live = true;
    insightLabels().then(
      (l) => live && setLabels(l),
      () => live && setLabels(undefined),
    );
    return () => {
      live = false;
    };
  }, []);
  return labels;
}

import { Input, Space } from "antd";
import { useEffect, useState } from "react";
import { useI18n } from "../../i18n";
import { fenToInput, parseYuan } from "../../lib/money";

/** Min / max amount in ¥, typed as text and handed on as exact fen once valid. */
export function YuanRange({
  min,
  max,
  onChange,
  testId,
}: {
  min?: number;
  max?: number;
  onChange: (min: number | undefined, max: number | undefined) => void;
  testId?: string;
}) {
  const { t } = useI18n();
  const [a, setA] = useState(min === undefined ? "" : fenToInput(min));
  const [b, setB] = useState(max === undefined ? "" : fenToInput(max));
  useEffect(() => {
    if (min === undefined) setA("");
  }, [min]);
  useEffect(() => {
    if (max === undefined) setB("");
  }, [max]);
  const parse = (s: string) => {
    if (s.trim() === "") return { ok: true as const, fen: undefined };
    const r = parseYuan(s);
    return r.ok ? { ok: true as const, fen: r.fen } : { ok: false as const, fen: undefined };
  };
  const commit = (na: string, nb: string) => {
    const pa = parse(na);
    const pb = parse(nb);
    if (pa.ok && pb.ok) onChange(pa.fen, pb.fen);
  };
  return (
    <Space.Compact>
      <Input
        style={{ width: 96 }}
        placeholder={t("list.min")}
        value={a}
        status={parse(a).ok ? undefined : "error"}
        onChange={(e) => setA(e.target.value)}
        onBlur={() => commit(a, b)}
        onPressEnter={() => commit(a, b)}
        data-testid={testId ? `${testId}-min` : undefined}
      />
      <Input
        style={{ width: 96 }}
        placeholder={t("list.max")}
        value={b}
        status={parse(b).ok ? undefined : "error"}
        onChange={(e) => setB(e.target.value)}
        onBlur={() => commit(a, b)}
        onPressEnter={() => commit(a, b)}
        data-testid={testId ? `${testId}-max` : undefined}
      />
    </Space.Compact>
  );
}

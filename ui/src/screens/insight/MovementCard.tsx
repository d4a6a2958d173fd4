// Movement month to month: pick two snapshot months and class or stage; a transition table (rows
// = at the first month's end, columns = at the second's) whose every cell opens exactly those
// customers, and the same as a Sankey chart.
import { Alert, Empty, Segmented, Select, Space, Spin, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { Chart } from "../../charts/Chart";
import { useI18n } from "../../i18n";
import { RFM_CLASSES, STAGES, insightMonths, insightMovement, type ClassLabel, type Movement, type MoveKind } from "../../lib/backend";
import { formatCount } from "../../lib/format";
import { useErrorText } from "../../lib/useErrorText";
import { customersHref } from "../customers/scoreFilters";
import { movementSankeyOption } from "./insightCharts";
import { codeHex, codeName } from "./labels";
import { movementMatrix } from "./movementMatrix";
import "./insight.css";

export function MovementCard({ labels }: { labels?: ClassLabel[] }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const [months, setMonths] = useState<string[] | null>(null);
  const [kind, setKind] = useState<MoveKind>("class");
  const [fromMonth, setFromMonth] = useState<string>();
  const [toMonth, setToMonth] = useState<string>();
  const [movement, setMovement] = useState<Movement | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    insightMonths().then(
      (m) => {
        setMonths(m);
        setFromMonth(m[Math.max(0, m.length - 2)]);
        setToMonth(m[m.length - 1]);
      },
      (e: unknown) => setError(errorText(e)),
    );
  }, [errorText]);

  useEffect(() => {
    if (!fromMonth || !toMonth) return;
    let live = true;
    setMovement(null);
    insightMovement(kind, fromMonth, toMonth).then(
      (m) => live && (setMovement(m), setError(null)),
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [kind, fromMonth, toMonth, errorText]);

  const order = kind === "class" ? RFM_CLASSES : STAGES;
  const name = (code: string | null) => codeName(t, lang, kind, code, labels);
  const matrix = useMemo(() => (movement ? movementMatrix(movement.cells, order) : null), [movement, order]);
  const option = useMemo(
    () =>
      movement
        ? movementSankeyOption(movement.cells, name, codeHex, order, {
            fromMonth: movement.fromMonth,
            toMonth: movement.toMonth,
            customers: t("insight.col.customers"),
          })
        : null,
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `name` is derived from these
    [movement, order, t, lang, labels],
  );
  const href = (from: string | null, to: string | null) =>
    movement ? customersHref({ movement: { kind: movement.kind, fromMonth: movement.fromMonth, from, toMonth: movement.toMonth, to } }) : "";

  const monthOptions = (months ?? []).map((m) => ({ value: m, label: m }));
  return (
    <div data-testid="insight-movement">
      <Space wrap size={12} style={{ marginBottom: 16 }}>
        <Segmented<MoveKind>
          value={kind}
          onChange={setKind}
          options={[
            { value: "class", label: <span data-testid="movement-kind-class">{t("insight.movement.byClass")}</span> },
            { value: "stage", label: <span data-testid="movement-kind-stage">{t("insight.movement.byStage")}</span> },
          ]}
        />
        <Space size={6}>
          <span className="filter-label">{t("insight.movement.from")}</span>
          <Select style={{ width: 120 }} value={fromMonth} options={monthOptions} onChange={setFromMonth} data-testid="movement-from" />
          <span className="filter-label">{t("insight.movement.to")}</span>
          <Select style={{ width: 120 }} value={toMonth} options={monthOptions} onChange={setToMonth} data-testid="movement-to" />
        </Space>
      </Space>
      <Typography.Paragraph type="secondary">{t("insight.movement.help")}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      {months && months.length === 0 && <Empty description={t("insight.movement.noMonths")} />}
      {!movement && months && months.length > 0 && !error && <Spin />}
      {movement && matrix && (
        <>
          <div className="move-table-wrap">
            <table className="move-table" data-testid="movement-table">
              <thead>
                <tr>
                  <th className="move-corner">
                    {movement.fromMonth} ↓ · {movement.toMonth} →
                  </th>
                  {matrix.cols.map((to) => (
                    <th key={to ?? ""}>{name(to)}</th>
                  ))}
                  <th>{t("insight.movement.total")}</th>
                </tr>
              </thead>
              <tbody>
                {matrix.rows.map((from) => (
                  <tr key={from ?? ""}>
                    <th>{name(from)}</th>
                    {matrix.cols.map((to) => {
                      const n = matrix.cell(from, to);
                      return (
                        <td key={to ?? ""} className={from === to ? "move-same" : undefined}>
                          {n > 0 ? (
                            <Link to={href(from, to)} className="mono-num" data-testid={`movement-cell-${from ?? "none"}-${to ?? "none"}`}>
                              {formatCount(n, lang)}
                            </Link>
                          ) : (
                            <span className="move-zero">·</span>
                          )}
                        </td>
                      );
                    })}
                    <td className="move-total mono-num">{formatCount(matrix.rowTotal(from), lang)}</td>
                  </tr>
                ))}
                <tr>
                  <th>{t("insight.movement.total")}</th>
                  {matrix.cols.map((to) => (
                    <td key={to ?? ""} className="move-total mono-num">
                      {formatCount(matrix.colTotal(to), lang)}
                    </td>
                  ))}
                  <td className="move-total mono-num">{formatCount(matrix.total, lang)}</td>
                </tr>
              </tbody>
            </table>
          </div>
          {option && matrix.total > 0 && (
            <Chart
              option={option}
              height={Math.max(320, Math.max(matrix.rows.length, matrix.cols.length) * 44)}
              testId="movement-sankey"
              label={t("insight.tab.movement")}
              onPick={(pick) => {
                const link = (pick.data as { link?: { from: string | null; to: string | null } } | null)?.link;
                if (pick.dataType === "edge" && link) navigate(href(link.from, link.to));
              }}
            />
          )}
        </>
      )}
    </div>
  );
}

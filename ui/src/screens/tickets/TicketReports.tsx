// The service report from the core (tickets::reports): per week or month — SLA compliance,
// median first response / resolution (business minutes), CSAT (share of 4–5) and responses,
// complaints per 100 orders — with a plain CSS bar chart of SLA compliance, the top root causes
// and compensation per month × cause. Per-mille and fen come from the core; only formatting here.
// "导出 Excel" writes the same report through the core's xlsx export to the place chosen in the
// native save dialog (owner / manager; the core refuses reps, the button says so up front).
import { ArrowLeftOutlined, FileExcelOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, DatePicker, Empty, Segmented, Space, Table, Tooltip, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useNavigate } from "react-router-dom";
import { useI18n, type Translate } from "../../i18n";
import { useSession } from "../../lib/appContext";
import { pickSaveXlsx, ticketsReport, ticketsReportExport, type PeriodRow, type ServiceReport } from "../../lib/backend";
import { formatYuan } from "../../lib/money";
import { useErrorText } from "../../lib/useErrorText";
import { lbl } from "./labels";

/** 875 ‰ → "87.5%"; null → "—". */
export const permille = (v: number | null): string => (v === null ? "—" : `${(v / 10).toFixed(1)}%`);

/** Business minutes → "3小时 20分钟"-style text via the SLA duration words. */
export function minutesText(t: Translate, v: number | null): string {
  if (v === null) return "—";
  const h = Math.floor(v / 60);
  const m = v % 60;
  return [h ? t("sla.h", { n: h }) : "", m || !h ? t("sla.m", { n: m }) : ""].filter(Boolean).join(" ");
}

export function TicketReports() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const [period, setPeriod] = useState<"week" | "month">("week");
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().subtract(11, "week").startOf("week"), dayjs()]);
  const [report, setReport] = useState<ServiceReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const session = useSession();
  const canExport = session.role !== "rep";
  const [exporting, setExporting] = useState(false);

  const exportXlsx = async () => {
    const from = range[0].format("YYYY-MM-DD");
    const to = range[1].format("YYYY-MM-DD");
    try {
      const path = await pickSaveXlsx(`${t("report.exportFile")}-${from}-${to}.xlsx`);
      if (!path) return;
      setExporting(true);
      const r = await ticketsReportExport(period, from, to, path);
      void message.success(t("report.exported", { path: r.path }));
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setExporting(false);
    }
  };

  useEffect(() => {
    let live = true;
    ticketsReport(period, range[0].format("YYYY-MM-DD"), range[1].format("YYYY-MM-DD"))
      .then((r) => {
        if (!live) return;
        setReport(r);
        setError(null);
      })
      .catch((e: unknown) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [period, range, errorText]);

  const columns = [
    { key: "period", title: t("report.col.period"), render: (_: unknown, r: PeriodRow) => <span className="mono">{r.period}</span> },
    { key: "created", title: t("report.col.created"), align: "right" as const, render: (_: unknown, r: PeriodRow) => r.created },
    { key: "resolved", title: t("report.col.resolved"), align: "right" as const, render: (_: unknown, r: PeriodRow) => r.resolved },
    { key: "sla", title: t("report.col.sla"), align: "right" as const, render: (_: unknown, r: PeriodRow) => permille(r.slaCompliancePermille) },
    { key: "fr", title: t("report.col.firstResponse"), align: "right" as const, render: (_: unknown, r: PeriodRow) => minutesText(t, r.medianFirstResponseMin) },
    { key: "res", title: t("report.col.resolution"), align: "right" as const, render: (_: unknown, r: PeriodRow) => minutesText(t, r.medianResolutionMin) },
    { key: "csat", title: t("report.col.csat"), align: "right" as const, render: (_: unknown, r: PeriodRow) => permille(r.csatPermille) },
    { key: "csatN", title: t("report.col.csatN"), align: "right" as const, render: (_: unknown, r: PeriodRow) => r.csatResponses },
    { key: "complaints", title: t("report.col.complaints"), align: "right" as const, render: (_: unknown, r: PeriodRow) => r.complaints },
    {
      key: "per100",
      title: t("report.col.per100"),
      align: "right" as const,
      render: (_: unknown, r: PeriodRow) => (r.complaintsPer100OrdersX10 === null ? "—" : (r.complaintsPer100OrdersX10 / 10).toFixed(1)),
    },
  ];

  const maxCause = Math.max(1, ...(report?.topRootCauses.map((c) => c.tickets) ?? [1]));

  return (
    <div className="page" data-testid="page-ticket-reports">
      <div className="page-head">
        <Space align="center">
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate("/tickets")} aria-label={t("ticket.back")} />
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t("report.title")}
          </Typography.Title>
        </Space>
        <Space>
          <Segmented
            value={period}
            onChange={(v) => setPeriod(v as "week" | "month")}
            options={[
              { value: "week", label: t("report.week") },
              { value: "month", label: t("report.month") },
            ]}
            data-testid="report-period"
          />
          <DatePicker.RangePicker value={range} allowClear={false} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} />
          <Tooltip title={canExport ? undefined : t("report.exportNoRight")}>
            <Button icon={<FileExcelOutlined />} disabled={!canExport || !report} loading={exporting} onClick={() => void exportXlsx()} data-testid="report-export">
              {t("report.export")}
            </Button>
          </Tooltip>
        </Space>
      </div>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      {report && (
        <>
          <Card variant="borderless" title={t("report.chart")} style={{ marginBottom: 16 }}>
            {report.rows.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("report.empty")} />
            ) : (
              <div className="report-bars" style={{ display: "flex", alignItems: "flex-end", gap: 8, height: 160, paddingTop: 8 }} data-testid="report-chart">
                {report.rows.map((r) => {
                  const v = r.slaCompliancePermille;
                  return (
                    <Tooltip key={r.period} title={`${r.period}: ${permille(v)} (${r.slaMet}/${r.resolved})`}>
                      <div style={{ flex: 1, display: "flex", flexDirection: "column", alignItems: "center", height: "100%", justifyContent: "flex-end" }}>
                        <span style={{ fontSize: 11, color: "#595959" }}>{permille(v)}</span>
                        <div
                          style={{
                            width: "70%",
                            height: `${v === null ? 0 : Math.max(2, v / 10)}%`,
                            background: v !== null && v < 800 ? "#d46b08" : "#0f766e",
                            borderRadius: "3px 3px 0 0",
                          }}
                        />
                        <span className="mono" style={{ fontSize: 11, color: "#8c8c8c", marginTop: 4 }}>
                          {r.period}
                        </span>
                      </div>
                    </Tooltip>
                  );
                })}
              </div>
            )}
          </Card>
          <Card variant="borderless" style={{ marginBottom: 16 }}>
            <Table<PeriodRow> rowKey="period" size="small" columns={columns} dataSource={report.rows} pagination={false} data-testid="report-table" />
          </Card>
          <div style={{ display: "grid", gridTemplateColumns: "1fr 1fr", gap: 16 }}>
            <Card variant="borderless" title={t("report.causes")}>
              {report.topRootCauses.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("report.empty")} />
              ) : (
                report.topRootCauses.map((c) => (
                  <div key={c.cause} style={{ display: "grid", gridTemplateColumns: "120px 1fr 60px", alignItems: "center", gap: 8, marginBottom: 6 }}>
                    <span>{lbl(t, "rootCause", c.cause)}</span>
                    <div style={{ background: "#f0f0f0", borderRadius: 3, height: 12 }}>
                      <div style={{ width: `${(c.tickets / maxCause) * 100}%`, background: "#0f766e", height: 12, borderRadius: 3 }} />
                    </div>
                    <span style={{ textAlign: "right" }}>{t("report.tickets", { n: c.tickets })}</span>
                  </div>
                ))
              )}
            </Card>
            <Card variant="borderless" title={t("report.compensation")}>
              <Table
                rowKey={(r) => `${r.month}-${r.cause ?? "none"}`}
                size="small"
                pagination={false}
                dataSource={report.compensation}
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("report.empty")} /> }}
                columns={[
                  { key: "month", title: t("report.col.month"), render: (_, r) => <span className="mono">{r.month}</span> },
                  { key: "cause", title: t("report.col.cause"), render: (_, r) => (r.cause ? lbl(t, "rootCause", r.cause) : t("rootCause.none")) },
                  { key: "amount", title: t("report.col.amount"), align: "right", render: (_, r) => <span className="mono-num">{formatYuan(r.amountFen)}</span> },
                  { key: "count", title: t("report.col.count"), align: "right", render: (_, r) => r.count },
                ]}
              />
            </Card>
          </div>
        </>
      )}
    </div>
  );
}

//! Service-desk reports per week or month (shop timezone): SLA compliance, median first response
//! and resolution time (business minutes, pauses excluded — the same clock as the SLA), CSAT
//! score (share of 4–5) and response count, complaints per 100 orders, top root causes, and
//! compensation cost per root-cause category per month. The result is typed data plus
//! format-neutral [`Table`]s (money as fen) that the Excel writer or a chart can render.
//!
//! Percentages are integer per-mille (925 = 92.5 %) so nothing here is a float.

use super::model::{Priority, RootCause};
use super::sla::Pause;
use crate::i18n::{Lang, Msg};
use crate::table::{Cell, Column, ColumnKind, Table};
use crate::{
    auth::{Permission, Session},
    settings,
    store::Store,
    time::{parse_ts, ts},
    Error, Result,
};
use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum Period {
    Week,
    Month,
}

#[derive(Serialize, Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PeriodRow {
    /// `2026-03` or `2026-W10` (ISO week).
    pub period: String,
    pub created: u64,
    pub resolved: u64,
    /// Resolved in the period without any breach (first response and resolution).
    pub sla_met: u64,
    pub sla_compliance_permille: Option<i64>,
    pub median_first_response_min: Option<i64>,
    pub median_resolution_min: Option<i64>,
    pub csat_responses: u64,
    /// Share of 4–5 among the responses.
    pub csat_permille: Option<i64>,
    pub complaints: u64,
    pub orders: u64,
    /// Complaints per 100 orders, ×10 (e.g. 23 = 2.3 per 100).
    pub complaints_per_100_orders_x10: Option<i64>,
}

#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CauseCount {
    pub cause: RootCause,
    pub tickets: u64,
}

#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CompensationCost {
    pub month: String,
    /// `None` = no root cause recorded.
    pub cause: Option<RootCause>,
    pub amount_fen: i64,
    pub count: u64,
}

#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ServiceReport {
    pub period: Period,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub rows: Vec<PeriodRow>,
    pub top_root_causes: Vec<CauseCount>,
    pub compensation: Vec<CompensationCost>,
}

fn label(p: Period, d: NaiveDate) -> String {
    match p {
        Period::Month => format!("{:04}-{:02}", d.year(), d.month()),
        Period::Week => {
            let w = d.iso_week();
            format!("{:04}-W{:02}", w.year(), w.week())
        }
    }
}

fn day(tz: Tz, t: DateTime<Utc>) -> NaiveDate {
    crate::time::shop_day_of(t, tz)
}

fn median(v: &mut [i64]) -> Option<i64> {
    if v.is_empty() {
        return None;
    }
    v.sort_unstable();
    let n = v.len();
    Some(if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2
    })
}

fn permille(part: u64, whole: u64) -> Option<i64> {
    (whole > 0).then(|| (part as i64 * 1000 + whole as i64 / 2) / whole as i64)
}

/// The report for shop days `from..=to` (YYYY-MM-DD), bucketed by week or month.
pub fn report(
    store: &Store,
    s: &Session,
    period: Period,
    from: &str,
    to: &str,
) -> Result<ServiceReport> {
    s.require(Permission::WorkWithCustomers)?;
    let parse = |v: &str, zh: &str, en: &str| {
        v.trim().parse::<NaiveDate>().map_err(|_| {
            Error::invalid(
                format!("{zh}：“{v}”不是 YYYY-MM-DD 格式的日期。"),
                format!("{en}: '{v}' is not a YYYY-MM-DD date."),
            )
        })
    };
    let from_d = parse(from, "开始日期", "From")?;
    let to_d = parse(to, "结束日期", "To")?;
    if to_d < from_d || (to_d - from_d).num_days() > 731 {
        return Err(Error::invalid(
            "日期范围：结束日期不能早于开始日期，且最长两年。",
            "Date range: the end is not before the start, and at most two years.",
        ));
    }
    let tz = settings::timezone(store);
    let conn = store.conn();
    let sched = super::calendar::load_schedule(conn, tz)?;
    let start = tz
        .from_local_datetime(&from_d.and_hms_opt(0, 0, 0).unwrap_or_default())
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_default();
    let end = tz
        .from_local_datetime(
            &to_d
                .succ_opt()
                .unwrap_or(to_d)
                .and_hms_opt(0, 0, 0)
                .unwrap_or_default(),
        )
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_default();
    let (start_s, end_s) = (ts(start), ts(end));

    let mut rows: BTreeMap<String, PeriodRow> = BTreeMap::new();
    let mut first_resp: BTreeMap<String, Vec<i64>> = BTreeMap::new();
    let mut resolution: BTreeMap<String, Vec<i64>> = BTreeMap::new();
    let mut d = from_d;
    while d <= to_d {
        let l = label(period, d);
        rows.entry(l.clone()).or_insert_with(|| PeriodRow {
            period: l,
            ..Default::default()
        });
        d = match d.succ_opt() {
            Some(n) => n,
            None => break,
        };
    }

    // Tickets created in the range: counts, complaints, first response times.
    let mut st = conn.prepare(
        "SELECT created_at, type, first_response_at FROM tickets
         WHERE created_at >= ?1 AND created_at < ?2 AND state <> 'merged'",
    )?;
    let created = st.query_map([&start_s, &end_s], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<String>>(2)?,
        ))
    })?;
    for c in created {
        let (at, ty, fr) = c?;
        let at = parse_ts(&at)?;
        let l = label(period, day(tz, at));
        let row = rows.entry(l.clone()).or_default();
        row.created += 1;
        if ty == "complaint" {
            row.complaints += 1;
        }
        if let Some(fr) = fr {
            first_resp
                .entry(l)
                .or_default()
                .push(sched.business_secs(at, parse_ts(&fr)?, &[]) / 60);
        }
    }

    // Tickets resolved in the range: SLA compliance, resolution time, CSAT, causes.
    let mut st = conn.prepare(
        "SELECT id, created_at, resolved_at, priority, first_response_breached OR resolution_breached, csat, root_cause
         FROM tickets WHERE resolved_at >= ?1 AND resolved_at < ?2",
    )?;
    let mut pauses_st =
        conn.prepare_cached("SELECT from_at, to_at FROM ticket_pauses WHERE ticket_id = ?1")?;
    let mut causes: BTreeMap<RootCause, u64> = BTreeMap::new();
    let mut happy: BTreeMap<String, u64> = BTreeMap::new();
    let resolved = st
        .query_map([&start_s, &end_s], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, bool>(4)?,
                r.get::<_, Option<i64>>(5)?,
                r.get::<_, Option<String>>(6)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (id, created, res, prio, breached, csat, cause) in resolved {
        let (created, res) = (parse_ts(&created)?, parse_ts(&res)?);
        let l = label(period, day(tz, res));
        let pauses: Vec<Pause> = pauses_st
            .query_map([id], |r| {
                Ok(Pause {
                    from: parse_ts(&r.get::<_, String>(0)?)?,
                    to: r
                        .get::<_, Option<String>>(1)?
                        .map(|t| parse_ts(&t))
                        .transpose()?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let secs = sched.business_secs(created, res, &pauses);
        let late = breached || secs > Priority::from_code(&prio).resolution_secs();
        let row = rows.entry(l.clone()).or_default();
        row.resolved += 1;
        if !late {
            row.sla_met += 1;
        }
        if let Some(c) = csat {
            row.csat_responses += 1;
            if c >= 4 {
                *happy.entry(l.clone()).or_default() += 1;
            }
        }
        resolution.entry(l).or_default().push(secs / 60);
        if let Some(c) = cause {
            *causes.entry(RootCause::from_code(&c)).or_default() += 1;
        }
    }

    // Orders per period for the complaint rate.
    let mut st =
        conn.prepare("SELECT ordered_at FROM orders WHERE ordered_at >= ?1 AND ordered_at < ?2")?;
    let orders = st.query_map([&start_s, &end_s], |r| r.get::<_, String>(0))?;
    for o in orders {
        let l = label(period, day(tz, parse_ts(&o?)?));
        rows.entry(l).or_default().orders += 1;
    }

    for (l, row) in rows.iter_mut() {
        row.period = l.clone();
        row.sla_compliance_permille = permille(row.sla_met, row.resolved);
        row.csat_permille = permille(happy.get(l).copied().unwrap_or(0), row.csat_responses);
        row.complaints_per_100_orders_x10 = (row.orders > 0)
            .then(|| (row.complaints as i64 * 1000 + row.orders as i64 / 2) / row.orders as i64);
        row.median_first_response_min = first_resp.get_mut(l).and_then(|v| median(v));
        row.median_resolution_min = resolution.get_mut(l).and_then(|v| median(v));
    }

    // Compensation per month and root cause.
    let mut st = conn.prepare(
        "SELECT c.at, t.root_cause, c.amount_fen FROM ticket_compensations c JOIN tickets t ON t.id = c.ticket_id
         WHERE c.at >= ?1 AND c.at < ?2",
    )?;
    let mut comp: BTreeMap<(String, Option<RootCause>), (i64, u64)> = BTreeMap::new();
    let comps = st.query_map([&start_s, &end_s], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, Option<String>>(1)?,
            r.get::<_, i64>(2)?,
        ))
    })?;
    for c in comps {
        let (at, cause, fen) = c?;
        let month = label(Period::Month, day(tz, parse_ts(&at)?));
        let e = comp
            .entry((month, cause.as_deref().map(RootCause::from_code)))
            .or_default();
        e.0 += fen;
        e.1 += 1;
    }

    let mut top: Vec<CauseCount> = causes
        .into_iter()
        .map(|(cause, tickets)| CauseCount { cause, tickets })
        .collect();
    top.sort_by(|a, b| {
        b.tickets
            .cmp(&a.tickets)
            .then(a.cause.as_str().cmp(b.cause.as_str()))
    });
    Ok(ServiceReport {
        period,
        from: from_d,
        to: to_d,
        rows: rows.into_values().collect(),
        top_root_causes: top,
        compensation: comp
            .into_iter()
            .map(|((month, cause), (amount_fen, count))| CompensationCost {
                month,
                cause,
                amount_fen,
                count,
            })
            .collect(),
    })
}

fn pct(p: Option<i64>) -> Cell {
    p.map(Cell::Permille)
        .unwrap_or_else(|| Cell::Text("—".into()))
}

fn opt(v: Option<i64>) -> Cell {
    v.map(Cell::Integer)
        .unwrap_or_else(|| Cell::Text("—".into()))
}

impl ServiceReport {
    /// Format-neutral tables (periods, root causes, compensation) for export and charts, with
    /// root causes named in zh-CN.
    pub fn tables(&self) -> Vec<Table> {
        self.tables_in(Lang::ZhCn)
    }

    /// The same tables with root causes (and "not recorded") named in `lang`; headers carry
    /// both languages as every [`Table`] does.
    pub fn tables_in(&self, lang: Lang) -> Vec<Table> {
        let cause = |c: RootCause| match lang {
            Lang::ZhCn => c.label_zh(),
            Lang::En => c.label_en(),
        };
        let mut t = Table::new(
            Msg::new("服务指标", "Service metrics"),
            vec![
                Column::new("period", "周期", "Period", ColumnKind::Text),
                Column::new("created", "新建工单", "Created", ColumnKind::Integer),
                Column::new("resolved", "已解决", "Resolved", ColumnKind::Integer),
                Column::new(
                    "slaCompliance",
                    "SLA 达标率",
                    "SLA compliance",
                    ColumnKind::Text,
                ),
                Column::new(
                    "medianFirstResponseMin",
                    "首次响应中位数（营业分钟）",
                    "Median first response (business min)",
                    ColumnKind::Integer,
                ),
                Column::new(
                    "medianResolutionMin",
                    "解决时长中位数（营业分钟）",
                    "Median resolution (business min)",
                    ColumnKind::Integer,
                ),
                Column::new(
                    "csatResponses",
                    "满意度回复数",
                    "CSAT responses",
                    ColumnKind::Integer,
                ),
                Column::new(
                    "csat",
                    "满意度（4–5 分占比）",
                    "CSAT (share of 4–5)",
                    ColumnKind::Text,
                ),
                Column::new("complaints", "投诉", "Complaints", ColumnKind::Integer),
                Column::new("orders", "订单", "Orders", ColumnKind::Integer),
                Column::new(
                    "complaintsPer100",
                    "每百单投诉",
                    "Complaints per 100 orders",
                    ColumnKind::Text,
                ),
            ],
        );
        for r in &self.rows {
            t.rows.push(vec![
                Cell::Text(r.period.clone()),
                Cell::Integer(r.created as i64),
                Cell::Integer(r.resolved as i64),
                pct(r.sla_compliance_permille),
                opt(r.median_first_response_min),
                opt(r.median_resolution_min),
                Cell::Integer(r.csat_responses as i64),
                pct(r.csat_permille),
                Cell::Integer(r.complaints as i64),
                Cell::Integer(r.orders as i64),
                r.complaints_per_100_orders_x10
                    .map(Cell::Tenths)
                    .unwrap_or_else(|| Cell::Text("—".into())),
            ]);
        }
        let mut causes = Table::new(
            Msg::new("主要原因", "Top root causes"),
            vec![
                Column::new("cause", "原因", "Root cause", ColumnKind::Text),
                Column::new("tickets", "工单数", "Tickets", ColumnKind::Integer),
            ],
        );
        for c in &self.top_root_causes {
            causes.rows.push(vec![
                Cell::Text(cause(c.cause).into()),
                Cell::Integer(c.tickets as i64),
            ]);
        }
        let mut comp = Table::new(
            Msg::new("补偿成本", "Compensation cost"),
            vec![
                Column::new("month", "月份", "Month", ColumnKind::Text),
                Column::new("cause", "原因", "Root cause", ColumnKind::Text),
                Column::new("count", "次数", "Count", ColumnKind::Integer),
                Column::new("amountFen", "金额", "Amount", ColumnKind::MoneyFen),
            ],
        );
        for c in &self.compensation {
            comp.rows.push(vec![
                Cell::Text(c.month.clone()),
                Cell::Text(
                    c.cause
                        .map(cause)
                        .unwrap_or(match lang {
                            Lang::ZhCn => "未填写",
                            Lang::En => "Not recorded",
                        })
                        .into(),
                ),
                Cell::Integer(c.count as i64),
                Cell::MoneyFen(c.amount_fen),
            ]);
        }
        vec![t, causes, comp]
    }
}

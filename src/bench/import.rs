//! `laoke bench import`: generate a realistic 1M-row Taobao order CSV and a 100k-row xlsx
//! (Laoke's order template), import each into a fresh encrypted store, report rows/s, seconds
//! and peak RSS. The generated files hold made-up people only; they live in a temp folder that
//! is removed afterwards.

use crate::import::{self, phases::cpu_seconds, ImportReport, ImportRequest};
use crate::{
    auth::Role,
    clock::SharedClock,
    export::xlsx,
    i18n::{Lang, Msg},
    store::Store,
    table::{Cell, Column, ColumnKind, Table},
    users::NewUser,
    Error, Result,
};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::Instant;

/// One measured import.
#[derive(Debug, Clone)]
pub struct BenchResult {
    pub label: String,
    pub rows: u64,
    pub file_mb: f64,
    pub seconds: f64,
    /// CPU time (user + system) the import used: on a busy shared machine this is the
    /// number to compare, wall time depends on what else runs.
    pub cpu_seconds: Option<f64>,
    pub rows_per_s: f64,
    /// Peak resident memory during the import (VmHWM after resetting it), MiB.
    pub peak_rss_mib: Option<f64>,
    pub report: ImportReport,
    /// Where the time went.
    pub phases: Vec<import::phases::Phase>,
}

/// Simple deterministic generator (no external data): xorshift.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len() as u64) as usize]
    }
}

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "林", "罗", "高",
];
const GIVEN: &[&str] = &[
    "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
    "涛", "明", "超", "秀兰", "霞",
];
const PRODUCTS: &[&str] = &[
    "桂花乌龙茶 250g",
    "明前龙井 100g 礼盒",
    "手工红糖 500g",
    "云南小粒咖啡豆 1kg",
    "有机枸杞 300g",
    "蜂蜜柚子茶 1kg",
    "坚果礼盒 8 袋装",
    "陈皮普洱 357g",
];
const CITIES: &[&str] = &[
    "浙江省 杭州市 西湖区",
    "广东省 深圳市 南山区",
    "上海 上海市 浦东新区",
    "北京 北京市 朝阳区",
    "江苏省 南京市 鼓楼区",
    "四川省 成都市 武侯区",
];
const STATUSES: &[&str] = &[
    "交易成功",
    "交易成功",
    "交易成功",
    "卖家已发货，等待买家确认",
    "买家已付款，等待卖家发货",
    "交易关闭",
    "等待买家付款",
];

/// Real Taobao 订单报表 headers, with the trailing spaces the export has.
const TAOBAO_HEADERS: &[&str] = &[
    "订单编号 ",
    "买家会员名 ",
    "买家支付宝账号 ",
    "买家应付货款 ",
    "买家应付邮费 ",
    "买家支付积分 ",
    "总金额 ",
    "返点积分 ",
    "买家实际支付金额 ",
    "买家实际支付积分 ",
    "订单状态 ",
    "买家留言 ",
    "收货人姓名 ",
    "收货地址 ",
    "运送方式 ",
    "联系电话 ",
    "联系手机 ",
    "订单创建时间 ",
    "订单付款时间 ",
    "宝贝标题 ",
    "宝贝种类 ",
    "物流单号 ",
    "物流公司 ",
    "订单备注 ",
    "宝贝总数量 ",
    "店铺Id ",
    "店铺名称 ",
    "退款金额 ",
];

fn csv_field(out: &mut Vec<u8>, s: &str) {
    if s.contains([',', '"', '\n']) {
        out.push(b'"');
        out.extend_from_slice(s.replace('"', "\"\"").as_bytes());
        out.push(b'"');
    } else {
        out.extend_from_slice(s.as_bytes());
    }
}

/// Write `rows` Taobao order rows (UTF-8 with BOM, ="…" order numbers, half the phones masked)
/// to `path`; about 20 % of buyers come back.
pub fn write_taobao_csv(path: &Path, rows: u64, seed: u64) -> Result<()> {
    let mut f = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(path)?);
    let mut rng = Rng(seed | 1);
    f.write_all(&[0xEF, 0xBB, 0xBF])?;
    f.write_all(TAOBAO_HEADERS.join(",").as_bytes())?;
    f.write_all(b"\r\n")?;
    let buyers = (rows / 5).max(1);
    let mut line = Vec::with_capacity(512);
    for i in 0..rows {
        line.clear();
        let buyer = rng.below(buyers);
        let name = format!(
            "{}{}",
            SURNAMES[(buyer % 20) as usize],
            GIVEN[((buyer / 20) % 20) as usize]
        );
        let qty = 1 + rng.below(3);
        let unit = 1_990 + rng.below(30_000);
        let goods = unit * qty;
        let ship = if goods > 9_900 { 0 } else { 800 };
        let paid = goods + ship;
        let status = rng.pick(STATUSES);
        let refund = if status == "交易关闭" && rng.below(2) == 0 {
            paid
        } else {
            0
        };
        let day = rng.below(730);
        let (y, doy) = if day < 365 {
            (2023, day)
        } else {
            (2024, day - 365)
        };
        let month = 1 + doy / 31 % 12;
        let dom = 1 + doy % 28;
        let (h, m, s) = (rng.below(24), rng.below(60), rng.below(60));
        let created = format!("{y}-{month:02}-{dom:02} {h:02}:{m:02}:{s:02}");
        let paid_at = if status == "等待买家付款" || (status == "交易关闭" && refund == 0)
        {
            String::new()
        } else {
            format!("{y}-{month:02}-{dom:02} {h:02}:{m:02}:{:02}", (s + 30) % 60)
        };
        let phone_digits = 13_000_000_000 + (buyer * 7_919) % 6_999_999_999;
        let phone = if buyer % 2 == 0 {
            let p = phone_digits.to_string();
            format!("{}****{}", &p[..3], &p[7..])
        } else {
            phone_digits.to_string()
        };
        let yuan = |f: u64| format!("{}.{:02}", f / 100, f % 100);
        let fields: [String; 28] = [
            format!(
                "=\"{}\"",
                3_700_000_000_000_000_000u64 + seed * 10_000_000 + i
            ),
            format!("tb_{buyer}"),
            "**".into(),
            yuan(goods),
            yuan(ship),
            "0".into(),
            yuan(paid),
            "0".into(),
            if paid_at.is_empty() {
                "0.00".into()
            } else {
                yuan(paid)
            },
            "0".into(),
            status.into(),
            String::new(),
            name,
            format!(
                "{} 文三路 {} 号",
                CITIES[(buyer % 6) as usize],
                buyer % 300 + 1
            ),
            "快递".into(),
            String::new(),
            format!("'{phone}"),
            created,
            paid_at,
            rng.pick(PRODUCTS).into(),
            "1".into(),
            format!("YT{}", 1_000_000_000 + i),
            "圆通速递".into(),
            String::new(),
            qty.to_string(),
            "123456".into(),
            "老客茶铺".into(),
            yuan(refund),
        ];
        for (j, v) in fields.iter().enumerate() {
            if j > 0 {
                line.push(b',');
            }
            csv_field(&mut line, v);
        }
        line.extend_from_slice(b"\r\n");
        f.write_all(&line)?;
    }
    f.flush()?;
    Ok(())
}

/// Write `rows` orders in Laoke's order template as xlsx.
pub fn write_template_xlsx(path: &Path, rows: u64, seed: u64) -> Result<()> {
    let template = import::presets::TEMPLATE_ORDERS;
    let columns = template
        .iter()
        .map(|(f, hs)| Column::new(format!("{f:?}"), hs[0], hs[0], ColumnKind::Text))
        .collect();
    let mut t = Table::new(Msg::new("订单", "Orders"), columns);
    let mut rng = Rng(seed | 1);
    let buyers = (rows / 4).max(1);
    for i in 0..rows {
        let buyer = rng.below(buyers);
        let qty = 1 + rng.below(3) as i64;
        let unit = 1_990 + rng.below(30_000) as i64;
        let day = rng.below(365);
        let dt = format!(
            "2024-{:02}-{:02} {:02}:{:02}:00",
            1 + day / 31 % 12,
            1 + day % 28,
            rng.below(24),
            rng.below(60)
        );
        let phone = 13_000_000_000u64 + (buyer * 7_919) % 6_999_999_999;
        let money = |f: i64| Cell::Text(format!("{}.{:02}", f / 100, f % 100));
        t.rows.push(vec![
            Cell::Text(format!("MD{seed}{i:09}")),
            Cell::Text("门店".into()),
            Cell::Text("交易成功".into()),
            Cell::Text(dt.clone()),
            Cell::Text(dt),
            Cell::Empty,
            Cell::Text(format!(
                "{}{}",
                SURNAMES[(buyer % 20) as usize],
                GIVEN[((buyer / 20) % 20) as usize]
            )),
            Cell::Text(phone.to_string()),
            Cell::Text(CITIES[(buyer % 6) as usize].into()),
            Cell::Text(rng.pick(PRODUCTS).into()),
            Cell::Empty,
            Cell::Text("茶叶".into()),
            Cell::Integer(qty),
            money(unit),
            money(0),
            money(0),
            money(unit * qty),
            money(0),
            Cell::Empty,
        ]);
    }
    let bytes = xlsx::to_buffer(
        &[t],
        Lang::ZhCn,
        chrono_tz::Asia::Shanghai,
        "bench",
        chrono::DateTime::default(),
    )?;
    std::fs::write(path, bytes)?;
    Ok(())
}

/// Peak resident set size of this process since the last reset, MiB (Linux).
pub fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// Reset the peak RSS counter (Linux ≥ 4.0), so each import is measured on its own.
pub fn reset_peak_rss() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// Generate both files in `work`, import each into a new encrypted store there, measure.
pub fn run(
    work: &Path,
    csv_rows: u64,
    xlsx_rows: u64,
    bulk: import::BulkMode,
    clock: SharedClock,
    log: &mut dyn FnMut(&str),
) -> Result<Vec<BenchResult>> {
    std::fs::create_dir_all(work)?;
    let csv = work.join("taobao-orders.csv");
    let xlsx_path = work.join("orders-template.xlsx");
    let started = Instant::now();
    if csv_rows > 0 {
        write_taobao_csv(&csv, csv_rows, 7)?;
    }
    log(&format!(
        "generated {} ({csv_rows} rows) in {:.1} s",
        csv.display(),
        started.elapsed().as_secs_f64()
    ));
    let started = Instant::now();
    if xlsx_rows > 0 {
        write_template_xlsx(&xlsx_path, xlsx_rows, 9)?;
    }
    log(&format!(
        "generated {} ({xlsx_rows} rows) in {:.1} s",
        xlsx_path.display(),
        started.elapsed().as_secs_f64()
    ));
    let owner = NewUser {
        username: "owner".into(),
        display_name: "店主".into(),
        role: Role::Owner,
        password: "bench password 1".into(),
    };
    let mut out = Vec::new();
    for (label, path, rows) in [
        ("CSV (Taobao, UTF-8 BOM)", &csv, csv_rows),
        ("xlsx (Laoke template)", &xlsx_path, xlsx_rows),
    ] {
        if rows == 0 {
            continue; // --csv-rows 0 / --xlsx-rows 0: time only the other file
        }
        let dir: PathBuf = work.join(format!(
            "store-{}",
            path.extension().unwrap_or_default().to_string_lossy()
        ));
        if dir.exists() {
            std::fs::remove_dir_all(&dir)?; // a store from an earlier run in the same --dir
        }
        let (store, session, _key) = Store::init(&dir, &owner, clock.clone())?;
        let file_mb = std::fs::metadata(path)?.len() as f64 / 1e6;
        reset_peak_rss();
        let cpu_before = cpu_seconds();
        let started = Instant::now();
        let (report, phases) = import::run_measured(
            &store,
            &session,
            &ImportRequest {
                path: path.clone(),
                preset: None,
                mapping: None,
            },
            bulk,
            &mut |_| {},
            &AtomicBool::new(false),
        )?;
        let seconds = started.elapsed().as_secs_f64();
        let peak = peak_rss_mib();
        let cpu = cpu_seconds().zip(cpu_before).map(|(a, b)| a - b);
        if report.rejected > 0 {
            return Err(Error::Internal(format!(
                "bench file had {} rejected rows",
                report.rejected
            )));
        }
        if path == &xlsx_path {
            // Undo of the whole 100k-order batch (one transaction), timed the same way.
            let cpu_before = cpu_seconds();
            let started = Instant::now();
            let undo = import::undo(&store, &session, report.batch_id.unwrap_or_default())?;
            let cpu = cpu_seconds().zip(cpu_before).map(|(a, b)| a - b);
            log(&format!(
                "undo of the xlsx import: {:.2} s wall, {} CPU ({} orders and {} customers removed)",
                started.elapsed().as_secs_f64(),
                cpu.map(|c| format!("{c:.2} s")).unwrap_or_else(|| "?".into()),
                undo.orders_removed,
                undo.customers_removed
            ));
        }
        out.push(BenchResult {
            label: label.into(),
            rows: report.rows,
            file_mb,
            seconds,
            cpu_seconds: cpu,
            rows_per_s: report.rows as f64 / seconds,
            peak_rss_mib: peak,
            report,
            phases,
        });
    }
    Ok(out)
}

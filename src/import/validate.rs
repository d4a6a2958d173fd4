//! Turning one row's cells into checked values, with a reason (zh + en) naming the column for
//! everything that does not fit. Nothing here touches the database.
//!
//! The forms shops actually have: `="2024…"` order numbers (Taobao keeps Excel from rounding
//! them), a leading `'` or tab for the same reason, `¥1,234.50` amounts, `2024-03-05 14:02:11`,
//! `2024/3/5` or Excel serial dates (read in the shop's timezone), masked phones `138****1234`
//! (never stored: the buyer is matched by platform nick instead), and text that starts with `=`
//! (kept as text; nothing is ever evaluated).

use super::fields::Field;
use super::mapping::Resolved;
use super::read::{
    clean_text, format_number, serial_to_naive, serial_to_text, Value, MAX_CELL_CHARS,
};
use crate::{
    customers::{Gender, NewCustomer},
    i18n::Msg,
    money,
    orders::{Channel, OrderStatus},
    phone,
};
use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use std::borrow::Cow;

/// One thing wrong with one row.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// The column (index into the header row), when one column is to blame.
    pub column: Option<usize>,
    pub msg: Msg,
}

/// A cell as text, cleaned; None when empty.
fn text<'a>(v: &'a Value<'a>) -> Option<Cow<'a, str>> {
    match v {
        Value::Empty => None,
        Value::Text(s) => {
            let c = clean_text(s);
            let lowered = c.to_ascii_lowercase();
            if c.is_empty() || matches!(lowered.as_str(), "null" | "-" | "--" | "n/a" | "无") {
                None
            } else {
                Some(Cow::Owned(c.into_owned()))
            }
        }
        Value::Number(n) => Some(Cow::Owned(format_number(*n))),
        Value::Date(d) => Some(Cow::Owned(serial_to_text(*d))),
    }
}

/// Amount in fen from `¥1,234.50`, `1234.5`, `12元` or a number cell. Rounds to the fen
/// ([`crate::money::parse_export_amount`], [`crate::money::fen_from_yuan_number`]).
pub(crate) fn parse_money(v: &Value) -> Result<Option<i64>, ()> {
    match v {
        Value::Number(n) => money::fen_from_yuan_number(*n).map(Some).ok_or(()),
        Value::Date(_) => Err(()),
        Value::Empty => Ok(None),
        Value::Text(_) => {
            let Some(t) = text(v) else { return Ok(None) };
            money::parse_export_amount(&t).map(Some).ok_or(())
        }
    }
}

/// A time of day in the shop's timezone, from the forms in DEFAULTS.md (and a few more).
pub(crate) fn parse_datetime(v: &Value, tz: Tz) -> Result<Option<DateTime<Utc>>, ()> {
    let naive = match v {
        Value::Empty => return Ok(None),
        Value::Date(d) | Value::Number(d) => serial_to_naive(*d).ok_or(())?,
        Value::Text(_) => {
            let Some(t) = text(v) else { return Ok(None) };
            parse_naive(&t).ok_or(())?
        }
    };
    Ok(tz
        .from_local_datetime(&naive)
        .earliest()
        .map(|t| t.with_timezone(&Utc)))
}

fn parse_naive(s: &str) -> Option<NaiveDateTime> {
    let s = s.trim();
    if let Some(t) = parse_plain(s) {
        return Some(t);
    }
    if let Ok(serial) = s.parse::<f64>() {
        if s.contains('.') || (20_000.0..80_000.0).contains(&serial) {
            return serial_to_naive(serial);
        }
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.with_timezone(&Utc).naive_utc());
    }
    let s = s.replace(['年', '月'], "-").replace(['日', 'T'], " ");
    let s = s.trim();
    for f in [
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y/%m/%d %H:%M:%S%.f",
        "%Y.%m.%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y/%m/%d %H:%M",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, f) {
            return Some(t);
        }
    }
    for f in ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y%m%d"] {
        if let Ok(d) = NaiveDate::parse_from_str(s, f) {
            return Some(d.and_time(NaiveTime::MIN));
        }
    }
    None
}

/// The form nearly every export uses, `2024-03-05 14:02:11` (or with `/`), read without
/// chrono's format machinery: a million rows have two of these each. Anything else (or an
/// impossible date) is left to the general parser, which gives the same answer for this form.
fn parse_plain(s: &str) -> Option<NaiveDateTime> {
    let b = s.as_bytes();
    if b.len() != 19 || b[4] != b[7] || !matches!(b[4], b'-' | b'/') {
        return None;
    }
    if b[10] != b' ' || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let num = |from: usize, to: usize| -> Option<u32> {
        b[from..to].iter().try_fold(0u32, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    NaiveDate::from_ymd_opt(num(0, 4)? as i32, num(5, 7)?, num(8, 10)?)?.and_hms_opt(
        num(11, 13)?,
        num(14, 16)?,
        num(17, 19)?,
    )
}

/// Platform status words → Laoke's statuses (Taobao, JD, Pinduoduo, Douyin, WeChat shop).
pub fn parse_status(s: &str) -> Option<OrderStatus> {
    let t = s.trim();
    if let Some(st) = OrderStatus::parse(t) {
        return Some(st);
    }
    let has = |w: &str| t.contains(w);
    Some(if has("退款成功") || has("已退款") || has("全额退款") {
        OrderStatus::Refunded
    } else if has("部分退款") {
        OrderStatus::PartiallyRefunded
    } else if has("关闭") || has("取消") || has("锁定") || has("删除") {
        OrderStatus::Cancelled
    } else if has("成功") || has("完成") || has("已收货") || has("已签收") {
        OrderStatus::Completed
    } else if has("已发货")
        || has("待收货")
        || has("等待买家确认")
        || has("等待确认收货")
        || has("配送")
    {
        OrderStatus::Shipped
    } else if has("待发货")
        || has("已付款")
        || has("已支付")
        || has("等待卖家发货")
        || has("等待出库")
        || has("待出库")
        || has("已成团")
    {
        OrderStatus::Paid
    } else if has("待付款")
        || has("待支付")
        || has("未付款")
        || has("等待买家付款")
        || has("等待付款")
    {
        OrderStatus::Unpaid
    } else {
        return None;
    })
}

/// One order row, checked. Grouping rows of the same order and the money rules are in
/// `commit` (it sees all rows of an order).
#[derive(Clone, Debug, Default)]
pub struct OrderRow {
    pub order_no: String,
    pub channel: Option<Channel>,
    pub status: Option<OrderStatus>,
    pub ordered_at: Option<DateTime<Utc>>,
    pub paid_at: Option<DateTime<Utc>>,
    pub goods: Option<i64>,
    pub shipping: Option<i64>,
    pub discount: Option<i64>,
    pub paid: Option<i64>,
    pub refunded: Option<i64>,
    pub product: Option<String>,
    pub sku: String,
    pub category: String,
    pub quantity: Option<i64>,
    pub unit_price: Option<i64>,
    pub buyer_nick: Option<String>,
    pub receiver_name: Option<String>,
    /// E.164; None when empty or masked.
    pub mobile: Option<String>,
    pub masked_phone: bool,
    pub address: Option<String>,
    pub province: Option<String>,
    pub city: Option<String>,
    pub note: String,
}

struct RowReader<'r, 'a> {
    m: &'r Resolved,
    cells: &'r [Value<'a>],
    problems: Vec<Problem>,
}

impl<'r, 'a> RowReader<'r, 'a> {
    fn cell(&self, f: Field) -> Option<(usize, &'r Value<'a>)> {
        let i = self.m.col(f)?;
        self.cells.get(i).map(|v| (i, v))
    }

    fn fail(&mut self, col: usize, zh: String, en: String) {
        self.problems.push(Problem {
            column: Some(col),
            msg: Msg::new(zh, en),
        });
    }

    fn text(&self, f: Field) -> Option<String> {
        self.cell(f)
            .and_then(|(_, v)| text(v))
            .map(|c| c.into_owned())
    }

    fn money(&mut self, f: Field) -> Option<i64> {
        let (i, v) = self.cell(f)?;
        match parse_money(v) {
            Ok(x) => x,
            Err(()) => {
                let shown = v.to_text();
                self.fail(
                    i,
                    format!("“{shown}”不是金额，例如 128.50。"),
                    format!("'{shown}' is not an amount, e.g. 128.50."),
                );
                None
            }
        }
    }

    fn datetime(&mut self, f: Field, tz: Tz) -> Option<DateTime<Utc>> {
        let (i, v) = self.cell(f)?;
        match parse_datetime(v, tz) {
            Ok(t) => t,
            Err(()) => {
                let shown = v.to_text();
                self.fail(
                    i,
                    format!("“{shown}”不是日期时间，例如 2024-03-05 14:02:11 或 2024/3/5。"),
                    format!("'{shown}' is not a date, e.g. 2024-03-05 14:02:11 or 2024/3/5."),
                );
                None
            }
        }
    }

    fn long_cells(&mut self) {
        for (i, v) in self.cells.iter().enumerate() {
            if let Value::Text(s) = v {
                if s.len() > MAX_CELL_CHARS && s.chars().count() > MAX_CELL_CHARS {
                    self.fail(
                        i,
                        format!(
                            "单元格太长（{} 个字符，最多 {MAX_CELL_CHARS}）。",
                            s.chars().count()
                        ),
                        format!(
                            "The cell is too long ({} characters, at most {MAX_CELL_CHARS}).",
                            s.chars().count()
                        ),
                    );
                }
            }
        }
    }

    /// A phone: masked → none (flagged); invalid → a problem when `strict`.
    fn phone(&mut self, f: Field, strict: bool) -> (Option<String>, bool) {
        let Some((i, v)) = self.cell(f) else {
            return (None, false);
        };
        let Some(t) = text(v) else {
            return (None, false);
        };
        if t.contains('*') {
            return (None, true);
        }
        match phone::normalize(&t) {
            Ok(p) => (Some(p), false),
            Err(_) if strict => {
                self.fail(
                    i,
                    format!("“{t}”不是有效的电话号码，例如 13800138000。"),
                    format!("'{t}' is not a valid phone number, e.g. 13800138000."),
                );
                (None, false)
            }
            Err(_) => (None, false),
        }
    }
}

/// Check one order row.
pub fn order_row(m: &Resolved, cells: &[Value], tz: Tz) -> Result<OrderRow, Vec<Problem>> {
    let mut r = RowReader {
        m,
        cells,
        problems: Vec::new(),
    };
    r.long_cells();
    let mut row = OrderRow::default();
    if let Some((i, v)) = r.cell(Field::OrderNo) {
        match v {
            Value::Number(n) if n.abs() > 9.0e15 || n.fract() != 0.0 => r.fail(
                i,
                format!("订单号被 Excel 存成了数字（{}），后几位已经丢失。请把这一列设为“文本”后重新导出。", format_number(*n)),
                format!("Excel stored the order number as a number ({}), so its last digits are lost. Format the column as Text and export again.", format_number(*n)),
            ),
            _ => match text(v) {
                Some(t) => row.order_no = t.into_owned(),
                None => r.fail(i, "订单号不能为空。".into(), "The order number is empty.".into()),
            },
        }
    }
    if let Some((i, v)) = r.cell(Field::Channel) {
        if let Some(t) = text(v) {
            match Channel::parse(&t) {
                Some(c) => row.channel = Some(c),
                None => r.fail(
                    i,
                    format!("不认识的渠道“{t}”，可填：淘宝、天猫、京东、拼多多、微信小店、抖音小店、门店、其他。"),
                    format!("Unknown channel '{t}'; use Taobao, Tmall, JD, Pinduoduo, WeChat shop, Douyin shop, In store or Other."),
                ),
            }
        }
    }
    if let Some((i, v)) = r.cell(Field::Status) {
        if let Some(t) = text(v) {
            match parse_status(&t) {
                Some(s) => row.status = Some(s),
                None => r.fail(
                    i,
                    format!("不认识的订单状态“{t}”。"),
                    format!("Unknown order status '{t}'."),
                ),
            }
        }
    }
    // 售后状态: a refund recorded there outranks the order's own status (已收货 then 退款成功);
    // any other after-sale word (无售后, 退款中, 售后取消) leaves the status as it is.
    if let Some((_, v)) = r.cell(Field::AfterSale) {
        if let Some(t) = text(v) {
            if let Some(s @ (OrderStatus::Refunded | OrderStatus::PartiallyRefunded)) =
                parse_status(&t).filter(|_| !t.contains("取消") && !t.contains("无售后"))
            {
                row.status = Some(s);
            }
        }
    }
    row.ordered_at = r.datetime(Field::OrderedAt, tz);
    if row.ordered_at.is_none() {
        if let Some((i, v)) = r.cell(Field::OrderedAt) {
            if v.is_empty() {
                r.fail(
                    i,
                    "下单时间不能为空。".into(),
                    "The order time is empty.".into(),
                );
            }
        }
    }
    row.paid_at = r.datetime(Field::PaidAt, tz);
    row.goods = r.money(Field::GoodsAmount);
    row.shipping = r.money(Field::Shipping);
    row.discount = r.money(Field::Discount);
    row.paid = r.money(Field::Paid);
    row.refunded = r.money(Field::Refunded);
    row.unit_price = r.money(Field::UnitPrice);
    row.product = r.text(Field::ProductName);
    row.sku = r.text(Field::Sku).unwrap_or_default();
    row.category = r.text(Field::Category).unwrap_or_default();
    if let Some((i, v)) = r.cell(Field::Quantity) {
        let q = match v {
            Value::Number(n) if n.fract() == 0.0 && *n >= 1.0 && *n < 1e9 => Some(*n as i64),
            _ => text(v)
                .and_then(|t| t.parse::<i64>().ok())
                .filter(|q| *q >= 1),
        };
        match (q, v.is_empty()) {
            (Some(q), _) => row.quantity = Some(q),
            (None, true) => {}
            (None, false) => {
                let shown = v.to_text();
                r.fail(
                    i,
                    format!("数量“{shown}”必须是大于 0 的整数。"),
                    format!("Quantity '{shown}' must be a whole number above 0."),
                )
            }
        }
    }
    row.buyer_nick = r.text(Field::BuyerNick);
    row.receiver_name = r.text(Field::ReceiverName);
    let (mobile, masked) = r.phone(Field::Mobile, true);
    let (landline, masked2) = if mobile.is_none() {
        r.phone(Field::Phone, false)
    } else {
        (None, false)
    };
    row.mobile = mobile.or(landline);
    row.masked_phone = masked || masked2;
    row.province = r.text(Field::Province);
    row.city = r.text(Field::City);
    let district = r.text(Field::District);
    row.address = match (r.text(Field::Address), &row.province, &row.city, district) {
        // Douyin and WeChat give 区 in its own column and the street address without it.
        (Some(a), _, _, Some(d)) if !a.contains(d.as_str()) => Some(format!("{d}{a}")),
        (Some(a), _, _, _) => Some(a),
        (None, p, c, d) => {
            let parts: Vec<&str> = [p.as_deref(), c.as_deref(), d.as_deref()]
                .into_iter()
                .flatten()
                .collect();
            (!parts.is_empty()).then(|| parts.join(""))
        }
    };
    if row.province.is_none() {
        if let Some((p, c)) = row.address.as_deref().and_then(region_of) {
            row.province = Some(p);
            row.city = row.city.take().or(Some(c));
        }
    }
    row.note = r.text(Field::Note).unwrap_or_default();
    if r.problems.is_empty() {
        Ok(row)
    } else {
        Err(r.problems)
    }
}

/// Province and city from a marketplace address, which starts "浙江省 杭州市 西湖区 …"
/// (Taobao, JD and Douyin separate the parts with spaces). Province without 省/市 suffix, as
/// shops write it ("浙江", "上海").
fn region_of(address: &str) -> Option<(String, String)> {
    let mut parts = address.split_whitespace();
    let (p, c) = (parts.next()?, parts.next()?);
    parts.next()?;
    let short = |s: &str| -> Option<String> {
        let n = s.chars().count();
        if !(2..=10).contains(&n) {
            return None;
        }
        let trimmed = s
            .strip_suffix("维吾尔自治区")
            .or_else(|| s.strip_suffix("壮族自治区"))
            .or_else(|| s.strip_suffix("回族自治区"))
            .or_else(|| s.strip_suffix("自治区"))
            .or_else(|| s.strip_suffix('省'))
            .or_else(|| s.strip_suffix('市'))
            .unwrap_or(s);
        Some(trimmed.to_string())
    };
    let province = short(p)?;
    let city = short(c)?;
    let looks_like_region =
        p.ends_with(['省', '市', '区']) || ["北京", "上海", "天津", "重庆"].contains(&p);
    looks_like_region.then_some((province, city))
}

/// Check one customer row into a [`NewCustomer`] (phones as written; `customers::validate`
/// normalises them).
pub fn customer_row(m: &Resolved, cells: &[Value]) -> Result<NewCustomer, Vec<Problem>> {
    let mut r = RowReader {
        m,
        cells,
        problems: Vec::new(),
    };
    r.long_cells();
    let mut c = NewCustomer {
        name: r.text(Field::Name).unwrap_or_default(),
        ..Default::default()
    };
    if let Some((i, _)) = r.cell(Field::Name) {
        let n = c.name.chars().count();
        if n == 0 || n > 60 {
            r.fail(
                i,
                "姓名：请填写 1–60 个字符。".into(),
                "Name: enter 1–60 characters.".into(),
            );
        }
    }
    for f in [Field::Mobile, Field::Phone] {
        let (p, _masked) = r.phone(f, f == Field::Mobile);
        if let Some(p) = p {
            c.phones.push(p);
        }
    }
    c.gender = r
        .text(Field::Gender)
        .map(|g| Gender::parse(&g))
        .unwrap_or_default();
    if let Some((i, v)) = r.cell(Field::Birthday) {
        match birthday(v) {
            Ok(b) => c.birthday = b,
            Err(()) => {
                let shown = v.to_text();
                r.fail(
                    i,
                    format!("生日“{shown}”格式不对，例如 1990-05-20 或 05-20。"),
                    format!("Birthday '{shown}' is not a date, e.g. 1990-05-20 or 05-20."),
                )
            }
        }
    }
    if let Some((i, v)) = r.cell(Field::Email) {
        if let Some(e) = text(v) {
            let ok = e
                .split_once('@')
                .is_some_and(|(a, b)| !a.is_empty() && b.contains('.'));
            if ok {
                c.email = Some(e.into_owned());
            } else {
                r.fail(
                    i,
                    format!("邮箱“{e}”格式不对。"),
                    format!("Email '{e}' is not an email address."),
                );
            }
        }
    }
    c.wechat_id = r.text(Field::Wechat);
    c.qq = r.text(Field::Qq);
    if let Some(nick) = r.text(Field::BuyerNick) {
        let platform = r
            .text(Field::Channel)
            .and_then(|p| Channel::parse(&p))
            .map(nick_platform)
            .unwrap_or("other");
        c.nicks.push((platform.to_string(), nick));
    }
    c.province = r.text(Field::Province);
    c.city = r.text(Field::City);
    c.address = r.text(Field::Address);
    c.source_channel = r.text(Field::Source);
    c.tags = r
        .text(Field::Tags)
        .map(|t| {
            t.split([',', '，', ';', '；', '、', '|', ' '])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    c.notes = r.text(Field::Note).unwrap_or_default();
    if r.problems.is_empty() {
        Ok(c)
    } else {
        Err(r.problems)
    }
}

/// `1990-05-20`, `1990/5/20`, an Excel date, or `05-20` / `5月20日` when the year is unknown
/// (stored as `--MM-DD`).
fn birthday(v: &Value) -> Result<Option<String>, ()> {
    if let Value::Date(d) | Value::Number(d) = v {
        return serial_to_naive(*d)
            .map(|t| Some(t.date().format("%Y-%m-%d").to_string()))
            .ok_or(());
    }
    let Some(t) = text(v) else { return Ok(None) };
    if let Some(dt) = parse_naive(&t) {
        return Ok(Some(dt.date().format("%Y-%m-%d").to_string()));
    }
    let s = t.replace(['月', '/'], "-").replace('日', "");
    let (m, d) = s.trim_start_matches('-').split_once('-').ok_or(())?;
    let (m, d): (u32, u32) = (
        m.trim().parse().map_err(|_| ())?,
        d.trim().parse().map_err(|_| ())?,
    );
    NaiveDate::from_ymd_opt(2000, m, d).ok_or(())?;
    Ok(Some(format!("--{m:02}-{d:02}")))
}

/// The platform a buyer nick belongs to. Taobao and Tmall share buyer accounts.
pub fn nick_platform(c: Channel) -> &'static str {
    match c {
        Channel::Taobao | Channel::Tmall => "taobao",
        Channel::Jd => "jd",
        Channel::Pdd => "pdd",
        Channel::WechatShop => "wechat_shop",
        Channel::Douyin => "douyin",
        Channel::InStore | Channel::Other => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Value<'_> {
        Value::Text(Cow::Borrowed(s))
    }

    #[test]
    fn amounts_in_the_forms_shops_write_become_exact_fen() {
        assert_eq!(parse_money(&t("¥1,234.50")), Ok(Some(123_450)));
        assert_eq!(parse_money(&t("12元")), Ok(Some(1200)));
        assert_eq!(parse_money(&t(".5")), Ok(Some(50)));
        assert_eq!(parse_money(&t("0.125")), Ok(Some(13)));
        assert_eq!(parse_money(&Value::Number(19.99)), Ok(Some(1999)));
        assert_eq!(parse_money(&t("")), Ok(None));
        assert!(parse_money(&t("abc")).is_err());
        assert!(parse_money(&t("-5")).is_err());
    }

    #[test]
    fn the_quick_date_reader_agrees_with_the_general_one() {
        for s in [
            "2024-03-05 14:02:11",
            "2024/03/05 00:00:00",
            "1999-12-31 23:59:59",
            "2024-02-29 12:00:00",
            "2023-02-29 12:00:00",
            "2024-13-01 00:00:00",
            "2024-03-05 24:00:00",
            "2024-03/05 14:02:11",
            "2024-03-05T14:02:11",
            "2024-3-5 14:02:111",
            "２０２４-03-05 14:02:11",
        ] {
            let general = ["%Y-%m-%d %H:%M:%S%.f", "%Y/%m/%d %H:%M:%S%.f"]
                .iter()
                .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok());
            // When it answers, it answers the same (otherwise the general reader decides).
            if let Some(t) = parse_plain(s) {
                assert_eq!(Some(t), general, "{s}");
            }
        }
        assert!(parse_plain("2024-03-05 14:02:11").is_some());
        assert!(parse_plain("2024/03/05 14:02:11").is_some());
    }

    #[test]
    fn dates_in_every_usual_form_are_read_in_the_shop_timezone() {
        let tz = chrono_tz::Asia::Shanghai;
        let want = Utc.with_ymd_and_hms(2024, 3, 5, 6, 2, 11).unwrap();
        assert_eq!(
            parse_datetime(&t("2024-03-05 14:02:11"), tz),
            Ok(Some(want))
        );
        let day = Utc.with_ymd_and_hms(2024, 3, 4, 16, 0, 0).unwrap();
        assert_eq!(parse_datetime(&t("2024/3/5"), tz), Ok(Some(day)));
        assert_eq!(parse_datetime(&Value::Date(45356.0), tz), Ok(Some(day)));
        assert_eq!(parse_datetime(&t("45356"), tz), Ok(Some(day)));
        assert!(parse_datetime(&t("yesterday"), tz).is_err());
    }

    #[test]
    fn export_wrappers_are_removed_and_formulas_stay_text() {
        assert_eq!(
            clean_text("=\"3712345678901234567\" "),
            "3712345678901234567"
        );
        assert_eq!(clean_text("'13800138000"), "13800138000");
        assert_eq!(clean_text("=SUM(A1:A2)"), "=SUM(A1:A2)");
    }

    #[test]
    fn platform_status_words_map_to_laoke_statuses() {
        assert_eq!(parse_status("交易成功"), Some(OrderStatus::Completed));
        assert_eq!(
            parse_status("买家已付款，等待卖家发货"),
            Some(OrderStatus::Paid)
        );
        assert_eq!(
            parse_status("卖家已发货，等待买家确认"),
            Some(OrderStatus::Shipped)
        );
        assert_eq!(parse_status("等待买家付款"), Some(OrderStatus::Unpaid));
        assert_eq!(parse_status("交易关闭"), Some(OrderStatus::Cancelled));
        assert_eq!(
            parse_status("已发货，退款成功"),
            Some(OrderStatus::Refunded)
        );
        assert_eq!(parse_status("???"), None);
    }

    #[test]
    fn province_and_city_come_from_a_marketplace_address() {
        assert_eq!(
            region_of("浙江省 杭州市 西湖区 文三路 88 号"),
            Some(("浙江".into(), "杭州".into()))
        );
        assert_eq!(
            region_of("上海 上海市 浦东新区 世纪大道"),
            Some(("上海".into(), "上海".into()))
        );
        assert_eq!(region_of("文三路 88 号 3 楼"), None);
    }

    #[test]
    fn birthdays_without_a_year_are_kept_as_month_and_day() {
        assert_eq!(birthday(&t("05-20")), Ok(Some("--05-20".into())));
        assert_eq!(birthday(&t("5月20日")), Ok(Some("--05-20".into())));
        assert_eq!(birthday(&t("1990/5/20")), Ok(Some("1990-05-20".into())));
        assert!(birthday(&t("13-40")).is_err());
    }
}

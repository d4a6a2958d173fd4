//! One person's data (PIPL right of access / portability): the profile, their orders and
//! items, their consent history and who looked at or changed their record (the audit rows about
//! them). Owner only and audited, like the full export; written the same atomic way.

use super::{
    full::{check_target, save_private},
    xlsx::XlsxBook,
    ExportReport,
};
use crate::{
    audit,
    auth::{Role, Session},
    customers,
    i18n::{Lang, Msg},
    phone, settings,
    store::Store,
    table::{Cell, Column, ColumnKind, Table},
    time::{parse_ts, BadTimestamp},
    Error, Result,
};
use rusqlite::Connection;
use serde_json::json;
use std::path::Path;

fn require_owner(session: &Session) -> Result<()> {
    if session.role() == Role::Owner {
        Ok(())
    } else {
        Err(Error::forbidden(
            format!(
                "只有店主可以导出客户的个人数据（当前是{}）。",
                session.role().label_zh()
            ),
            format!(
                "Only the owner may export a customer's personal data (you are a {}).",
                session.role().label_en()
            ),
        ))
    }
}

fn text(v: impl Into<String>) -> Cell {
    let s: String = v.into();
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s)
    }
}

fn opt(v: Option<String>) -> Cell {
    v.map(text).unwrap_or(Cell::Empty)
}

fn opt_ts(v: Option<String>) -> std::result::Result<Cell, BadTimestamp> {
    Ok(match v {
        Some(t) => Cell::DateTime(parse_ts(&t)?),
        None => Cell::Empty,
    })
}

/// The person's data as neutral tables (owner only): profile, orders, items, consent, audit.
pub fn person_tables(store: &Store, session: &Session, customer_id: i64) -> Result<Vec<Table>> {
    require_owner(session)?;
    let read = store.conn().unchecked_transaction()?;
    let c = customers::get(store, session, customer_id)?;
    let mut profile = Table::new(
        Msg::new("个人资料", "Profile"),
        vec![
            Column::new("field", "项目", "Field", ColumnKind::Text),
            Column::new("value", "内容", "Value", ColumnKind::Text),
        ],
    );
    profile.filterable = false;
    let nicks = c
        .nicks
        .iter()
        .map(|n| format!("{}: {}", n.platform, n.nick))
        .collect::<Vec<_>>()
        .join("；");
    for (zh, en, value) in [
        ("客户编号", "Customer id", Cell::Integer(c.id)),
        ("姓名", "Name", text(c.name.clone())),
        ("性别", "Gender", text(c.gender.as_str())),
        ("生日", "Birthday", opt(c.birthday.clone())),
        (
            "手机号",
            "Phones",
            text(
                c.phones
                    .iter()
                    .map(|p| phone::display(p))
                    .collect::<Vec<_>>()
                    .join("；"),
            ),
        ),
        ("邮箱", "Email", opt(c.email.clone())),
        ("微信号", "WeChat id", opt(c.wechat_id.clone())),
        ("QQ", "QQ", opt(c.qq.clone())),
        ("平台昵称", "Platform nicks", text(nicks)),
        ("省份", "Province", opt(c.province.clone())),
        ("城市", "City", opt(c.city.clone())),
        ("地址", "Address", opt(c.address.clone())),
        ("来源渠道", "Source channel", opt(c.source_channel.clone())),
        ("标签", "Tags", text(c.tags.join("；"))),
        ("备注", "Notes", text(c.notes.clone())),
        ("建档时间", "Created", Cell::DateTime(c.created_at)),
        ("最后修改", "Last changed", Cell::DateTime(c.updated_at)),
    ] {
        profile
            .rows
            .push(vec![Cell::Text(format!("{zh} / {en}")), value]);
    }
    let tables = vec![
        profile,
        orders_table(&read, customer_id)?,
        items_table(&read, customer_id)?,
        consent_table(&read, customer_id)?,
        audit_table(&read, customer_id)?,
    ];
    Ok(tables)
}

fn orders_table(conn: &Connection, id: i64) -> Result<Table> {
    let mut t = Table::new(
        Msg::new("订单", "Orders"),
        vec![
            Column::new("order_no", "订单号", "Order no.", ColumnKind::Text),
            Column::new("channel", "渠道", "Channel", ColumnKind::Text),
            Column::new("status", "状态", "Status", ColumnKind::Text),
            Column::new("ordered_at", "下单时间", "Ordered", ColumnKind::DateTime),
            Column::new("paid_at", "付款时间", "Paid", ColumnKind::DateTime),
            Column::new("goods_fen", "商品金额", "Goods", ColumnKind::MoneyFen),
            Column::new("shipping_fen", "运费", "Shipping", ColumnKind::MoneyFen),
            Column::new("discount_fen", "优惠", "Discount", ColumnKind::MoneyFen),
            Column::new("paid_fen", "实付", "Paid amount", ColumnKind::MoneyFen),
            Column::new("refunded_fen", "退款", "Refunded", ColumnKind::MoneyFen),
            Column::new("buyer_nick", "买家昵称", "Buyer nick", ColumnKind::Text),
            Column::new("receiver_name", "收货人", "Receiver", ColumnKind::Text),
            Column::new(
                "receiver_phone",
                "收货电话",
                "Receiver phone",
                ColumnKind::Text,
            ),
            Column::new(
                "receiver_address",
                "收货地址",
                "Receiver address",
                ColumnKind::Text,
            ),
        ],
    );
    let mut stmt = conn.prepare(
        "SELECT order_no, channel, status, ordered_at, paid_at, goods_fen, shipping_fen,
                discount_fen, paid_fen, refunded_fen, buyer_nick, receiver_name, receiver_phone,
                receiver_address
         FROM orders WHERE customer_id = ?1 ORDER BY ordered_at, id",
    )?;
    let mut rows = stmt.query([id])?;
    while let Some(r) = rows.next()? {
        t.rows.push(vec![
            text(r.get::<_, String>(0)?),
            text(r.get::<_, String>(1)?),
            text(r.get::<_, String>(2)?),
            opt_ts(r.get(3)?)?,
            opt_ts(r.get(4)?)?,
            Cell::MoneyFen(r.get(5)?),
            Cell::MoneyFen(r.get(6)?),
            Cell::MoneyFen(r.get(7)?),
            Cell::MoneyFen(r.get(8)?),
            Cell::MoneyFen(r.get(9)?),
            opt(r.get(10)?),
            opt(r.get(11)?),
            opt(r.get::<_, Option<String>>(12)?.map(|p| phone::display(&p))),
            opt(r.get(13)?),
        ]);
    }
    Ok(t)
}

fn items_table(conn: &Connection, id: i64) -> Result<Table> {
    let mut t = Table::new(
        Msg::new("订单明细", "Order items"),
        vec![
            Column::new("order_no", "订单号", "Order no.", ColumnKind::Text),
            Column::new("product_name", "商品", "Product", ColumnKind::Text),
            Column::new("sku", "SKU", "SKU", ColumnKind::Text),
            Column::new("category", "类目", "Category", ColumnKind::Text),
            Column::new("quantity", "数量", "Quantity", ColumnKind::Integer),
            Column::new("unit_price_fen", "单价", "Unit price", ColumnKind::MoneyFen),
        ],
    );
    let mut stmt = conn.prepare(
        "SELECT o.order_no, i.product_name, i.sku, i.category, i.quantity, i.unit_price_fen
         FROM order_items i JOIN orders o ON o.id = i.order_id
         WHERE o.customer_id = ?1 ORDER BY o.ordered_at, o.id, i.position, i.id",
    )?;
    let mut rows = stmt.query([id])?;
    while let Some(r) = rows.next()? {
        t.rows.push(vec![
            text(r.get::<_, String>(0)?),
            text(r.get::<_, String>(1)?),
            text(r.get::<_, String>(2)?),
            text(r.get::<_, String>(3)?),
            Cell::Integer(r.get(4)?),
            Cell::MoneyFen(r.get(5)?),
        ]);
    }
    Ok(t)
}

fn consent_table(conn: &Connection, id: i64) -> Result<Table> {
    let mut t = Table::new(
        Msg::new("营销同意", "Marketing consent"),
        vec![
            Column::new("at", "时间", "Time", ColumnKind::DateTime),
            Column::new("channel", "渠道", "Channel", ColumnKind::Text),
            Column::new("granted", "同意", "Granted", ColumnKind::Bool),
            Column::new("source", "来源", "Source", ColumnKind::Text),
            Column::new("recorded_by", "记录人", "Recorded by", ColumnKind::Text),
        ],
    );
    for e in customers::consent::read_history(conn, id)? {
        t.rows.push(vec![
            Cell::DateTime(e.at),
            text(e.channel.as_str()),
            Cell::Bool(e.granted),
            text(e.source),
            text(e.recorded_by),
        ]);
    }
    Ok(t)
}

fn audit_table(conn: &Connection, id: i64) -> Result<Table> {
    let mut t = Table::new(
        Msg::new("操作记录", "Activity"),
        vec![
            Column::new("at", "时间", "Time", ColumnKind::DateTime),
            Column::new("actor", "操作人", "By", ColumnKind::Text),
            Column::new("action", "操作", "Action", ColumnKind::Text),
        ],
    );
    let mut stmt = conn
        .prepare("SELECT at, actor_name, action FROM audit_log WHERE subject = ?1 ORDER BY id")?;
    let mut rows = stmt.query([format!("customer:{id}")])?;
    while let Some(r) = rows.next()? {
        t.rows.push(vec![
            opt_ts(r.get(0)?)?,
            text(r.get::<_, String>(1)?),
            text(r.get::<_, String>(2)?),
        ]);
    }
    Ok(t)
}

/// Write one person's data to an xlsx file at `path` (owner only, audited). The file appears
/// complete or not at all.
pub fn person_workbook(
    store: &Store,
    session: &Session,
    customer_id: i64,
    lang: Lang,
    path: &Path,
) -> Result<ExportReport> {
    require_owner(session)?;
    check_target(store, path)?;
    let tables = person_tables(store, session, customer_id)?;
    let now = store.now();
    let title = match lang {
        Lang::ZhCn => format!("客户 #{customer_id} 个人数据导出"),
        Lang::En => format!("Customer #{customer_id} personal data export"),
    };
    let mut book = XlsxBook::new(lang, settings::timezone(store), &title, now);
    let mut sheets = Vec::new();
    for (i, t) in tables.iter().enumerate() {
        if i == 0 {
            sheets.push((book.add_stacked(&t.title, &[t])?, t.rows.len() as u64));
        } else {
            for s in book.add_table(t)? {
                sheets.push((s, t.rows.len() as u64));
            }
        }
    }
    let bytes = book.finish()?;
    let file_name = save_private(path, &bytes)?;
    let audited = store.write(|tx, at| {
        audit::record(
            tx,
            at,
            session.audit_actor(),
            "customer_data_exported",
            &format!("customer:{customer_id}"),
            json!({ "file": file_name, "bytes": bytes.len() }),
        )
    });
    if let Err(e) = audited {
        let _ = std::fs::remove_file(path);
        return Err(e);
    }
    Ok(ExportReport {
        sheets,
        bytes: bytes.len() as u64,
    })
}

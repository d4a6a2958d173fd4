//! Readable names for the database's tables and columns, in both languages. A table or column
//! not listed here (a newer migration) is shown under its own name, so nothing is ever dropped
//! from an export for lack of a label.

use crate::table::ColumnKind;

/// (zh, en) sheet title for a table.
pub(super) fn table_title(table: &str) -> (String, String) {
    let known = match table {
        "customers" => Some(("客户", "Customers")),
        "customer_phones" => Some(("客户电话", "Customer phones")),
        "customer_nicks" => Some(("平台昵称", "Platform nicknames")),
        "customer_tags" => Some(("客户标签", "Customer tags")),
        "users" => Some(("用户", "Users")),
        "audit_log" => Some(("审计日志", "Audit log")),
        "settings" => Some(("设置", "Settings")),
        "backups" => Some(("备份记录", "Backups")),
        "backup_targets" => Some(("备份位置", "Backup folders")),
        "orders" => Some(("订单", "Orders")),
        "order_items" => Some(("订单商品", "Order items")),
        "products" => Some(("商品", "Products")),
        "categories" => Some(("商品分类", "Categories")),
        "customer_stats" => Some(("客户统计", "Customer stats")),
        "customer_consents" => Some(("营销同意", "Marketing consent")),
        "customer_merges" => Some(("客户合并记录", "Customer merges")),
        "import_batches" => Some(("导入批次", "Import batches")),
        "import_changes" => Some(("导入变更", "Import changes")),
        "import_mappings" => Some(("导入字段映射", "Import mappings")),
        _ => None,
    };
    match known {
        Some((zh, en)) => (zh.into(), en.into()),
        None => (table.into(), table.into()),
    }
}

/// (zh, en) header for a column of `table`.
pub(super) fn column_header(table: &str, column: &str) -> (String, String) {
    let specific = match (table, column) {
        ("customers", "id") => Some(("客户编号", "Customer ID")),
        ("customers", "name") => Some(("姓名", "Name")),
        ("users", "id") => Some(("用户编号", "User ID")),
        ("audit_log", "id") => Some(("序号", "No.")),
        ("audit_log", "at") => Some(("时间", "Time")),
        ("backups", "path") => Some(("备份文件", "Backup file")),
        ("backups", "created_by") => Some(("备份人", "Made by")),
        ("backup_targets", "label") => Some(("名称", "Label")),
        ("customer_phones", "label") => Some(("备注", "Label")),
        ("customer_phones", "position") => Some(("顺序", "Order")),
        _ => None,
    };
    let general = || match column {
        "id" => Some(("编号", "ID")),
        "name" => Some(("名称", "Name")),
        "customer_id" => Some(("客户编号", "Customer ID")),
        "gender" => Some(("性别", "Gender")),
        "birthday" => Some(("生日", "Birthday")),
        "email" => Some(("邮箱", "Email")),
        "wechat_id" => Some(("微信号", "WeChat ID")),
        "qq" => Some(("QQ", "QQ")),
        "province" => Some(("省份", "Province")),
        "city" => Some(("城市", "City")),
        "address" => Some(("地址", "Address")),
        "source_channel" => Some(("来源渠道", "Source channel")),
        "notes" => Some(("备注", "Notes")),
        "created_at" => Some(("创建时间", "Created at")),
        "updated_at" => Some(("更新时间", "Updated at")),
        "deleted_at" => Some(("删除时间", "Deleted at")),
        "phone" => Some(("电话", "Phone")),
        "label" => Some(("标签", "Label")),
        "platform" => Some(("平台", "Platform")),
        "nick" => Some(("昵称", "Nickname")),
        "tag" => Some(("标签", "Tag")),
        "username" => Some(("用户名", "User name")),
        "display_name" => Some(("显示名", "Display name")),
        "role" => Some(("角色", "Role")),
        "disabled" => Some(("已停用", "Disabled")),
        "last_login_at" => Some(("上次登录", "Last login")),
        "password_changed_at" => Some(("改密时间", "Password changed at")),
        "key" => Some(("设置项", "Setting")),
        "value" => Some(("值", "Value")),
        "actor_id" => Some(("操作人编号", "Actor ID")),
        "actor_name" => Some(("操作人", "Actor")),
        "action" => Some(("操作", "Action")),
        "subject" => Some(("对象", "Subject")),
        "detail" => Some(("详情", "Detail")),
        "prev_hash" => Some(("上一条哈希", "Previous hash")),
        "hash" => Some(("哈希", "Hash")),
        "path" => Some(("路径", "Path")),
        "added_at" => Some(("添加时间", "Added at")),
        "last_ok_at" => Some(("上次成功", "Last success")),
        "last_error" => Some(("上次错误", "Last error")),
        "last_error_at" => Some(("上次出错时间", "Last error at")),
        "target_id" => Some(("备份位置编号", "Folder ID")),
        "size" => Some(("大小（字节）", "Size (bytes)")),
        "verified_at" => Some(("校验时间", "Verified at")),
        "created_by" => Some(("创建人", "Created by")),
        _ => None,
    };
    match specific.or_else(general) {
        Some((zh, en)) => (zh.into(), en.into()),
        None => (column.into(), column.into()),
    }
}

/// How to read a column, from its name and declared SQL type. Names carry units (`*_fen`,
/// `*_at`, or just `at`), as the schema's habits require; birthdays stay text ('--MM-DD' has no year).
pub(super) fn column_kind(column: &str, decl_type: &str) -> ColumnKind {
    let decl = decl_type.to_ascii_uppercase();
    if column.ends_with("_fen") {
        ColumnKind::MoneyFen
    } else if column == "at" || column.ends_with("_at") {
        ColumnKind::DateTime
    } else if column == "birthday" {
        ColumnKind::Text
    } else if column == "disabled" || column.starts_with("is_") || column.starts_with("has_") {
        ColumnKind::Bool
    } else if decl.contains("INT") {
        ColumnKind::Integer
    } else {
        ColumnKind::Text
    }
}

/// (zh, en) for a stored code that a person should not have to decode (`female`, `owner`).
/// Unknown codes stay as stored.
pub(super) fn code_label(
    table: &str,
    column: &str,
    value: &str,
) -> Option<(&'static str, &'static str)> {
    let _ = table;
    Some(match (column, value) {
        ("gender", "male") => ("男", "Male"),
        ("gender", "female") => ("女", "Female"),
        ("gender", "unknown") => ("未知", "Unknown"),
        ("role", "owner") => ("店主", "Owner"),
        ("role", "manager") => ("店长", "Manager"),
        ("role", "rep") => ("客服", "Service rep"),
        _ => return None,
    })
}

/// Translate the code cells of `table` (the database table `name`) into `lang`.
pub(super) fn translate_codes(
    table: &mut crate::table::Table,
    name: &str,
    lang: crate::i18n::Lang,
) {
    use crate::table::Cell;
    let columns: Vec<(usize, String)> = table
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| (i, c.key.clone()))
        .collect();
    for row in &mut table.rows {
        for (i, key) in &columns {
            if let Some(Cell::Text(v)) = row.get_mut(*i) {
                if let Some((zh, en)) = code_label(name, key, v) {
                    *v = match lang {
                        crate::i18n::Lang::ZhCn => zh,
                        crate::i18n::Lang::En => en,
                    }
                    .to_string();
                }
            }
        }
    }
}

//! Roles and rights, as in docs/DEFAULTS.md (Roles): owner ⊇ manager ⊇ service rep.

use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Debug, Hash)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Owner,
    Manager,
    Rep,
}

/// Something a role may or may not do.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Permission {
    /// Read and write customers, orders, tickets.
    WorkWithCustomers,
    /// See full phone numbers and addresses without asking (reps reveal one customer at a time).
    SeeUnmaskedContacts,
    ExportData,
    /// Delete (to the recycle bin, purged after 30 days), erase or merge customers, undo imports.
    EraseMergeUndo,
    /// Point adjustments above the rep limit, issuing coupons.
    LoyaltyAdmin,
    /// Add, disable users; reset passwords.
    ManageUsers,
    /// Shop settings, backup folders, reading and restoring backups, raw key export.
    ManageSettings,
    /// Start a backup now and see the backup folders' status (owner and manager).
    BackUpNow,
    /// Enter the year's official holiday arrangement (.ics import or typed dates).
    EnterHolidays,
    /// Integrity and audit-chain checks.
    VerifyStore,
    /// The Insight screen: RFM classes, lifecycle, movement; threshold changes and re-scoring
    /// (owner and manager; reps see one customer's class on the 360 page).
    SeeInsight,
    /// Create, edit and delete saved customer segments (owner and manager).
    ManageSegments,
}

impl Role {
    pub fn can(self, p: Permission) -> bool {
        use Permission::*;
        match self {
            Role::Owner => true,
            Role::Manager => !matches!(p, ManageUsers | ManageSettings),
            Role::Rep => matches!(p, WorkWithCustomers),
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        match s.trim().to_ascii_lowercase().as_str() {
            "owner" | "店主" => Some(Role::Owner),
            "manager" | "店长" => Some(Role::Manager),
            "rep" | "service" | "客服" => Some(Role::Rep),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Owner => "owner",
            Role::Manager => "manager",
            Role::Rep => "rep",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Role::Owner => "店主",
            Role::Manager => "店长",
            Role::Rep => "客服",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Role::Owner => "owner",
            Role::Manager => "manager",
            Role::Rep => "service rep",
        }
    }
}

impl Permission {
    /// (zh, en) phrase for "may not …" messages.
    pub fn describe(self) -> (&'static str, &'static str) {
        use Permission::*;
        match self {
            WorkWithCustomers => ("处理客户资料", "work with customer records"),
            SeeUnmaskedContacts => ("查看完整联系方式", "see full contact details"),
            ExportData => ("导出数据", "export data"),
            EraseMergeUndo => (
                "删除、清除、合并客户或撤销导入",
                "delete, erase or merge customers or undo imports",
            ),
            LoyaltyAdmin => (
                "做大额积分调整或发券",
                "make large point adjustments or issue coupons",
            ),
            ManageUsers => ("管理用户", "manage users"),
            ManageSettings => ("修改店铺设置", "change shop settings"),
            BackUpNow => ("立即备份", "back up now"),
            EnterHolidays => ("录入节假日安排", "enter the holiday arrangement"),
            VerifyStore => ("校验数据库", "verify the store"),
            SeeInsight => (
                "查看客户洞察或修改分层规则",
                "see customer insight or change its rules",
            ),
            ManageSegments => ("管理客户分组", "manage customer segments"),
        }
    }
}

//! The ticket vocabulary: types, channels, priorities, states and the one table of legal state
//! changes. Stored codes are lowercase English; labels exist in zh-CN and English so errors and
//! exports can name them. The state machine lives here (not in SQL or the UI) so a single
//! function, [`TicketState::check_transition`], decides what may happen.

use crate::{Error, Result};
use serde::{Deserialize, Serialize};

/// An enum stored as a text code, with zh-CN / English labels, parsed from either.
macro_rules! code_enum {
    ($(#[$m:meta])* $name:ident { $($v:ident = $code:literal, $zh:literal, $en:literal;)+ }) => {
        $(#[$m])*
        #[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "ts", derive(ts_rs::TS))]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($v),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$v),+];
            pub fn as_str(self) -> &'static str { match self { $($name::$v => $code),+ } }
            pub fn label_zh(self) -> &'static str { match self { $($name::$v => $zh),+ } }
            pub fn label_en(self) -> &'static str { match self { $($name::$v => $en),+ } }
            /// The stored code or either label (case-insensitive).
            pub fn parse(s: &str) -> Option<$name> {
                let t = s.trim();
                Self::ALL.iter().copied().find(|x| {
                    x.as_str().eq_ignore_ascii_case(t) || x.label_zh() == t || x.label_en().eq_ignore_ascii_case(t)
                })
            }
            pub(crate) fn from_code(s: &str) -> $name {
                Self::ALL.iter().copied().find(|x| x.as_str() == s).unwrap_or(Self::ALL[0])
            }
        }
    };
}
#[allow(unused_imports)]
pub(crate) use code_enum;

code_enum!(TicketType {
    Complaint = "complaint", "投诉", "Complaint";
    ReturnRefund = "return_refund", "退换货/退款", "Return / refund";
    Inquiry = "inquiry", "咨询", "Inquiry";
    Suggestion = "suggestion", "建议", "Suggestion";
    Praise = "praise", "表扬", "Praise";
});

code_enum!(TicketChannel {
    Phone = "phone", "电话", "Phone";
    Wechat = "wechat", "微信", "WeChat";
    Wangwang = "wangwang", "旺旺", "Wangwang";
    InStore = "in_store", "到店", "In store";
    Email = "email", "邮件", "Email";
});

code_enum!(Priority {
    P1 = "p1", "P1 紧急", "P1 urgent";
    P2 = "p2", "P2 普通", "P2 normal";
    P3 = "p3", "P3 咨询/建议", "P3 question / suggestion";
});

code_enum!(TicketState {
    New = "new", "新建", "New";
    Assigned = "assigned", "已分配", "Assigned";
    InProgress = "in_progress", "处理中", "In progress";
    Waiting = "waiting", "待客户回复", "Waiting on customer";
    Resolved = "resolved", "已解决", "Resolved";
    Closed = "closed", "已关闭", "Closed";
    Merged = "merged", "已合并", "Merged";
});

/// Business hours per target (see `sla` for what an hour means).
pub const HOUR: i64 = 3600;

impl Priority {
    /// DEFAULTS.md: complaints and returns P2, questions/suggestions/praise P3.
    pub fn default_for(t: TicketType) -> Priority {
        match t {
            TicketType::Complaint | TicketType::ReturnRefund => Priority::P2,
            TicketType::Inquiry | TicketType::Suggestion | TicketType::Praise => Priority::P3,
        }
    }

    /// First-response target in business seconds (P1 2 h, P2/P3 24 h).
    pub fn first_response_secs(self) -> i64 {
        match self {
            Priority::P1 => 2 * HOUR,
            Priority::P2 | Priority::P3 => 24 * HOUR,
        }
    }

    /// Resolution target in business seconds (P1 24 h, P2 48 h, P3 72 h).
    pub fn resolution_secs(self) -> i64 {
        match self {
            Priority::P1 => 24 * HOUR,
            Priority::P2 => 48 * HOUR,
            Priority::P3 => 72 * HOUR,
        }
    }
}

impl TicketState {
    /// Still needs work (counts in queues and SLA).
    pub fn is_open(self) -> bool {
        !matches!(
            self,
            TicketState::Resolved | TicketState::Closed | TicketState::Merged
        )
    }

    /// The legal moves. Merging is its own operation (any open or resolved ticket may be merged);
    /// closed and merged tickets are final except that a closed ticket cannot be reopened —
    /// the customer gets a new ticket, which keeps reports honest.
    pub fn can_become(self, to: TicketState) -> bool {
        use TicketState::*;
        matches!(
            (self, to),
            (New, Assigned)
                | (New, InProgress)
                | (New, Resolved)
                | (Assigned, InProgress)
                | (Assigned, Waiting)
                | (Assigned, Resolved)
                | (InProgress, Waiting)
                | (InProgress, Resolved)
                | (Waiting, InProgress)
                | (Waiting, Resolved)
                | (Resolved, InProgress)
                | (Resolved, Closed)
                | (New, Merged)
                | (Assigned, Merged)
                | (InProgress, Merged)
                | (Waiting, Merged)
                | (Resolved, Merged)
        )
    }

    /// The moves a person picks on the ticket page, in display order: the legal moves except
    /// `assigned` (assigning someone does that) and `merged` (the merge action). `resolved` is
    /// among them when the ticket may be resolved (the resolve dialog); the UI shows exactly
    /// these, so it never mirrors [`Self::can_become`].
    pub fn next_states(self) -> Vec<TicketState> {
        Self::ALL
            .iter()
            .copied()
            .filter(|&to| !matches!(to, TicketState::Assigned | TicketState::Merged))
            .filter(|&to| self.can_become(to))
            .collect()
    }

    /// Refuse an illegal move with an error naming both states.
    pub fn check_transition(self, to: TicketState) -> Result<()> {
        if self.can_become(to) {
            return Ok(());
        }
        Err(Error::invalid(
            format!(
                "状态：工单不能从“{}”改为“{}”。",
                self.label_zh(),
                to.label_zh()
            ),
            format!(
                "State: a ticket cannot go from '{}' to '{}'.",
                self.label_en(),
                to.label_en()
            ),
        ))
    }
}

/// Human ticket number: T + at least six digits of the id (T000123).
pub fn ticket_no(id: i64) -> String {
    format!("T{id:06}")
}

/// Accepts "T000123", "t123", "123".
pub fn parse_ticket_no(s: &str) -> Option<i64> {
    let t = s.trim();
    let digits = t
        .strip_prefix('T')
        .or_else(|| t.strip_prefix('t'))
        .unwrap_or(t);
    digits.parse().ok().filter(|&n: &i64| n > 0)
}

code_enum!(
    /// Why a customer gave 1–2 stars (required then).
    CsatReason {
        SlowResponse = "slow_response", "回复太慢", "Slow response";
        NotSolved = "not_solved", "问题没有解决", "Problem not solved";
        Attitude = "attitude", "服务态度差", "Unfriendly service";
        Compensation = "compensation", "补偿不满意", "Unhappy with compensation";
        ProductQuality = "product_quality", "商品质量问题", "Product quality";
        Delivery = "delivery", "物流/配送问题", "Delivery problem";
        ProcessTooLong = "process_too_long", "流程太繁琐", "Process too complicated";
        Other = "other", "其他", "Other";
    }
);

code_enum!(
    /// Root-cause category recorded at resolution (top causes in reports).
    RootCause {
        ProductDefect = "product_defect", "商品质量", "Product defect";
        WrongItem = "wrong_item", "发错货/漏发", "Wrong or missing item";
        Logistics = "logistics", "物流问题", "Logistics";
        Description = "description", "描述不符", "Not as described";
        Service = "service", "服务问题", "Service";
        Pricing = "pricing", "价格/优惠", "Pricing / promotion";
        CustomerMisunderstanding = "customer_misunderstanding", "顾客误解", "Customer misunderstanding";
        Other = "other", "其他", "Other";
    }
);

code_enum!(
    /// What a timeline entry records.
    EventKind {
        Created = "created", "创建", "Created";
        Note = "note", "备注", "Note";
        Call = "call", "电话", "Call";
        Message = "message", "消息", "Message";
        State = "state", "状态变更", "State change";
        Assignee = "assignee", "负责人变更", "Assignee change";
        Resolution = "resolution", "解决", "Resolution";
        Merge = "merge", "合并", "Merge";
    }
);

impl EventKind {
    /// Contact with the customer: the first one ends the first-response window.
    pub fn is_contact(self) -> bool {
        matches!(self, EventKind::Call | EventKind::Message)
    }
}

#[cfg(test)]
mod next_state_tests {
    use super::TicketState::{self, *};

    // Moved from the UI (ui/test/ticketsSla.test.ts), which used to compute these itself.
    #[test]
    fn the_ticket_page_offers_the_legal_moves_but_not_assign_or_merge() {
        assert_eq!(New.next_states(), vec![InProgress, Resolved]);
        assert_eq!(Assigned.next_states(), vec![InProgress, Waiting, Resolved]);
        assert_eq!(InProgress.next_states(), vec![Waiting, Resolved]);
        assert_eq!(Waiting.next_states(), vec![InProgress, Resolved]);
        assert_eq!(Resolved.next_states(), vec![InProgress, Closed]);
        assert_eq!(Closed.next_states(), Vec::<TicketState>::new());
        assert_eq!(Merged.next_states(), Vec::<TicketState>::new());
    }
}

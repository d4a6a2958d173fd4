//! Customer care: the follow-up log on every customer (回访, 关怀, 催付, 召回, 生日) and the
//! "Today" due list built from it, the SLA queues, unpaid orders and birthdays.
//!
//! * [`followups`] — log a contact, list a customer's log; the newest entry's "next contact
//!   date" is what makes a customer due (older ones are superseded).
//! * [`payment`] — the 催付 schedule (pure).
//! * [`today`] — the due list in one call, with counts for the navigation.

pub mod followups;
pub mod payment;
pub mod today;

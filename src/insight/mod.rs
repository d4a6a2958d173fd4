//! Insight (客户洞察, issue 12): every live customer's RFM class, quintile scores, lifecycle stage
//! and 老客 flag, computed by one scoring pass as of a shop day and stored — never computed on a
//! page load — plus monthly snapshots for movement, threshold previews and the per-customer
//! explanation in words.
//!
//! - [`rules`]: the pure rules (classes, stages, lines, medians, quintiles); [`labels`]: label
//!   sets, presets and the explanation text.
//! - [`decide`]: facts → lines → classes and stages, the one decision every pass makes.
//! - [`history`]: the one ordered read of counted orders every computation starts from.
//! - [`pass`]: the scoring pass ([`score`]), its params and when the job runs it ([`is_due`]);
//!   [`write`]: how it stores its rows (only what changed), [`stored`]: those rows read back;
//!   [`months`]: the monthly snapshots it keeps up to date.
//! - [`read`]: the Insight screen's data; [`customer`]: one customer explained; [`tune`]:
//!   settings, preview and save.
//!
//! Who runs the pass: the periodic job ([`crate::jobs::run_due`]), an import's commit, a
//! settings save, the sample-shop generator and `laoke insight score`.

pub mod customer;
pub mod decide;
pub mod history;
pub mod labels;
pub mod months;
pub mod pass;
pub mod read;
pub mod rules;
pub mod stored;
pub mod tune;
pub mod write;

pub use customer::{class_labels, customer, CustomerInsight, MonthClass};
pub use labels::{ClassLabel, LabelSet, Preset};
pub use pass::{is_due, run_if_due, score, score_in_tx, PassReport};
pub use read::{
    months, movement, overview, ClassCount, InsightOverview, MoveCell, MoveKind, Movement,
    StageCount,
};
pub use rules::{InsightParams, LineMode, Lines, RfmClass, Stage};
pub use tune::{
    get_settings as settings, preview, rescore, save_settings, InsightSettings, ThresholdPreview,
};
